//go:build js && wasm

// Command worker is the Go half of the xpreflight Cloudflare Worker: one Go
// instance per isolate, started by src/shim.mjs on the first request and
// reused for every later one. The per-request functions are go:wasmexport
// exports (exports.go); configure and local, called rarely, are js.FuncOf
// callbacks handed to the shim at start. The shim does all I/O (see
// README.md for why the shim is ours and not syumai/workers').
package main

import (
	"encoding/json"
	"fmt"
	"syscall/js"

	"github.com/xpreflight/xpreflight/worker/proxy"
)

// gate is set by configure; the shim calls configure before anything else.
var gate *proxy.Gate

func main() {
	exports := js.Global().Get("Object").New()
	exports.Set("configure", js.FuncOf(configure))
	exports.Set("local", jsonFunc(func(in localRequest) any { return proxy.Local(in.Block, in.Now) }))
	js.Global().Call("__xpreflightReady", exports)
	select {} // keep the instance alive; every call arrives through exports
}

type localRequest struct {
	Block proxy.Block `json:"block"`
	Now   int64       `json:"now"`
}

// configure(json Config) → "" or an error message naming the bad setting.
func configure(_ js.Value, args []js.Value) any {
	var c proxy.Config
	if err := json.Unmarshal([]byte(args[0].String()), &c); err != nil {
		return "configuration is not JSON: " + err.Error()
	}
	g, err := proxy.NewGate(c)
	if err != nil {
		return err.Error()
	}
	gate = g
	return ""
}

// jsonFunc wraps f as a JS function taking and returning one JSON string. A
// panic becomes {"error": …} so one bad request cannot kill the instance.
func jsonFunc[In any](f func(In) any) js.Func {
	return js.FuncOf(func(_ js.Value, args []js.Value) (ret any) {
		defer func() {
			if r := recover(); r != nil {
				ret = errorJSON(fmt.Sprintf("panic: %v", r))
			}
		}()
		var in In
		if err := json.Unmarshal([]byte(args[0].String()), &in); err != nil {
			return errorJSON("input: " + err.Error())
		}
		out, err := json.Marshal(f(in))
		if err != nil {
			return errorJSON("output: " + err.Error())
		}
		return string(out)
	})
}

func errorJSON(msg string) string {
	b, _ := json.Marshal(map[string]string{"error": msg})
	return string(b)
}
