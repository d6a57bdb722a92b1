#!/usr/bin/env bash
# Benchmarks of the wasm/ package: native wire.Handle per op (the baseline), then the same inputs through the
# built JS module in Node: cold start, first call, per-call time and its ratio to native, the gzip size, and
# which Go packages the bytes come from.
# Figures only; nothing here fails on a slow run. BENCHTIME (Go) and BENCH_MS / COLD_RUNS (Node) tune the length.
set -euo pipefail
ROOT=${ROOT:-$(cd "$(dirname "$0")/.." && pwd)}
cd "$ROOT"
[ -f wasm/dist/xpreflight.wasm ] || bash wasm/build.sh

native=$(mktemp)
unstripped=$(mktemp --suffix=.wasm)
trap 'rm -f "$native" "$unstripped"' EXIT
# -cpu 1 is the like-for-like baseline: the wasm runtime has one thread, while native Go with 2 CPUs marks
# garbage on the idle core for free. -cpu 2 is shown for reference.
echo "== native: go test -bench Handle -cpu 1,2 ./core/wire" >&2
go test -run '^$' -bench '^BenchmarkHandle$' -cpu 1,2 -benchtime="${BENCHTIME:-300ms}" -count=1 ./core/wire | tee "$native"
echo "== wasm in Node" >&2
node wasm/bench/bench.mjs "$native" | tee /tmp/xpreflight-bench-wasm.txt

echo "== where the bytes go (unstripped build: code per package, data segments)" >&2
GOOS=js GOARCH=wasm go build -trimpath -o "$unstripped" ./wasm
node wasm/bench/sizes.mjs "$unstripped" 15 | tee -a /tmp/xpreflight-bench-wasm.txt

echo "== the size budget against its floors (wasm/bench/size-floors.sh)" >&2
bash wasm/bench/size-floors.sh | tee -a /tmp/xpreflight-bench-wasm.txt
