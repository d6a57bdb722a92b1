#!/usr/bin/env bash
# Benchmarks of the wasm/ package: native wire.Handle per op (the baseline), then the same inputs through the
# built JS module in Node: cold start, first call, per-call time and its ratio to native; cold init() and first
# calls through the package entries in Node and headless Chromium (wasm/bench/cold.mjs); the gzip size, and
# which Go packages the bytes come from.
# Figures only; nothing here fails on a slow run. BENCHTIME (Go), BENCH_MS / COLD_RUNS (Node) and ROUNDS tune the length.
set -euo pipefail
ROOT=${ROOT:-$(cd "$(dirname "$0")/.." && pwd)}
cd "$ROOT"
[ -f wasm/dist/xpreflight.wasm ] || bash wasm/build.sh

wiretest=$(mktemp)
unstripped=$(mktemp --suffix=.wasm)
trap 'rm -f "$wiretest" "$unstripped"' EXIT
# The native baseline is core/wire's BenchmarkHandle, run by bench.mjs in rounds that alternate with the wasm
# runs. -cpu 1 is the like-for-like baseline: the wasm runtime has one thread, while native Go with 2 CPUs marks
# garbage on the idle core for free. -cpu 2 is shown for reference.
go test -c -o "$wiretest" ./core/wire
echo "== wasm in Node against native wire.Handle (alternating rounds)" >&2
node wasm/bench/bench.mjs "$wiretest" | tee /tmp/xpreflight-bench-wasm.txt

echo "== cold: init() and the first call of each op through the package entries, Node and Chromium" >&2
node wasm/bench/cold.mjs | tee -a /tmp/xpreflight-bench-wasm.txt

echo "== where the bytes go (unstripped build: code per package, data segments)" >&2
GOOS=js GOARCH=wasm go build -trimpath -o "$unstripped" ./wasm
node wasm/bench/sizes.mjs "$unstripped" 15 | tee -a /tmp/xpreflight-bench-wasm.txt

echo "== the size budget against its floors (wasm/bench/size-floors.sh)" >&2
bash wasm/bench/size-floors.sh | tee -a /tmp/xpreflight-bench-wasm.txt

echo "== validatePost (wasm) vs the twitter-text npm package's parseTweet, side by side (wasm/bench/post-vs-twitter-text.mjs)" >&2
node wasm/bench/post-vs-twitter-text.mjs | tee -a /tmp/xpreflight-bench-wasm.txt
