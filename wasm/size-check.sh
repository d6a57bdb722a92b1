#!/usr/bin/env bash
# size-check.sh FILE: fails when FILE's gzip -9 size is over the budget in wasm/size-budget.txt (the full
# module's budget; the query-only module is checked against it too, and is far below).
set -euo pipefail
file=$1
budget=$(grep -v '^#' "$(dirname "$0")/size-budget.txt" | tr -d '[:space:]')
raw=$(wc -c <"$file")
gz=$(gzip -9 -c "$file" | wc -c)
printf '%s: %d bytes, %d bytes gzip -9 (budget %d, %d%% used)\n' "$(basename "$file")" "$raw" "$gz" "$budget" $((gz * 100 / budget))
if [ "$gz" -gt "$budget" ]; then
  echo "$(basename "$file") is over its size budget: $gz > $budget bytes gzip (wasm/size-budget.txt)" >&2
  exit 1
fi
