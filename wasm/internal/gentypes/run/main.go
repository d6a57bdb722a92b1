// Command run writes wasm/codes.d.ts (see package gentypes); `go generate
// ./wasm/internal/gentypes` runs it.
package main

import (
	"github.com/xpreflight/xpreflight/internal/gentool"
	"github.com/xpreflight/xpreflight/wasm/internal/gentypes"
)

func main() { gentool.Main("gentypes", gentypes.Files) }
