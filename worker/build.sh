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
# The version /v1/health and the log lines report: the package's, plus the commit when this is a git checkout.
version=$(node -p 'JSON.parse(require("fs").readFileSync("wasm/package.template.json", "utf8")).version')
commit=$(git rev-parse --short HEAD 2>/dev/null || true)
[ -z "$commit" ] || version="$version+$commit"
GOOS=js GOARCH=wasm go build -trimpath -ldflags="-s -w -X main.version=$version" -o "$out/app.wasm.tmp" ./worker
mv "$out/app.wasm.tmp" "$out/app.wasm"
cp "$WASM_EXEC_DIR/wasm_exec.js" "$out/wasm_exec.js"
rm -f "$out"/*.mjs # a module deleted from src/ must not linger
cp worker/src/*.mjs wasm/bridge.mjs "$out/"
# seed.mjs: 64 random bytes for the Go runtime's start-up seeds when it starts at module scope, where workerd
# gives no randomness (src/go.mjs). Drawn anew for every build, never committed (worker/build/ is ignored).
# XPREFLIGHT_GO_START=request leaves it empty: Go then starts on the first request (the cold-start baseline).
if [ "${XPREFLIGHT_GO_START:-module}" = request ]; then
  echo "export default '';" > "$out/seed.mjs"
else
  echo "export default '$(od -An -tx1 -N64 /dev/urandom | tr -d ' \n')';" > "$out/seed.mjs"
fi
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
