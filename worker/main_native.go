//go:build !(js && wasm)

package main

import (
	"fmt"
	"os"
)

// main: the Worker's Go half only runs as WebAssembly; natively this package
// exists for its tests.
func main() {
	fmt.Fprintln(os.Stderr, "worker: build with GOOS=js GOARCH=wasm (see worker/build.sh)")
	os.Exit(2)
}
