#!/usr/bin/env bash
# Serves the Worker locally under workerd from npm: http://127.0.0.1:${PORT:-8787}
# Environment: X_API_ORIGIN (default https://api.x.com), ALLOWED_ORIGINS, PUBLIC_READ_ORIGINS,
# X_BEARER_TOKEN, PREFLIGHT_KEYS (PREFLIGHT_KEY), PREFLIGHT_SIGNING_KEYS, UPSTREAM_TIMEOUT_MS. No Cloudflare account.
set -euo pipefail
ROOT=${ROOT:-$(cd "$(dirname "$0")/.." && pwd)}
export ROOT
PORT=${PORT:-8787}
bash "$ROOT/worker/build.sh"
export X_API_ORIGIN=${X_API_ORIGIN:-https://api.x.com}
config="$ROOT/worker/build/dev.capnp"
node "$ROOT/worker/config.mjs" --build "$ROOT/worker/build" --assets "$(cat "$ROOT/worker/build/assets-dir")" \
  --port "$PORT" --out "$config"
echo "xpreflight: serving http://127.0.0.1:$PORT/ (proxy to $X_API_ORIGIN)" >&2
# The native binary, not node_modules/.bin/workerd: with npm's --ignore-scripts that is a Node wrapper.
workerd=$(cd "$ROOT" && node -p 'require("workerd").default')
exec "$workerd" serve "$config"
