//go:build js && wasm

package main

import "github.com/xpreflight/xpreflight/wasm/bridge"

// version is set at link time by wasm/build.sh (-X main.version=…).
var version = "dev"

func main() {
	// The JS package needs only the built-ins: "info" (version and the ops
	// this build holds) and "wire" (core/wire.Handle).
	bridge.Serve(version, nil)
}
