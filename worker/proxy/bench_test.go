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
