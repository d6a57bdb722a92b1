#!/usr/bin/env bash
# Bounded load test on loopback (≈ 2×2 s warm-up + 2×10 s): the validating proxy
# vs a plain JS passthrough Worker to the same stand-in for X, in one workerd.
# BENCH_SECONDS, BENCH_CONCURRENCY and BENCH_WARMUP_SECONDS override the defaults.
set -euo pipefail
ROOT=${ROOT:-$(cd "$(dirname "$0")/.." && pwd)}
export ROOT
bash "$ROOT/worker/build.sh"
cd "$ROOT"
node worker/bench/bench.mjs
