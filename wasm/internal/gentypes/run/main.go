// Command run writes wasm/codes.d.ts (see package gentypes); `go generate
// ./wasm/internal/gentypes` runs it.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/xpreflight/xpreflight/wasm/internal/gentypes"
)

func main() {
	root := flag.String("root", ".", "the repository root")
	flag.Parse()
	src, err := gentypes.Generate(*root)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if err := os.WriteFile(filepath.Join(*root, gentypes.Output), src, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
