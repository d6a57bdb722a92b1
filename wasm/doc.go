//go:build js && wasm

// Command xpreflight is the WebAssembly build of xpreflight behind the JS
// package (xpreflight.mjs). It serves core/wire through wasm/bridge: the
// go:wasmexport functions xpreflight_reserve, xpreflight_call and
// xpreflight_output, with the built-in bridge functions "info" (version and
// the ops this build holds: the query-only build, -tags
// xpreflight_querylite, has only validateQuery) and "wire" (one op). main
// blocks forever so the runtime stays alive for every later call; a panic in
// an op becomes {"ok":false,"error":{"code":"internal",…}} and the runtime
// keeps running. The JS half of the bridge is bridge.mjs, shared with the
// Worker.
package main
