package bridge

import (
	"bytes"
	"slices"
	"strconv"

	"github.com/xpreflight/xpreflight/core/wire"
)

// failureHook is nil except in test builds (-tags xpreflight_crashtest,
// failure_hook.go), where a marker in a call makes the Go program fail the
// ways no input can any more (a trap, a fatal exit), so the JS halves'
// recovery is tested for real.
var failureHook func(name string, payload []byte)

// Func answers one call: payload is what followed the name and its NUL; the
// answer is an envelope (Result or Fail).
type Func func(payload []byte) []byte

// Functions names what a program serves to JS.
type Functions map[string]Func

// Dispatch runs the call JS wrote into buf[:n]: name NUL payload. It never
// panics: a panic escaping an exported function would end the Go program.
func Dispatch(fns Functions, buf []byte, n uint32) (out []byte) {
	var name string
	defer func() {
		if r := recover(); r != nil {
			out = Fail(wire.CodeInternal, "%s panicked: %v", name, r)
		}
	}()
	if uint64(n) > uint64(len(buf)) {
		return Fail(wire.CodeBadInput, "a call of %s bytes overflows the reserved buffer of %s bytes", strconv.FormatUint(uint64(n), 10), strconv.Itoa(len(buf)))
	}
	nameBytes, payload, _ := bytes.Cut(buf[:n], []byte{0})
	name = string(nameBytes)
	f, ok := fns[name]
	if !ok {
		return Fail(wire.CodeUnknownOp, "no bridge function %q; known: %v", name, names(fns))
	}
	if failureHook != nil {
		failureHook(name, payload)
	}
	return f(payload)
}

func names(fns Functions) []string {
	out := make([]string, 0, len(fns))
	for name := range fns {
		out = append(out, name)
	}
	slices.Sort(out)
	return out
}

// Info is the start-up handshake's answer.
type Info struct {
	Version   string   `json:"version"`
	Ops       []string `json:"ops"`       // core/wire ops this build holds
	Functions []string `json:"functions"` // every bridge function, built-ins included
	// Limits is wire.MaxRequestBytes of each op: the JS half refuses a
	// larger request before copying it into linear memory, which never
	// shrinks (bridge.mjs).
	Limits map[string]int `json:"limits"`
}

// withBuiltins returns fns plus "info" and "wire"; a program's own function
// of either name is a programming error.
func withBuiltins(version string, fns Functions) Functions {
	all := Functions{"wire": wireFunc}
	for name, f := range fns {
		if _, taken := all[name]; taken || name == "info" {
			panic("bridge: function name " + strconv.Quote(name) + " is built in")
		}
		all[name] = f
	}
	all["info"] = nil // named in its own answer
	limits := map[string]int{}
	for _, op := range wire.Ops() {
		limits[op] = wire.MaxRequestBytes(op)
	}
	info := Result(Info{Version: version, Ops: wire.Ops(), Functions: names(all), Limits: limits})
	all["info"] = func([]byte) []byte { return info }
	return all
}

// wireFunc runs one core/wire op: payload is op NUL request-json.
func wireFunc(payload []byte) []byte {
	op, request, _ := bytes.Cut(payload, []byte{0})
	return wire.Handle(string(op), request)
}
