#!/usr/bin/env bash
# Builds wasm/dist/, the publishable JS package: the entries (index.*, query.*), xpreflight.mjs, bridge.mjs (the JS
# half of wasm/bridge, shared with the Worker), xpreflight.wasm, xpreflight-query.wasm (validateQuery only), the
# .d.ts/.d.cts types, wasm_exec.js and Go's LICENSE (both from the Go toolchain that built the .wasm), package.json,
# the npm README (README.npm.md) and the license files.
# Prints the gzip size of the .wasm against wasm/size-budget.txt and warns when it is over; wasm/test.sh fails
# then (the build itself goes on, so that `./build.sh dev` and the web/worker steps still have a package).
set -euo pipefail
ROOT=${ROOT:-$(cd "$(dirname "$0")/.." && pwd)}
cd "$ROOT"
SRC=wasm
DIST=wasm/dist

version=$(node -p 'JSON.parse(require("fs").readFileSync("wasm/package.template.json", "utf8")).version')
mkdir -p "$DIST"

# Go's build cache makes an unchanged rebuild a link step; a .wasm is replaced only when it changed.
# Two builds of one program: the whole checker, and the query linter alone (-tags xpreflight_querylite:
# no jsonschema, whose package init is most of the full module's start-up) for pages that want to lint
# queries while the full module loads (init({ module: 'query' })).
build() { # build OUT [go build flags…]
  local out=$1
  shift
  GOOS=js GOARCH=wasm go build -trimpath -ldflags="-s -w -X main.version=$version" "$@" -o "$DIST/$out.new" ./wasm
  if cmp -s "$DIST/$out.new" "$DIST/$out"; then
    rm "$DIST/$out.new"
  else
    mv "$DIST/$out.new" "$DIST/$out"
  fi
}
# jsonschema is built without inlining: 29 KB less gzip (the full module was 0.8% over its 1.8 MiB budget after
# validatePost and fixes joined it), and it runs only for bodies and answers' schema checks, whose cost this does
# not measurably change (wasm/README.md, "Size").
build xpreflight.wasm -gcflags=github.com/santhosh-tekuri/jsonschema/v5=-l
build xpreflight-query.wasm -tags xpreflight_querylite

cp "$(go env GOROOT)/lib/wasm/wasm_exec.js" "$DIST/wasm_exec.js"
sed "s/^const VERSION = '0\.0\.0-dev';\$/const VERSION = '$version';/" "$SRC/xpreflight.mjs" >"$DIST/xpreflight.mjs"
grep -q "^const VERSION = '$version';\$" "$DIST/xpreflight.mjs" || {
  echo "wasm/build.sh: could not stamp version $version into xpreflight.mjs (VERSION line changed?)" >&2
  exit 1
}
cp "$SRC/bridge.mjs" "$SRC/xpreflight.d.ts" "$DIST/"
# The entries bundlers and runtimes pick by export condition (package.template.json) and their types; the
# .d.cts copies are the same declarations for require() (TypeScript reads a .d.ts in a "type": "module"
# package as ESM).
cp "$SRC"/index.mjs "$SRC"/index.workerd.mjs "$SRC"/index.cjs "$SRC"/query.mjs "$SRC"/query.workerd.mjs \
  "$SRC"/query.cjs "$SRC"/common.cjs "$SRC"/query.d.ts "$SRC"/codes.d.ts "$DIST/"
for t in xpreflight query codes; do
  sed -E "s#from '\./(xpreflight|codes)\.js'#from './\1.cjs'#" "$DIST/$t.d.ts" >"$DIST/$t.d.cts"
done
# One declaration per .wasm subpath, named so that TypeScript's old node10 resolution finds it too.
rm -f "$DIST/wasm.d.ts"
for w in xpreflight xpreflight-query; do
  cp "$SRC/wasm.d.ts" "$DIST/$w.wasm.d.ts"
  cp "$SRC/wasm.d.ts" "$DIST/$w.wasm.d.cts"
done
cp "$SRC/README.npm.md" "$DIST/README.md"
cp "$SRC/package.template.json" "$DIST/package.json"
# Licenses: the package's, and those of the code built into it, from the toolchain and module that built it.
cp "$SRC/LICENSE" "$DIST/LICENSE"
cp "$(go env GOROOT)/LICENSE" "$DIST/LICENSE-go"
cp "$(go list -m -f '{{.Dir}}' github.com/santhosh-tekuri/jsonschema/v5)/LICENSE" "$DIST/LICENSE-jsonschema"

bash "$SRC/size-check.sh" "$DIST/xpreflight.wasm" || echo "wasm/build.sh: WARNING: over the size budget; wasm/test.sh will fail" >&2
bash "$SRC/size-check.sh" "$DIST/xpreflight-query.wasm" || echo "wasm/build.sh: WARNING: xpreflight-query.wasm over the size budget; wasm/test.sh will fail" >&2
