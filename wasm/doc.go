//go:build js && wasm

// Command xpreflight is the WebAssembly build of xpreflight: a syscall/js
// bridge that exposes core/wire to JavaScript through one global object.
//
// Started with argv [name, globalName], it registers
//
//	globalThis[globalName] = { call(op, requestJSON) → responseJSON, version }
//
// (globalName defaults to "__xpreflight") and then blocks forever, so the Go
// runtime stays alive for every later call. call is synchronous and always
// returns the wire contract's JSON; a panic anywhere in the bridge or an op
// becomes {"ok":false,"error":{"code":"internal",…}} and the runtime keeps
// running. The JS wrapper xpreflight.mjs picks a private global name, takes
// the object and deletes the global again.
package main
