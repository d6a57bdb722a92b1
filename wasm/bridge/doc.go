// Package bridge is the one way JavaScript calls Go in xpreflight's
// WebAssembly builds: the JS package (wasm/) and the Worker (worker/) both
// serve their functions through it, and both JS sides use its JS half,
// wasm/bridge.mjs.
//
// A call is three go:wasmexport functions and linear memory (a js.FuncOf
// callback costs about 14 µs per call on Node 20 and 0.2 ms of CPU per
// request in workerd; an export is a direct call):
//
//	p := xpreflight_reserve(n)   a buffer of at least n bytes at address p
//	                             JS writes name NUL field NUL field … (UTF-8)
//	m := xpreflight_call(n)      runs the function named by the first field
//	                             on the rest (the payload, NULs included)
//	                             JS reads m bytes of JSON at xpreflight_output()
//
// Every answer is the wire contract's envelope (core/wire):
// {"ok":true,"result":…} or {"ok":false,"error":{"code","message"}}.
//
// Decision table of Dispatch (first matching row wins):
//
//	n larger than the reserved buffer     → bad-input "… overflows the reserved …"
//	no function of that name              → unknown-op naming the known ones
//	the function panics                   → internal "<name> panicked: …"; the runtime lives on
//	otherwise                             → the function's own answer
//
// Two functions are built in: "info" answers {"version","ops","functions","limits"}
// and is the start-up handshake (JS calls it once after go.run returns
// control; no globals are set), and "wire" runs core/wire.Handle on the
// payload op NUL request-json.
//
// Buffers: Go's collector does not move objects, and both buffers stay
// referenced from package variables, so an address holds until the next
// reserve or call. An input buffer over 1 MiB is let go after its call so
// one large body does not stay resident. An answer written by
// AppendedResult is written into one reused buffer (up to 64 KiB): JS copies
// each answer out before its next call. JS re-reads memory.buffer after
// every call: linear memory may have grown.
package bridge
