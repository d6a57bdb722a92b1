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
