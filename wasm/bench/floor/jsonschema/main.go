//go:build js && wasm

// Command jsonschema compiles and applies one schema with
// github.com/santhosh-tekuri/jsonschema/v5 and does nothing else: what the
// library costs a wasm module on its own (wasm/bench/size-floors.sh).
package main

import (
	"strings"
	"syscall/js"

	"github.com/santhosh-tekuri/jsonschema/v5"
)

func main() {
	c := jsonschema.NewCompiler()
	if err := c.AddResource("https://floor.invalid/s.json", strings.NewReader(`{"type":"object"}`)); err != nil {
		panic(err)
	}
	s := c.MustCompile("https://floor.invalid/s.json")
	js.Global().Set("xpreflightFloor", s.Validate(map[string]any{}) == nil)
	select {}
}
