//go:build js && wasm

package main

import (
	"os"
	"syscall/js"

	"github.com/xpreflight/xpreflight/core/wire"
)

// version is set at link time by wasm/build.sh (-X main.version=…).
var version = "dev"

// defaultGlobal is where the bridge registers when the host passes no name.
const defaultGlobal = "__xpreflight"

func main() {
	name := defaultGlobal
	if len(os.Args) > 1 && os.Args[1] != "" {
		name = os.Args[1]
	}
	js.Global().Set(name, newBridge(wire.Handle, version))
	// Block forever: returning from main would exit the runtime and every
	// later call from JS would throw "Go program has already exited".
	select {}
}
