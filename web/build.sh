#!/usr/bin/env bash
# Assemble web/dist/: the linter page plus the JS package from wasm/dist in dist/pkg/.
# Run by ../build.sh (wasm, test, bench, dev) after wasm/build.sh.
set -euo pipefail
WEB=$(cd "$(dirname "$0")" && pwd)
ROOT=${ROOT:-$(dirname "$WEB")}
PKG=$ROOT/wasm/dist
DIST=$WEB/dist

for f in xpreflight.mjs xpreflight.wasm xpreflight-query.wasm wasm_exec.js; do
  if [ ! -f "$PKG/$f" ]; then
    echo "web/build.sh: $PKG/$f is missing; build the wasm package first (bash wasm/build.sh, or ./build.sh wasm)" >&2
    exit 1
  fi
done

ESBUILD=$ROOT/node_modules/.bin/esbuild
if [ ! -x "$ESBUILD" ]; then
  echo "web/build.sh: esbuild is missing from $ROOT/node_modules; run npm ci --ignore-scripts at the repo root" >&2
  exit 1
fi

rm -rf "$DIST"
mkdir -p "$DIST/pkg"
# One script instead of a module graph: main.js and every ./src module it imports, bundled by esbuild (pinned in
# the root package-lock.json; the package in pkg/ stays a module of its own, as it finds its .wasm and
# wasm_exec.js by import.meta.url), and the stylesheet inlined into index.html, so the page needs four requests
# besides the wasm: the HTML, main.js, pkg/xpreflight.mjs and pkg/wasm_exec.js (the last two modulepreloaded).
# Measured before/after in web/README.md. Run from $WEB so the bundle's module comments read src/….
(cd "$WEB" && "$ESBUILD" main.js --bundle --format=esm --target=es2022 '--external:./pkg/*' \
  --outfile="$DIST/main.js" --log-level=warning)
node "$WEB/inline-css.mjs" "$WEB/index.html" "$DIST/index.html"
# The full checker's worker (a module of its own: it imports the package, not the page).
cp "$WEB/checker-worker.js" "$DIST/"
# The whole package (module, wasm, wasm_exec.js, .d.ts, package.json): the page imports ./pkg/xpreflight.mjs.
cp -R "$PKG"/. "$DIST/pkg/"
echo "web/build.sh: built $DIST ($(du -sk "$DIST" | cut -f1) KB; pkg from $PKG)" >&2
