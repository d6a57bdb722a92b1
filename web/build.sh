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

rm -rf "$DIST"
mkdir -p "$DIST/pkg"
# One script instead of a module graph: main.js and every ./src module it imports, bundled in dependency order
# (bundle.mjs; the package in pkg/ stays a module of its own), and the stylesheet inlined into index.html, so the
# page needs four requests besides the wasm: the HTML, main.js, pkg/xpreflight.mjs and pkg/wasm_exec.js (the
# last two modulepreloaded). Measured before/after in web/README.md.
node "$WEB/bundle.mjs" "$WEB/main.js" "$DIST/main.js"
node "$WEB/inline-css.mjs" "$WEB/index.html" "$DIST/index.html"
# The full checker's worker (a module of its own: it imports the package, not the page).
cp "$WEB/checker-worker.js" "$DIST/"
# The whole package (module, wasm, wasm_exec.js, .d.ts, package.json): the page imports ./pkg/xpreflight.mjs.
cp -R "$PKG"/. "$DIST/pkg/"
echo "web/build.sh: built $DIST ($(du -sk "$DIST" | cut -f1) KB; pkg from $PKG)" >&2
