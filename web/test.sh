#!/usr/bin/env bash
# Browser and unit tests of the linter page (run by ../build.sh test after web/build.sh).
set -euo pipefail
WEB=$(cd "$(dirname "$0")" && pwd)
export ROOT=${ROOT:-$(dirname "$WEB")}
if ! command -v chromium >/dev/null 2>&1; then
  echo "web/test.sh: chromium is not installed; ./build.sh test installs it (or: apt-get install -y chromium)" >&2
  exit 1
fi
if [ ! -d "$ROOT/node_modules/playwright-core" ]; then
  echo "web/test.sh: playwright-core is missing from $ROOT/node_modules; run npm ci --ignore-scripts at the repo root" >&2
  exit 1
fi
# Always reassemble dist/ (a copy, under a second): testing a stale page would prove nothing.
bash "$WEB/build.sh"
cd "$WEB"
node --test --test-concurrency=1 test/units.test.mjs test/tiers.test.mjs test/build.test.mjs test/page.test.mjs test/post.test.mjs
