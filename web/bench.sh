#!/usr/bin/env bash
# Time to interactive of the linter page in headless chromium (median of a few loads), as one report line.
set -euo pipefail
WEB=$(cd "$(dirname "$0")" && pwd)
export ROOT=${ROOT:-$(dirname "$WEB")}
if ! command -v chromium >/dev/null 2>&1; then
  echo "web/bench.sh: chromium is not installed; ./build.sh bench installs it (or: apt-get install -y chromium)" >&2
  exit 1
fi
# Always reassemble dist/ (a copy, under a second): testing a stale page would prove nothing.
bash "$WEB/build.sh"
node "$WEB/test/bench.mjs"
