package proxy

import "testing"

func TestRoomUntil(t *testing.T) {
	const now = 1_700_000_000_000
	tests := []struct {
		name    string
		headers Headers
		want    int64
	}{
		{"plenty left: room for the TTL", Headers{"x-rate-limit-remaining": "449", "x-rate-limit-reset": "1700000900"}, now + RoomTTLMs},
		{"reset sooner than the TTL", Headers{"x-rate-limit-remaining": "449", "x-rate-limit-reset": "1700000000"}, 0},
		{"reset within the TTL is the end", Headers{"x-rate-limit-remaining": "449", "x-rate-limit-reset": "1700000001"}, 1700000001 * 1000},
		{"reset far beyond the TTL", Headers{"x-rate-limit-remaining": "449", "x-rate-limit-reset": "1700086400"}, now + RoomTTLMs},
		{"exactly RoomMin left: no room", Headers{"x-rate-limit-remaining": "10", "x-rate-limit-reset": "1700000900"}, 0},
		{"RoomMin+1 left", Headers{"x-rate-limit-remaining": "11", "x-rate-limit-reset": "1700000900"}, now + RoomTTLMs},
		{"remaining 0", Headers{"x-rate-limit-remaining": "0", "x-rate-limit-reset": "1700000900"}, 0},
		{"no headers", Headers{}, 0},
		{"unreadable remaining", Headers{"x-rate-limit-remaining": "lots", "x-rate-limit-reset": "1700000900"}, 0},
		{"no reset", Headers{"x-rate-limit-remaining": "449"}, 0},
		{"reset in the past", Headers{"x-rate-limit-remaining": "449", "x-rate-limit-reset": "1600000000"}, 0},
		{"a 24-hour cap nearly spent", Headers{"x-rate-limit-remaining": "449", "x-rate-limit-reset": "1700000900",
			"x-app-limit-24hour-remaining": "3", "x-app-limit-24hour-reset": "1700050000"}, 0},
		{"a 24-hour cap with room", Headers{"x-rate-limit-remaining": "449", "x-rate-limit-reset": "1700000900",
			"x-user-limit-24hour-remaining": "300", "x-user-limit-24hour-reset": "1700050000"}, now + RoomTTLMs},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := RoomUntil(tt.headers, now); got != tt.want {
				t.Errorf("RoomUntil = %d, want %d", got, tt.want)
			}
		})
	}
}
