package main

import (
	"strings"
	"testing"
)

// benchDecidePayload is the search request of /work/notes' bridge bench and
// worker/bench.sh: what src/go.mjs sends for a forwarded call.
var benchDecidePayload = []byte(strings.Join([]string{"GET",
	"/2/tweets/search/recent?query=from%3AXDevelopers%20-is%3Aretweet&max_results=10", "1700000000000",
	"accept: */*\nauthorization: Bearer BENCH-3\nhost: 127.0.0.1:1234\nuser-agent: node\n"}, "\x00"))

// BenchmarkDecideCall is the whole decide bridge function: split the
// payload, parse the header lines, Gate.Decide, encode the envelope.
func BenchmarkDecideCall(b *testing.B) {
	if e := decode(b, configure([]byte(`{"apiOrigin":"http://127.0.0.1:1"}`))); !e.OK {
		b.Fatalf("configure: %+v", e.Error)
	}
	b.ReportAllocs()
	for b.Loop() {
		decide(benchDecidePayload)
	}
}
