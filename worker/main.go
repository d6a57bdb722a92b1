//go:build js && wasm

// Command worker is the Go half of the xpreflight Cloudflare Worker: one Go
// instance per isolate, started by src/go.mjs at module scope (or, failing
// that, on the first request) and reused for every later one. It serves worker/proxy's decisions through
// wasm/bridge (the same exports and envelope as the JS package); the JS
// modules in src/ do all I/O (see README.md for why the shim is ours and not
// syumai/workers').
//
// Bridge functions (fields are NUL-separated; see wasm/bridge):
//
//	configure  config-json                                 → checked settings: apiOrigin, timeoutMs, tier,
//	                                                          classifySuccessBodies, requestLog, corsOrigins
//	decide     method, target, now, header-lines[, body]    → proxy.Decision
//	           (path left out when it is the target as received)
//	decideUnchecked  as decide, without the validator: for a request on
//	           which the previous Go instance trapped or exited
//	annotate   method, target, status, now, random, stream,
//	           header-lines[, body] (absent: not read)      → proxy.Annotation (with roomUntil)
//	local      block-json, now                              → proxy.LocalAnswer
//	wire       op, request-json (built in)                  → the wire contract's answer
package main

import (
	"github.com/xpreflight/xpreflight/wasm/bridge"
)

// version names the build in the bridge's handshake.
var version = "dev"

func main() {
	bridge.Serve(version, bridge.Functions{
		"configure":       configure,
		"decide":          decide,
		"decideUnchecked": decideUnchecked,
		"annotate":        annotate,
		"local":           local,
	})
}
