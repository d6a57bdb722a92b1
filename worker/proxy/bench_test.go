package proxy

import (
	"os"
	"testing"

	"github.com/xpreflight/xpreflight/core/wire"
)

const benchTarget = "/2/tweets/search/recent?query=from%3AXDevelopers%20-is%3Aretweet&max_results=10"

func BenchmarkDecide(b *testing.B) {
	g, _ := NewGate(Config{Token: "T"})
	in := Inbound{Method: "GET", Target: benchTarget, Headers: Headers{"authorization": "Bearer X", "host": "a"}, Now: 1_700_000_000_000}
	for b.Loop() {
		g.Decide(in)
	}
}

// BenchmarkValidateRequestWire: the validator alone, through the wire contract.
func BenchmarkValidateRequestWire(b *testing.B) {
	req := []byte(`{"method":"GET","url":"` + benchTarget + `","headers":{"authorization":"Bearer X"},"now":1700000000000}`)
	for b.Loop() {
		wire.Handle("validateRequest", req)
	}
}

func BenchmarkAnnotate(b *testing.B) {
	body, err := os.ReadFile("../test/fixtures/search-recent-200.json")
	if err != nil {
		b.Fatal(err)
	}
	s := string(body)
	out := Outbound{Method: "GET", Target: benchTarget, Status: 200, Body: &s, Now: 1_700_000_000_000,
		Headers: Headers{"content-type": "application/json", "x-rate-limit-remaining": "449", "x-rate-limit-reset": "1700000900"}}
	for b.Loop() {
		Annotate(out)
	}
}

// BenchmarkAnnotateRoom is the Worker's whole answer step for the common
// answer (worker/functions.go's annotate: Annotate, which now computes the
// room too; it used to be Annotate, then RoomUntil) with the header set the
// stand-in for X sends with a search answer.
func BenchmarkAnnotateRoom(b *testing.B) {
	body, err := os.ReadFile("../test/fixtures/search-recent-200.json")
	if err != nil {
		b.Fatal(err)
	}
	s := string(body)
	h := ParseHeaderLines("content-type: application/json; charset=utf-8\nx-rate-limit-limit: 450\n" +
		"x-rate-limit-remaining: 449\nx-rate-limit-reset: 1700000900\nx-transaction-id: a1b2c3d4e5\n" +
		"x-access-level: read\napi-version: 2.167\nset-cookie: guest_id=v1%3A1; Path=/, lang=en; Path=/\n" +
		"date: Tue, 14 Nov 2023 22:13:20 GMT\nconnection: keep-alive\nkeep-alive: timeout=30\ncontent-length: 1931\n")
	out := Outbound{Method: "GET", Target: benchTarget, Status: 200, Body: &s, Now: 1_700_000_000_000, Headers: h}
	for b.Loop() {
		if Annotate(out).RoomUntil == 0 {
			b.Fatal("no room")
		}
	}
}

// BenchmarkDecideServerKey: a browser app's call, which carries
// x-preflight-key and goes upstream with the server's token.
func BenchmarkDecideServerKey(b *testing.B) {
	g, err := NewGate(Config{Keys: "k3y-secret-0123456789", Token: "T"})
	if err != nil {
		b.Fatal(err)
	}
	in := Inbound{Method: "GET", Target: benchTarget, Headers: Headers{"x-preflight-key": "k3y-secret-0123456789", "host": "a"}, Now: 1_700_000_000_000}
	b.ReportAllocs()
	for b.Loop() {
		g.Decide(in)
	}
}

// BenchmarkParseHeaderLines: the response header lines of X's search answer
// as src/go.mjs sends them.
func BenchmarkParseHeaderLines(b *testing.B) {
	lines := "api-version: 2.167\nconnection: keep-alive\ncontent-type: application/json; charset=utf-8\n" +
		"date: Tue, 14 Nov 2023 22:13:20 GMT\nkeep-alive: timeout=5\nset-cookie: guest_id=v1%3A1; Path=/, lang=en; Path=/\n" +
		"transfer-encoding: chunked\nx-access-level: read\nx-rate-limit-limit: 450\nx-rate-limit-remaining: 449\n" +
		"x-rate-limit-reset: 1900000900\nx-transaction-id: a1b2c3d4e5\n"
	for b.Loop() {
		ParseHeaderLines(lines)
	}
}
