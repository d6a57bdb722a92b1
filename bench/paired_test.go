package bench

import (
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"testing"
	"time"

	"github.com/xpreflight/xpreflight/core/params"
)

// processCPU is the CPU time the whole process has used, every thread
// (CLOCK_PROCESS_CPUTIME_ID, exact to the nanosecond): the benchmark loop
// and the garbage collector's workers alike.
func processCPU() time.Duration { return cpuClock(2) } // CLOCK_PROCESS_CPUTIME_ID (Linux)

// BenchmarkPaired is the primary comparison: each validator pays for its
// own work and its own garbage, and nothing of the other's, while the two
// alternate under the same machine load.
//
// Each iteration is one round: xpreflight validates the request oursN
// times, kin-openapi kinN times, then the garbage of the round is
// collected. Each half's process CPU time is charged to its validator,
// and the collection's CPU time is split between them by the bytes each
// allocated in the round (a collection's cost follows from how much was
// allocated since the last one). Automatic collection is off during the
// rounds, so no cycle started in one half runs on into the other. kinN is
// the number of requests in which kin-openapi allocates what the default
// pacer lets the heap grow by between cycles (kinRound), so one
// collection per round is no more often than it would run anyway. Today
// xpreflight allocates nothing on these requests, so the whole collection
// is kin-openapi's; a build of xpreflight that allocates pays its share.
//
// Run it with a round count, e.g. -benchtime 8x.
func BenchmarkPaired(b *testing.B) {
	for _, br := range benchRequests {
		b.Run(br.name, func(b *testing.B) { paired(b, br.url) })
	}
}

func paired(b *testing.B, url string) {
	k := newKin(b)
	req := params.Request{Method: "GET", URL: url}
	if !params.Validate(req).Valid {
		b.Fatal("xpreflight rejects the benchmark request")
	}
	kinN := kinRound(b, k, url)
	oursN := 8 * kinN // about as long as kin-openapi's half
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	runtime.GC()
	var ours, theirs time.Duration
	var oursBytes, theirBytes uint64
	worst := 0.0
	rounds := 0
	for b.Loop() {
		a0 := allocatedBytes()
		t0 := processCPU()
		for range oursN {
			params.Validate(req)
		}
		t1 := processCPU()
		a1 := allocatedBytes()
		for range kinN {
			if err := k.ValidateURL("GET", url); err != nil {
				b.Fatal(err)
			}
		}
		t2 := processCPU()
		a2 := allocatedBytes()
		runtime.GC()
		gc := processCPU() - t2
		ourShare := time.Duration(0)
		if a2 > a0 {
			ourShare = time.Duration(float64(gc) * float64(a1-a0) / float64(a2-a0))
		}
		o, t := t1-t0+ourShare, t2-t1+gc-ourShare
		ours, theirs = ours+o, theirs+t
		oursBytes, theirBytes = oursBytes+a1-a0, theirBytes+a2-a1
		rounds++
		if r := perRequest(t, kinN) / perRequest(o, oursN); worst == 0 || r < worst {
			worst = r
		}
	}
	if ours > 0 && rounds > 0 {
		b.ReportMetric(perRequest(ours, rounds*oursN), "xpreflight-cpu-ns/req")
		b.ReportMetric(perRequest(theirs, rounds*kinN), "kin-cpu-ns/req")
		b.ReportMetric(perRequest(theirs, rounds*kinN)/perRequest(ours, rounds*oursN), "x-faster")
		b.ReportMetric(worst, "x-faster-worst-round")
		b.ReportMetric(float64(oursBytes)/float64(rounds*oursN), "xpreflight-B/req")
		b.ReportMetric(float64(theirBytes)/float64(rounds*kinN), "kin-B/req")
		b.ReportMetric(float64(kinN), "kin-req/round")
	}
}

// allocatedBytes is the total the heap has allocated so far.
func allocatedBytes() uint64 {
	s := []metrics.Sample{{Name: "/gc/heap/allocs:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}

func perRequest(d time.Duration, n int) float64 { return float64(d.Nanoseconds()) / float64(n) }

// kinRound is how many requests make kin-openapi allocate what the
// collector lets the heap grow by between two cycles at the default
// GOGC: the heap goal after a collection minus the live heap (at least
// 1,000). The pacer starts a cycle somewhat before the goal, so collecting
// once per kinRound requests is, if anything, less often than kin-openapi
// would be collected on its own.
func kinRound(b *testing.B, k *KinValidator, url string) int {
	runtime.GC()
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}, {Name: "/gc/heap/goal:bytes"}}
	metrics.Read(s)
	live, goal := s[0].Value.Uint64(), s[1].Value.Uint64()
	if goal <= live {
		b.Fatalf("heap goal %d is not above the live heap %d", goal, live)
	}
	before := allocatedBytes()
	const probe = 200
	for range probe {
		if err := k.ValidateURL("GET", url); err != nil {
			b.Fatal(err)
		}
	}
	perReq := (allocatedBytes() - before) / probe
	if perReq == 0 {
		b.Fatal("kin-openapi allocated nothing: cannot size the round")
	}
	return max(1000, int((goal-live)/perReq))
}
