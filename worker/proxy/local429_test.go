package proxy

import (
	"reflect"
	"testing"
)

func TestBlockFrom(t *testing.T) {
	const now = int64(1_700_000_000_000) // Unix ms
	tests := []struct {
		name    string
		headers Headers
		want    *Block
	}{
		{"remaining 0, reset ahead", Headers{"x-rate-limit-limit": "450", "x-rate-limit-remaining": "0", "x-rate-limit-reset": "1700000900"},
			&Block{Until: 1_700_000_900_000, Headers: Headers{"x-rate-limit-limit": "450", "x-rate-limit-remaining": "0", "x-rate-limit-reset": "1700000900"}}},
		{"remaining left", Headers{"x-rate-limit-remaining": "3", "x-rate-limit-reset": "1700000900"}, nil},
		{"reset already past", Headers{"x-rate-limit-remaining": "0", "x-rate-limit-reset": "1699999999"}, nil},
		{"reset not a number", Headers{"x-rate-limit-remaining": "0", "x-rate-limit-reset": "soon"}, nil},
		{"no headers", Headers{}, nil},
		{"remaining 0 but no reset", Headers{"x-rate-limit-remaining": "0"}, nil},
		{"negative reset", Headers{"x-rate-limit-remaining": "0", "x-rate-limit-reset": "-1700000900"}, nil},
		{"names in any case (one lookup: core/header)", Headers{"X-Rate-Limit-Remaining": "0", "X-Rate-Limit-Reset": "1700000900"},
			&Block{Until: 1_700_000_900_000, Headers: Headers{"x-rate-limit-remaining": "0", "x-rate-limit-reset": "1700000900"}}},
		{"24-hour app cap outlasts the window", Headers{
			"x-rate-limit-remaining": "0", "x-rate-limit-reset": "1700000900",
			"x-app-limit-24hour-limit": "10000", "x-app-limit-24hour-remaining": "0", "x-app-limit-24hour-reset": "1700050000",
		}, &Block{Until: 1_700_050_000_000, Headers: Headers{
			"x-rate-limit-remaining": "0", "x-rate-limit-reset": "1700000900",
			"x-app-limit-24hour-limit": "10000", "x-app-limit-24hour-remaining": "0", "x-app-limit-24hour-reset": "1700050000",
		}}},
		{"user cap only", Headers{"x-rate-limit-remaining": "12", "x-user-limit-24hour-remaining": "0", "x-user-limit-24hour-reset": "1700003600"},
			&Block{Until: 1_700_003_600_000, Headers: Headers{"x-user-limit-24hour-remaining": "0", "x-user-limit-24hour-reset": "1700003600"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := BlockFrom(tt.headers, now); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("BlockFrom = %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestLocal(t *testing.T) {
	b := Block{Until: 1_700_000_900_000, Headers: Headers{"x-rate-limit-remaining": "0", "x-rate-limit-reset": "1700000900"}}
	got := Local(b, 1_700_000_000_000)
	want := LocalAnswer{
		Status: 429,
		Headers: Headers{"content-type": "application/json; charset=utf-8",
			"x-rate-limit-remaining": "0", "x-rate-limit-reset": "1700000900"},
		Body:         `{"title":"Too Many Requests","type":"about:blank","status":429,"detail":"Too Many Requests"}`,
		RetryAfterMs: 900_000,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Local = %+v\nwant %+v", got, want)
	}
}
