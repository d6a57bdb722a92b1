package header

import "testing"

// benchHeaders is the header map the Worker hands core/ for X's search
// answer: a dozen names, lower-cased by the JS Headers object.
var benchHeaders = map[string]string{
	"api-version": "2.167", "connection": "keep-alive", "content-type": "application/json; charset=utf-8",
	"date": "Tue, 14 Nov 2023 22:13:20 GMT", "keep-alive": "timeout=5", "set-cookie": "guest_id=v1%3A1; Path=/",
	"transfer-encoding": "chunked", "x-access-level": "read", "x-rate-limit-limit": "450",
	"x-rate-limit-remaining": "449", "x-rate-limit-reset": "1900000900", "x-transaction-id": "a1b2c3d4e5",
}

// BenchmarkGet: one lookup of a present and of an absent name.
func BenchmarkGet(b *testing.B) {
	b.Run("hit", func(b *testing.B) {
		for b.Loop() {
			Get(benchHeaders, "x-rate-limit-reset")
		}
	})
	b.Run("miss", func(b *testing.B) {
		for b.Loop() {
			Get(benchHeaders, "x-app-limit-24hour-reset")
		}
	})
}

// BenchmarkFold: nine lookups (ParseRateLimit's) by Get on the raw map, and
// by Get on the map Fold returns, Fold included.
func BenchmarkFold(b *testing.B) {
	names := []string{"x-rate-limit-limit", "x-rate-limit-remaining", "x-rate-limit-reset",
		"x-app-limit-24hour-limit", "x-app-limit-24hour-remaining", "x-app-limit-24hour-reset",
		"x-user-limit-24hour-limit", "x-user-limit-24hour-remaining", "x-user-limit-24hour-reset"}
	b.Run("Get", func(b *testing.B) {
		for b.Loop() {
			for _, n := range names {
				Get(benchHeaders, n)
			}
		}
	})
	b.Run("Fold.Get", func(b *testing.B) {
		for b.Loop() {
			f := Fold(benchHeaders)
			for _, n := range names {
				f.Get(n)
			}
		}
	})
}
