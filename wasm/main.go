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
	bridge := newBridge(wire.Handle, version)
	// Which ops this build holds: the query-only build (-tags
	// xpreflight_querylite) has only validateQuery, and xpreflight.mjs
	// refuses the others by name instead of asking Go.
	ops := wire.Ops()
	list := make([]any, len(ops))
	for i, op := range ops {
		list[i] = op
	}
	bridge.Set("ops", list)
	js.Global().Set(name, bridge)
	// Block forever: returning from main would exit the runtime and every
	// later call from JS would throw "Go program has already exited".
	select {}
}
