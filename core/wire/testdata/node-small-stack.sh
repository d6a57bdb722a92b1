#!/usr/bin/env bash
# go test -exec for GOOS=js with a V8 stack of 400 KB, under half of Node's
# default (984 KB) and far under go_js_wasm_exec's 8 MB, which hides stack
# exhaustion: TestHostileWorstCases passing here shows the margin.
set -euo pipefail
exec node --stack-size=400 "${WASM_EXEC_DIR:-$(go env GOROOT)/lib/wasm}/wasm_exec_node.js" "$@"
