#!/usr/bin/env bash
# End-to-end tests of the Worker under local workerd (free loopback ports, a
# stand-in for X on 127.0.0.1; no network, no Cloudflare account).
set -euo pipefail
ROOT=${ROOT:-$(cd "$(dirname "$0")/.." && pwd)}
export ROOT
bash "$ROOT/worker/build.sh"
cd "$ROOT"
node --test --test-concurrency=1 worker/test/
