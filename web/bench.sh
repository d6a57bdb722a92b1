#!/usr/bin/env bash
# Time to interactive of the linter page in headless chromium (median of a few loads), as one report line.
set -euo pipefail
WEB=$(cd "$(dirname "$0")" && pwd)
export ROOT=${ROOT:-$(dirname "$WEB")}
if ! command -v chromium >/dev/null 2>&1; then
  echo "web/bench.sh: chromium is not installed; ./build.sh bench installs it (or: apt-get install -y chromium)" >&2
  exit 1
fi
if [ ! -f "$WEB/dist/pkg/xpreflight.wasm" ]; then
  bash "$WEB/build.sh"
fi
node "$WEB/test/bench.mjs"
