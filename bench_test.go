package xpreflight

import (
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"testing"
	"time"
)

// BenchmarkTransport measures what the Transport adds to a call over a bare
// http.Transport to a loopback stand-in for X that answers with a recorded
// 1.9 KB search page (worker/test/fixtures/search-recent-200.json). Each
// iteration makes a batch of calls on each side — bare, Transport without
// validation (answer handling only), Transport — so load from elsewhere on
// the machine hits all alike; it reports each side's wall and CPU time per
// call and what it adds over bare in percent (goal ≤ 5).
// The sub-benchmarks give the usual ns/op and allocations per side.
func BenchmarkTransport(b *testing.B) {
	body, err := os.ReadFile("worker/test/fixtures/search-recent-200.json")
	if err != nil {
		b.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.Header().Set("x-rate-limit-limit", "450")
		w.Header().Set("x-rate-limit-remaining", "449")
		w.Header().Set("x-rate-limit-reset", "1764849600")
		w.Write(body)
	}))
	defer srv.Close()
	bare := &http.Transport{MaxIdleConnsPerHost: 4}
	defer bare.CloseIdleConnections()
	tr, err := New(bare, WithHosts(srv.Listener.Addr().String()))
	if err != nil {
		b.Fatal(err)
	}
	url := srv.URL + "/2/tweets/search/recent?query=from%3AXDevelopers%20-is%3Aretweet&max_results=10"
	call := func(b *testing.B, rt http.RoundTripper) {
		req, _ := http.NewRequest("GET", url, nil)
		resp, err := rt.RoundTrip(req)
		if err != nil {
			b.Fatal(err)
		}
		n, _ := io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 || n != int64(len(body)) {
			b.Fatalf("status %d, %d bytes", resp.StatusCode, n)
		}
	}
	noval, err := New(bare, WithHosts(srv.Listener.Addr().String()), WithoutValidation())
	if err != nil {
		b.Fatal(err)
	}
	b.Run("paired", func(b *testing.B) {
		// Each iteration runs a batch of calls per side; the side that goes
		// first rotates, so none always pays for another's garbage or finds
		// the connection pool warm. CPU is the process's (client, loopback
		// server and GC alike): on a shared machine it is steadier than wall
		// time, which other load stretches.
		const batch = 32
		sides := []struct {
			name string
			rt   http.RoundTripper
		}{{"bare", bare}, {"unvalidated", noval}, {"xpreflight", tr}}
		wall := make([]time.Duration, len(sides))
		cpu := make([]time.Duration, len(sides))
		n := 0
		for b.Loop() {
			for k := range sides {
				i := (k + n) % len(sides)
				c0, t0 := processCPU(), time.Now()
				for range batch {
					call(b, sides[i].rt)
				}
				wall[i] += time.Since(t0)
				cpu[i] += processCPU() - c0
			}
			n++
		}
		calls := float64(n * batch)
		for i, s := range sides {
			b.ReportMetric(float64(wall[i].Nanoseconds())/calls, s.name+"-wall-ns/call")
			if i > 0 {
				b.ReportMetric(100*(float64(wall[i])/float64(wall[0])-1), s.name+"-added-wall-%")
			}
			if cpu[0] > 0 {
				b.ReportMetric(float64(cpu[i].Nanoseconds())/calls, s.name+"-cpu-ns/call")
				if i > 0 {
					b.ReportMetric(100*(float64(cpu[i])/float64(cpu[0])-1), s.name+"-added-cpu-%")
				}
			}
		}
	})
	b.Run("bare", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			call(b, bare)
		}
	})
	b.Run("unvalidated", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			call(b, noval)
		}
	})
	b.Run("xpreflight", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			call(b, tr)
		}
	})
}

// BenchmarkOverhead is the Transport's own work per call without the
// network: judging the request, reading and classing the answer, attaching
// the Result, against a base that answers from memory. Its sub-benchmarks
// are the base alone, the Transport without validation and the Transport,
// so the added time and allocations read side by side.
func BenchmarkOverhead(b *testing.B) {
	body, err := os.ReadFile("worker/test/fixtures/search-recent-200.json")
	if err != nil {
		b.Fatal(err)
	}
	base := roundTripFunc(func(r *http.Request) (*http.Response, error) {
		return &http.Response{StatusCode: 200, Header: http.Header{"Content-Type": {"application/json"}, "X-Rate-Limit-Remaining": {"449"}},
			Body: io.NopCloser(newBytesReader(body)), ContentLength: int64(len(body)), Request: r}, nil
	})
	tr, _ := New(base)
	noval, _ := New(base, WithoutValidation())
	url := "https://api.x.com/2/tweets/search/recent?query=from%3AXDevelopers%20-is%3Aretweet&max_results=10"
	for _, side := range []struct {
		name string
		rt   http.RoundTripper
	}{{"base", base}, {"unvalidated", noval}, {"xpreflight", tr}} {
		b.Run(side.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				req, _ := http.NewRequest("GET", url, nil)
				resp, err := side.rt.RoundTrip(req)
				if err != nil {
					b.Fatal(err)
				}
				io.Copy(io.Discard, resp.Body)
			}
		})
	}
}
