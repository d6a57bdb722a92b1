#!/usr/bin/env bash
# End-to-end tests of the Worker under local workerd (free loopback ports, a
# stand-in for X on 127.0.0.1; no network, no Cloudflare account).
set -euo pipefail
ROOT=${ROOT:-$(cd "$(dirname "$0")/.." && pwd)}
export ROOT
bash "$ROOT/worker/build.sh"
cd "$ROOT"
# The same Worker with a Go half that fails on demand (wasm/bridge/failure_hook.go), for failure.test.mjs only.
rm -rf worker/build-crashtest && cp -r worker/build worker/build-crashtest
rm -f worker/build-crashtest/*.capnp
GOOS=js GOARCH=wasm go build -trimpath -tags xpreflight_crashtest -ldflags="-s -w" -o worker/build-crashtest/app.wasm ./worker
node --test --test-concurrency=1 worker/test/
