//go:build js && wasm

package main

import (
	"encoding/json"
	"strings"
	"syscall/js"
	"testing"
	"unsafe"

	"github.com/xpreflight/xpreflight/core/wire"
)

type envelope struct {
	OK     bool            `json:"ok"`
	Result json.RawMessage `json:"result"`
	Error  *wire.Error     `json:"error"`
}

func decode(t *testing.T, out string) envelope {
	t.Helper()
	var e envelope
	if err := json.Unmarshal([]byte(out), &e); err != nil {
		t.Fatalf("not JSON: %q: %v", out, err)
	}
	return e
}

func panicky(op string, _ []byte) []byte {
	switch op {
	case "string":
		panic("boom")
	case "error":
		var m map[string]int
		m["x"] = 1 // assignment to entry in nil map: a runtime.Error
	case "index":
		var s []int
		_ = s[3]
	}
	return []byte(`{"ok":true,"result":{}}`)
}

func TestBridgeCallFromJS(t *testing.T) {
	bridge := newBridge(wire.Handle, "1.2.3")
	if got := bridge.Get("version").String(); got != "1.2.3" {
		t.Errorf("version = %q", got)
	}
	out := bridge.Call("call", "validateQuery", `{"query":"猫 🐱"}`)
	if out.Type() != js.TypeString {
		t.Fatalf("call returned a %s, want a string", out.Type())
	}
	e := decode(t, out.String())
	if !e.OK || !strings.Contains(string(e.Result), `"valid"`) {
		t.Errorf("validateQuery through the bridge = %s", out.String())
	}
}

func TestBridgeRejectsBadArguments(t *testing.T) {
	bridge := newBridge(wire.Handle, "v")
	tests := []struct {
		name      string
		args      []any
		inMessage string
	}{
		{"no args", nil, "takes 2 arguments, got 0"},
		{"one arg", []any{"validateQuery"}, "takes 2 arguments, got 1"},
		{"three args", []any{"validateQuery", "{}", "x"}, "takes 2 arguments, got 3"},
		{"op not a string", []any{5, "{}"}, "op must be a string, got number"},
		{"json not a string", []any{"validateQuery", map[string]any{"query": "x"}}, "json must be a string, got object"},
		{"json undefined", []any{"validateQuery", js.Undefined()}, "json must be a string, got undefined"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := decode(t, bridge.Call("call", tt.args...).String())
			if e.OK || e.Error.Code != wire.CodeBadInput || !strings.Contains(e.Error.Message, tt.inMessage) {
				t.Errorf("got %+v, want bad-input containing %q", e.Error, tt.inMessage)
			}
		})
	}
}

func TestBridgeSurvivesPanics(t *testing.T) {
	bridge := newBridge(panicky, "v")
	for _, op := range []string{"string", "error", "index"} {
		e := decode(t, bridge.Call("call", op, "{}").String())
		if e.OK || e.Error.Code != wire.CodeInternal || !strings.Contains(e.Error.Message, "panicked") {
			t.Errorf("op %s: got %+v, want an internal error", op, e.Error)
		}
		// The runtime is still alive: the next call works.
		if e := decode(t, bridge.Call("call", "fine", "{}").String()); !e.OK {
			t.Errorf("after the %s panic: %+v", op, e.Error)
		}
	}
}

func TestHandleBuffer(t *testing.T) {
	const query = `validateQuery{"query":"cat"}`
	tests := []struct {
		name              string
		handle            handler
		buf               string
		opLen, requestLen uint32
		ok                bool
		code, inMessage   string
	}{
		{"valid", wire.Handle, query, 13, 15, true, "", ""},
		{"op cut short", wire.Handle, query, 5, 0, false, wire.CodeUnknownOp, `"valid"`},
		{"lengths overflow", wire.Handle, query, 13, 16, false, wire.CodeBadInput, "overflow the reserved buffer of 28 bytes"},
		{"lengths wrap uint32", wire.Handle, query, 1 << 31, 1 << 31, false, wire.CodeBadInput, "overflow"},
		{"handler panics", panicky, "index", 5, 0, false, wire.CodeInternal, "panicked"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := decode(t, string(handleBuffer(tt.handle, []byte(tt.buf), tt.opLen, tt.requestLen)))
			if e.OK != tt.ok {
				t.Fatalf("ok = %v (%+v), want %v", e.OK, e.Error, tt.ok)
			}
			if !tt.ok && (e.Error.Code != tt.code || !strings.Contains(e.Error.Message, tt.inMessage)) {
				t.Errorf("got %+v, want %s containing %q", *e.Error, tt.code, tt.inMessage)
			}
		})
	}
}

// TestExportsRoundTrip drives the go:wasmexport functions the way
// xpreflight.mjs does: reserve, write op and request, call, read response.
func TestExportsRoundTrip(t *testing.T) {
	for _, size := range []int{0, 10, 300, 1 << 20} {
		query := strings.Repeat("猫", size/3)
		request := `{"query":"` + query + `"}`
		op := "validateQuery"
		p := reserve(uint32(len(op) + len(request)))
		mem := unsafe.Slice((*byte)(p), len(op)+len(request))
		copy(mem, op)
		copy(mem[len(op):], request)
		n := callExport(uint32(len(op)), uint32(len(request)))
		out := string(unsafe.Slice((*byte)(response()), n))
		if out != string(wire.Handle(op, []byte(request))) {
			t.Errorf("size %d: exported call answered %.200q, wire.Handle %.200q", size, out, wire.Handle(op, []byte(request)))
		}
	}
}

func TestCallLetsGoOfAHugeInputBuffer(t *testing.T) {
	request := `{"query":"` + strings.Repeat("x", 2*keepInBuf) + `"}`
	const op = "validateQuery"
	p := reserve(uint32(len(op) + len(request)))
	mem := unsafe.Slice((*byte)(p), len(op)+len(request))
	copy(mem, op)
	copy(mem[len(op):], request)
	callExport(uint32(len(op)), uint32(len(request)))
	if inBuf != nil {
		t.Errorf("kept a %d-byte input buffer after the call", cap(inBuf))
	}
	if e := decode(t, string(outBuf)); !e.OK {
		t.Errorf("huge query: %+v", e.Error)
	}
}

func TestReserveKeepsAndGrowsItsBuffer(t *testing.T) {
	a := reserve(100)
	if b := reserve(50); b != a {
		t.Errorf("a smaller reserve moved the buffer")
	}
	reserve(1 << 16)
	if cap(inBuf) < 1<<16 {
		t.Errorf("cap = %d after reserving 64 KiB", cap(inBuf))
	}
}

func TestErrorJSONEscapes(t *testing.T) {
	msg := "quote \" backslash \\ newline \n nul \x00 and <html>"
	e := decode(t, errorJSON("internal", msg))
	if e.OK || e.Error.Code != "internal" || e.Error.Message != msg {
		t.Errorf("round trip: %+v", e.Error)
	}
}
