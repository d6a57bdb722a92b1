#!/usr/bin/env bash
# Where the 1.5 MB gzip budget of DESIGN.md stands: the gzip -9 size of the bare Go runtime, of
# jsonschema/v5 alone, of the query-only module and of the full module, each built as wasm/build.sh does
# (-trimpath -s -w) and again without inlining (-gcflags=all=-l, the only compiler setting that moves the
# size by more than 1 %; it costs per-call speed, see wasm/README.md). Figures only; nothing fails.
set -euo pipefail
ROOT=${ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
cd "$ROOT"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
size() { # size OUT PKG [flags…]
  local out=$1 pkg=$2
  shift 2
  GOOS=js GOARCH=wasm go build -trimpath -ldflags="-s -w" "$@" -o "$tmp/$out.wasm" "$pkg"
  gzip -9 -c "$tmp/$out.wasm" | wc -c
}
printf '| build | gzip -9 bytes | without inlining |\n| --- | ---: | ---: |\n'
row() { # row LABEL PKG [flags…]
  local label=$1 pkg=$2
  shift 2
  printf '| %s | %d | %d |\n' "$label" "$(size a "$pkg" "$@")" "$(size b "$pkg" -gcflags=all=-l "$@")"
}
row 'bare syscall/js program' ./wasm/bench/floor/bare
row 'jsonschema/v5 alone' ./wasm/bench/floor/jsonschema
row 'xpreflight-query.wasm (validateQuery only)' ./wasm -tags xpreflight_querylite
row 'xpreflight.wasm (every op)' ./wasm
echo "budget (DESIGN.md): 1500000 bytes gzip; wasm/size-budget.txt: $(grep -v '^#' wasm/size-budget.txt | tr -d '[:space:]')"
