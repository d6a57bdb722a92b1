#!/usr/bin/env bash
# The published package as users get it: wasm/dist packed with npm pack, installed into fresh fixture apps
# (wasm/test-package/fixtures) for Vite (build and dev), webpack, esbuild, Rollup, Node (import and require),
# a Worker under workerd (and wrangler deploy --dry-run and wrangler dev once wrangler is a root devDependency) and TypeScript
# (bundler, node16, nodenext; with and without the DOM lib); each built with default settings and smoke-called
# in headless Chromium or its runtime. publint and attw lint the package. Every tool comes from the root
# package-lock.json; the fixtures install only the tarball (npm --offline), so nothing here needs the network.
set -euo pipefail
ROOT=${ROOT:-$(cd "$(dirname "$0")/.." && pwd)}
cd "$ROOT"
for tool in vite webpack webpack-cli esbuild rollup typescript publint @arethetypeswrong/cli playwright-core workerd; do
  [ -f "node_modules/$tool/package.json" ] || { echo "wasm/test-bundlers.sh: node_modules/$tool is missing: run npm ci at the repository root" >&2; exit 1; }
done
command -v chromium >/dev/null || { echo "wasm/test-bundlers.sh: chromium is missing: apt-get install -y chromium (./build.sh test installs it)" >&2; exit 1; }

pack=$(mktemp -d)
trap 'rm -rf "$pack"' EXIT
name=$(cd wasm/dist && npm pack --ignore-scripts --silent --pack-destination "$pack" | tail -1)
export XP_TARBALL="$pack/$name"
echo "== node --test wasm/test-package (tarball $name)" >&2
node --test --test-concurrency=1 wasm/test-package/*.test.mjs
