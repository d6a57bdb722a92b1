package apierr

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestPlainSuccess(t *testing.T) {
	for _, tc := range []struct {
		status int
		body   string
		want   bool
	}{
		{200, `{"data":[{"id":"1","text":"cat"}],"meta":{"result_count":1}}`, true},
		{201, ` {"data":{"id":"1"}}`, true},
		{200, `{"data":[],"errors":[{"title":"Not Found Error"}]}`, false},
		{200, `{"data":[],"\u0065rrors":[{"title":"Not Found Error"}]}`, false}, // an escaped key
		{200, `{"title":"x","type":"https://api.x.com/2/problems/x"}`, false},
		{200, `{"data":1`, false}, // cut off
		{200, `{}{"errors":[]}`, false},
		{200, `[1,2]`, false},
		{200, ``, false},
		{404, `{"data":1}`, false},
		{200, `{"prototype":1}`, false}, // may say no to a plain body: classed in full
		{200, `{"\u0074ype":"about:blank"}`, false},
		{200, `{"data":{"text":"\"prototype\""}}`, true}, // an escaped quote ends no key
		{200, `{"data":{"text":"😀 \ud83d\ude00"}}`, true},
		{200, " \r\n\t{\"data\":{}}", true},
		{200, `not json`, false},
	} {
		if got := PlainSuccess(tc.status, []byte(tc.body)); got != tc.want {
			t.Errorf("PlainSuccess(%d, %q) = %v, want %v", tc.status, tc.body, got, tc.want)
		}
	}
}

func FuzzPlainSuccessAgrees(f *testing.F) {
	for _, s := range []string{`{"data":1}`, `{"errors":[]}`, `{"\u0074ype":"x"}`, `{`, `{"data":"\u00e9"}`} {
		f.Add(200, s)
	}
	f.Fuzz(func(t *testing.T, status int, body string) {
		if !PlainSuccess(status, []byte(body)) {
			return
		}
		if c := Classify(Response{Status: status, Body: []byte(body)}).Class; c != Success {
			t.Fatalf("PlainSuccess(%d, %q) but Classify says %s", status, body, c)
		}
	})
}

// BenchmarkPlainSuccess: the shortcut against the parse it skips, on a
// 20-post search answer.
func BenchmarkPlainSuccess(b *testing.B) {
	body := []byte(`{"data":[` + strings.TrimSuffix(strings.Repeat(`{"id":"1445880548472328192","text":"the cat sat on the mat","author_id":"2244994945","created_at":"2021-10-06T22:30:33.000Z"},`, 20), ",") + `],"meta":{"result_count":20,"newest_id":"1","oldest_id":"2"}}`)
	b.Run("PlainSuccess", func(b *testing.B) {
		for b.Loop() {
			if !PlainSuccess(200, body) {
				b.Fatal("not plain")
			}
		}
	})
	b.Run("json.Valid", func(b *testing.B) {
		for b.Loop() {
			json.Valid(body)
		}
	})
	b.Run("Classify", func(b *testing.B) {
		for b.Loop() {
			Classify(Response{Status: 200, Body: body})
		}
	})
}
