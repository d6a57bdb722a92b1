package wire_test

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/xpreflight/xpreflight/core/wire"
)

// benchCase is one entry of testdata/handle_bench_inputs.json. wasm/bench.sh
// replays the same inputs through the wasm module, so the two runs compare
// like with like and the wasm/native ratio is meaningful.
type benchCase struct {
	Op     string          `json:"op"`
	Name   string          `json:"name"`
	Source string          `json:"source"`
	Input  json.RawMessage `json:"input"`
}

func loadBenchCases(tb testing.TB) []benchCase {
	tb.Helper()
	raw, err := os.ReadFile("testdata/handle_bench_inputs.json")
	if err != nil {
		tb.Fatal(err)
	}
	var file struct {
		Cases []benchCase `json:"cases"`
	}
	if err := json.Unmarshal(raw, &file); err != nil {
		tb.Fatalf("testdata/handle_bench_inputs.json: %v", err)
	}
	return file.Cases
}

// BenchmarkHandle measures wire.Handle natively for each op: the baseline of
// the wasm per-call budget (≤ 4x native, DESIGN.md).
func BenchmarkHandle(b *testing.B) {
	for _, c := range loadBenchCases(b) {
		b.Run(c.Op, func(b *testing.B) {
			skipUnlessOK(b, c)
			b.SetBytes(int64(len(c.Input)))
			b.ReportAllocs()
			for b.Loop() {
				wire.Handle(c.Op, c.Input)
			}
		})
	}
}

// skipUnlessOK runs the case once: timing an error path would say nothing
// about the op. An op that is not implemented yet (internal error) is
// skipped with its message; any other failure means the input is wrong.
func skipUnlessOK(b *testing.B, c benchCase) {
	var r struct {
		OK    bool        `json:"ok"`
		Error *wire.Error `json:"error"`
	}
	out := wire.Handle(c.Op, c.Input)
	if err := json.Unmarshal(out, &r); err != nil {
		b.Fatalf("%s: Handle returned invalid JSON: %v", c.Op, err)
	}
	switch {
	case r.OK:
	case r.Error != nil && r.Error.Code == wire.CodeInternal:
		b.Skipf("%s (%s): %s", c.Op, c.Name, r.Error.Message)
	default:
		b.Fatalf("%s (%s): bench input rejected: %s", c.Op, c.Name, out)
	}
}

// TestHandleBenchInputsCoverEveryOp keeps the benchmark honest: every op has
// exactly one input, and each input is well-formed for its op.
func TestHandleBenchInputsCoverEveryOp(t *testing.T) {
	seen := map[string]int{}
	for _, c := range loadBenchCases(t) {
		seen[c.Op]++
		if c.Source == "" {
			t.Errorf("%s: bench case %q has no source", c.Op, c.Name)
		}
		var r struct {
			Error *wire.Error `json:"error"`
		}
		if err := json.Unmarshal(wire.Handle(c.Op, c.Input), &r); err != nil {
			t.Fatal(err)
		}
		if r.Error != nil && r.Error.Code != wire.CodeInternal {
			t.Errorf("%s: bench input rejected: %+v", c.Op, *r.Error)
		}
	}
	for _, op := range wire.Ops() {
		if seen[op] != 1 {
			t.Errorf("op %s has %d bench inputs, want 1", op, seen[op])
		}
	}
}
