//go:build js && wasm

package main

import (
	"encoding/json"
	"runtime/debug"
	"strconv"
	"syscall/js"
)

// handler is wire.Handle's signature; tests substitute their own.
type handler func(op string, request []byte) []byte

// newBridge builds the object JS sees: {call(op, json) string, version}.
// The js.Func is never released: it lives as long as the runtime.
func newBridge(handle handler, version string) js.Value {
	obj := js.Global().Get("Object").New()
	obj.Set("call", js.FuncOf(func(_ js.Value, args []js.Value) any {
		return call(handle, args)
	}))
	obj.Set("version", version)
	return obj
}

// call checks the JS arguments, runs handle and returns its JSON as a JS
// string. Whatever goes wrong becomes error JSON: a panic that escaped a
// js.Func callback would end the Go program for good.
func call(handle handler, args []js.Value) (result any) {
	defer func() {
		if r := recover(); r != nil {
			result = errorJSON("internal", "xpreflight bridge panicked: "+panicText(r)+"\n"+string(debug.Stack()))
		}
	}()
	if len(args) != 2 {
		return errorJSON("bad-input", "call(op, json) takes 2 arguments, got "+strconv.Itoa(len(args)))
	}
	if args[0].Type() != js.TypeString {
		return errorJSON("bad-input", "call(op, json): op must be a string, got "+args[0].Type().String())
	}
	if args[1].Type() != js.TypeString {
		return errorJSON("bad-input", "call(op, json): json must be a string, got "+args[1].Type().String())
	}
	return string(handle(args[0].String(), []byte(args[1].String())))
}

// errorJSON is the wire contract's failure envelope.
func errorJSON(code, message string) string {
	out, err := json.Marshal(struct {
		OK    bool `json:"ok"`
		Error struct {
			Code    string `json:"code"`
			Message string `json:"message"`
		} `json:"error"`
	}{Error: struct {
		Code    string `json:"code"`
		Message string `json:"message"`
	}{code, message}})
	if err != nil { // two strings always encode; keep the promise anyway
		return `{"ok":false,"error":{"code":"internal","message":"encoding an error failed"}}`
	}
	return string(out)
}

// panicText renders a recovered value without pulling in fmt.
func panicText(r any) string {
	switch v := r.(type) {
	case error:
		return v.Error()
	case string:
		return v
	case interface{ String() string }:
		return v.String()
	}
	return "non-error panic value"
}
