#!/usr/bin/env bash
# The syumai/workers example: Go checks natively, then built with syumai's
# own shim and run under local workerd against a loopback stand-in for X.
set -euo pipefail
ROOT=${ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
export ROOT
cd "$ROOT/worker/goworker"
go mod tidy -diff
go vet ./...
GOOS=js GOARCH=wasm go vet ./...
go test -count=1 ./...
bash build.sh
cd "$ROOT"
node --test --test-concurrency=1 worker/goworker/test/goworker.test.mjs
