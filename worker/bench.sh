#!/usr/bin/env bash
# Bounded load test on loopback (per Worker ≈ 2 s warm-up + 10 s, run once with uncompressed and once with gzip
# answers): the validating proxy vs a plain JS passthrough Worker to the same stand-in for X, in one workerd.
# BENCH_SECONDS, BENCH_CONCURRENCY and BENCH_WARMUP_SECONDS override the defaults. Then the cold start
# (worker/bench/cold.mjs, ≈ 5 fresh workerd processes), the ledger, and the hostile-request corpus
# (worker/bench/hostile.mjs, about a minute).
set -euo pipefail
ROOT=${ROOT:-$(cd "$(dirname "$0")/.." && pwd)}
export ROOT
bash "$ROOT/worker/build.sh"
cd "$ROOT"
node worker/bench/bench.mjs
# The same with gzip answers, as X sends them to clients that accept gzip (most HTTP clients do by default).
BENCH_ENCODING=gzip node worker/bench/bench.mjs
# Cold start: CPU of the first requests on fresh isolates (COLD_ROUNDS fresh workerd processes, default 5).
node worker/bench/cold.mjs
BENCH_ENCODING=gzip node worker/bench/cold.mjs
# The rate-limit ledger: fraction of forwarded calls that ask the Durable Object, and their added latency (≈ 30 s).
node worker/bench/ledger.mjs
# The hostile-request corpus (issue 13): CPU, answer size and memory per request, against the ≤ 10 ms / 64 KB budget.
node worker/bench/hostile.mjs
