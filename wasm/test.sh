#!/usr/bin/env bash
# Tests of the wasm/ package: the Go bridge under GOOS=js on Node, then Node's test runner against wasm/dist.
set -euo pipefail
ROOT=${ROOT:-$(cd "$(dirname "$0")/.." && pwd)}
WASM_EXEC_DIR=${WASM_EXEC_DIR:-"$(go env GOROOT)/lib/wasm"}
cd "$ROOT"

# Rebuild dist when it is missing or older than anything it is built from.
if [ ! -f wasm/dist/xpreflight.wasm ] || [ ! -f wasm/dist/xpreflight-query.wasm ] ||
  [ -n "$(find wasm core schemas go.mod go.sum -newer wasm/dist/xpreflight.wasm -type f \
    \( -name '*.go' -o -name '*.mjs' -o -name '*.cjs' -o -name '*.d.ts' -o -name '*.json' -o -name 'go.*' -o -name '*.md' -o -name 'LICENSE' \) \
    -not -path 'wasm/dist/*' -not -path 'wasm/test/*' -not -path 'wasm/test-package/*' -print -quit)" ]; then
  bash wasm/build.sh
else
  # Printed here; the size test in wasm/test/package.test.mjs fails over budget, after every other test ran.
  bash wasm/size-check.sh wasm/dist/xpreflight.wasm || true
  bash wasm/size-check.sh wasm/dist/xpreflight-query.wasm || true
fi

echo "== go test (GOOS=js GOARCH=wasm on Node) ./wasm/..." >&2
GOOS=js GOARCH=wasm go test -count=1 -exec "$WASM_EXEC_DIR/go_js_wasm_exec" ./wasm/...

# A test build that fails on demand (wasm/bridge/failure_hook.go), for the recovery tests; never packaged.
version=$(node -p 'JSON.parse(require("fs").readFileSync("wasm/package.template.json", "utf8")).version')
mkdir -p wasm/dist-test
GOOS=js GOARCH=wasm go build -trimpath -tags xpreflight_crashtest -ldflags="-s -w -X main.version=$version" -o wasm/dist-test/xpreflight-crashtest.wasm ./wasm

echo "== node --test wasm/test" >&2
node --test wasm/test/*.test.mjs

# The packed package in fresh apps for every bundler, Node, a Worker and TypeScript (about 2–4 minutes).
bash wasm/test-bundlers.sh
