#!/usr/bin/env bash
# Deploys from a fresh clone, as an operator would: `git clone` of this checkout's HEAD into a scratch folder,
# then `./build.sh deploy --dry-run --outdir DIR` there (npm ci from the lockfile, wasm, web, worker, wrangler's
# bundle; no Cloudflare account, no network beyond the npm cache), then the upload is checked against
# Cloudflare's size limits (worker/upload-size.mjs). Committed files only: uncommitted edits are not in the clone.
# About 30-60 s with warm Go and npm caches (npm ci runs --prefer-offline).
set -euo pipefail
ROOT=${ROOT:-$(cd "$(dirname "$0")/.." && pwd)}
scratch=$(mktemp -d "${TMPDIR:-/tmp}/xpreflight-deploy.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
git clone --quiet --no-hardlinks "$ROOT" "$scratch/clone"
cd "$scratch/clone"
# The clone has neither node_modules nor any build output: build.sh must make all of it.
for p in node_modules wasm/dist web/dist worker/build; do
  [ ! -e "$p" ] || { echo "deploy-test: $p exists in a fresh clone (committed by mistake?)" >&2; exit 1; }
done
unset ROOT # the clone's build.sh must find its own root
if ! NPM_CONFIG_PREFER_OFFLINE=true ./build.sh deploy --dry-run --outdir "$scratch/out" >"$scratch/deploy.log" 2>&1; then
  tail -40 "$scratch/deploy.log" >&2
  echo "deploy-test: ./build.sh deploy --dry-run failed in a fresh clone (log above)" >&2
  exit 1
fi
grep -q -- "--dry-run: exiting now" "$scratch/deploy.log" || { tail -20 "$scratch/deploy.log" >&2; echo "deploy-test: wrangler did not finish its dry run" >&2; exit 1; }
node "$scratch/clone/worker/upload-size.mjs" --outdir "$scratch/out" --assets "$scratch/clone/web/dist" --log "$scratch/deploy.log"
echo "deploy-test: fresh clone deploys (dry run) within the Free plan's limits" >&2
