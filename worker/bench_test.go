package main

import (
	"os"
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

// benchResponseHeaders are the header lines src/go.mjs sends with the stand-in
// for X's search answer (the same as /work/notes/bridge-bench.mjs).
const benchResponseHeaders = "api-version: 2.167\nconnection: keep-alive\ncontent-type: application/json; charset=utf-8\n" +
	"date: Tue, 14 Nov 2023 22:13:20 GMT\nkeep-alive: timeout=5\nset-cookie: guest_id=v1%3A1; Path=/, lang=en; Path=/\n" +
	"transfer-encoding: chunked\nx-access-level: read\nx-rate-limit-limit: 450\nx-rate-limit-remaining: 449\n" +
	"x-rate-limit-reset: 1900000900\nx-transaction-id: a1b2c3d4e5\n"

const benchTarget = "/2/tweets/search/recent?query=from%3AXDevelopers%20-is%3Aretweet&max_results=10"

// BenchmarkAnnotateCall is the whole bridge function the Worker calls for
// every forwarded answer: fields in, envelope out (the JS side's cost is not
// in it; /work/notes/bridge-bench.mjs measures the two together).
func BenchmarkAnnotateCall(b *testing.B) {
	body, err := os.ReadFile("test/fixtures/search-recent-200.json")
	if err != nil {
		b.Fatal(err)
	}
	head := strings.Join([]string{"GET", benchTarget, "200", "1700000000000", "0.5", "", benchResponseHeaders}, "\x00")
	b.Run("body", func(b *testing.B) {
		payload := []byte(head + "\x00" + string(body))
		for b.Loop() {
			annotate(payload)
		}
	})
	b.Run("no-body", func(b *testing.B) {
		payload := []byte(head)
		for b.Loop() {
			annotate(payload)
		}
	})
}
