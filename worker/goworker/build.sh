#!/usr/bin/env bash
# Builds the syumai/workers example into worker/goworker/build/ the way that
# library's users do: its own shim (worker.mjs, runtime.mjs, wasm_exec.js)
# from its workers-assets-gen, at the version go.mod pins, and app.wasm.
set -euo pipefail
cd "$(dirname "$0")"
go run github.com/syumai/workers/cmd/workers-assets-gen -mode=go -o build
GOOS=js GOARCH=wasm go build -trimpath -ldflags="-s -w" -o build/app.wasm.tmp .
mv build/app.wasm.tmp build/app.wasm
echo "goworker: built $(du -h build/app.wasm | cut -f1) app.wasm, $(gzip -9c build/app.wasm | wc -c) bytes gzip" >&2
