//go:build js && wasm

// Command worker is the Go half of the xpreflight Cloudflare Worker: one Go
// instance per isolate, started by src/shim.mjs on the first request and
// reused for every later one. It exports synchronous functions; the shim does
// all I/O (see README.md for why the shim is ours and not syumai/workers').
package main

import (
	"encoding/json"
	"fmt"
	"syscall/js"

	"github.com/xpreflight/xpreflight/core/wire"
	"github.com/xpreflight/xpreflight/worker/proxy"
)

// gate is set by configure; the shim calls configure before anything else.
var gate *proxy.Gate

func main() {
	exports := js.Global().Get("Object").New()
	exports.Set("configure", js.FuncOf(configure))
	exports.Set("handle", js.FuncOf(handle))
	exports.Set("decide", js.FuncOf(decide))
	exports.Set("annotate", js.FuncOf(annotate))
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

// decide(method, target, headerLines, body|null, now) → json Decision.
// Positional arguments and "name: value\n" header lines instead of a JSON
// object: decide runs on every proxied request, and decoding JSON by
// reflection was a third of its cost in wasm.
func decide(_ js.Value, args []js.Value) (ret any) {
	defer func() {
		if r := recover(); r != nil {
			ret = errorJSON(fmt.Sprintf("panic: %v", r))
		}
	}()
	if len(args) != 5 {
		return errorJSON(fmt.Sprintf("decide takes 5 arguments, got %d", len(args)))
	}
	in := proxy.Inbound{
		Method:  args[0].String(),
		Target:  args[1].String(),
		Headers: proxy.ParseHeaderLines(args[2].String()),
		Now:     int64(args[4].Float()),
	}
	if args[3].Type() == js.TypeString {
		in.Body = args[3].String()
	}
	b, err := json.Marshal(gate.Decide(in))
	if err != nil {
		return errorJSON("output: " + err.Error())
	}
	return string(b)
}

// annotate(json Outbound without body, body string|null) → json Annotation.
// The body travels as its own argument so it is not JSON-escaped and
// unescaped on the way.
func annotate(_ js.Value, args []js.Value) (ret any) {
	defer func() {
		if r := recover(); r != nil {
			ret = errorJSON(fmt.Sprintf("panic: %v", r))
		}
	}()
	var out proxy.Outbound
	if err := json.Unmarshal([]byte(args[0].String()), &out); err != nil {
		return errorJSON("input: " + err.Error())
	}
	if len(args) > 1 && args[1].Type() == js.TypeString {
		body := args[1].String()
		out.Body = &body
	}
	b, err := json.Marshal(proxy.Annotate(out))
	if err != nil {
		return errorJSON("output: " + err.Error())
	}
	return string(b)
}

// handle(op, json) → json: the wire contract, as POST /v1/<op> serves it.
func handle(_ js.Value, args []js.Value) any {
	return string(wire.Handle(args[0].String(), []byte(args[1].String())))
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
