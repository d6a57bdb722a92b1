#!/usr/bin/env bash
# Builds the Worker into worker/build/: app.wasm (the Go half), wasm_exec.js
# (Go's own runtime glue, from this Go toolchain), the JS modules of src/
# (shim.mjs is the entry; passthrough.mjs is the benchmark baseline) and
# bridge.mjs (the JS half of wasm/bridge, shared with the JS package).
# wrangler.toml and worker/config.mjs both point at these files.
set -euo pipefail
ROOT=${ROOT:-$(cd "$(dirname "$0")/.." && pwd)}
WASM_EXEC_DIR=${WASM_EXEC_DIR:-$(go env GOROOT)/lib/wasm}
out="$ROOT/worker/build"
mkdir -p "$out"
cd "$ROOT"
GOOS=js GOARCH=wasm go build -trimpath -ldflags="-s -w" -o "$out/app.wasm.tmp" ./worker
mv "$out/app.wasm.tmp" "$out/app.wasm"
cp "$WASM_EXEC_DIR/wasm_exec.js" "$out/wasm_exec.js"
rm -f "$out"/*.mjs # a module deleted from src/ must not linger
cp worker/src/*.mjs wasm/bridge.mjs "$out/"
# The page: web/dist when it has been built, else a placeholder that says so.
if [ -f web/dist/index.html ]; then
  echo "$ROOT/web/dist" > "$out/assets-dir"
else
  mkdir -p "$out/placeholder"
  cat > "$out/placeholder/index.html" <<'HTML'
<!doctype html>
<meta charset="utf-8">
<title>xpreflight</title>
<h1>xpreflight</h1>
<p>The linter page is not built yet: <code>web/dist</code> does not exist. Run <code>web/build.sh</code>
(or <code>./build.sh dev</code>) and restart. The API is already here: <code>POST /v1/&lt;op&gt;</code> and
the validating proxy under <code>/2/</code>.</p>
HTML
  echo "$out/placeholder" > "$out/assets-dir"
fi
echo "worker: built $(du -h "$out/app.wasm" | cut -f1) app.wasm, $(gzip -9c "$out/app.wasm" | wc -c) bytes gzip; assets from $(cat "$out/assets-dir")" >&2
