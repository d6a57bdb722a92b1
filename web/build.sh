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
mkdir -p "$DIST/pkg" "$DIST/src"
cp "$WEB/main.js" "$WEB/style.css" "$DIST/"
cp "$WEB"/src/*.js "$DIST/src/"
# Without preloads the browser discovers the modules level by level (measured: about 1 s of waterfall
# before the wasm could start); with them, everything is requested at once alongside the wasm.
marker='<!-- build.sh lists every ./src/*.js module here'
grep -qF "$marker" "$WEB/index.html" || { echo "web/build.sh: index.html lost its modulepreload marker line" >&2; exit 1; }
links=$(cd "$WEB" && for f in src/*.js; do printf '<link rel="modulepreload" href="./%s">\n' "$f"; done)
awk -v marker="$marker" -v links="$links" 'index($0, marker) == 1 { printf "%s\n", links; next } { print }' \
  "$WEB/index.html" >"$DIST/index.html"
# The whole package (module, wasm, wasm_exec.js, .d.ts, package.json): the page imports ./pkg/xpreflight.mjs.
cp -R "$PKG"/. "$DIST/pkg/"
echo "web/build.sh: built $DIST ($(du -sk "$DIST" | cut -f1) KB; pkg from $PKG)" >&2
