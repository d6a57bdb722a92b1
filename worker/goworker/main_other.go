//go:build !(js && wasm)

package main

import (
	"fmt"
	"os"
)

// main: the Worker runs only as GOOS=js GOARCH=wasm under workerd
// (build.sh); natively this package is its tests.
func main() {
	fmt.Fprintln(os.Stderr, "goworker is a Cloudflare Worker: build it with worker/goworker/build.sh")
	os.Exit(2)
}
