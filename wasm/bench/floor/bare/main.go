//go:build js && wasm

// Command bare is the smallest Go program that touches syscall/js: the size
// floor of any Go wasm module (wasm/bench/size-floors.sh).
package main

import "syscall/js"

func main() {
	js.Global().Set("xpreflightFloor", true)
	select {}
}
