//go:build js && wasm && xpreflight_crashtest

package bridge

import (
	"bytes"
	"os"
)

// Test builds only (-tags xpreflight_crashtest; wasm/test.sh and
// worker/test.sh build them beside the real ones, never into a package):
// a call of a function that validates (decide, wire) whose payload holds
//
//	xpreflight-test-exit   ends the program as a Go fatal error does (exit 2)
//	xpreflight-test-trap   recurses until V8's stack runs out (a trap)
//
// and an annotate call whose payload holds xpreflight-test-answer-exit
// exits likewise (the Worker reading X's answer).
func init() {
	failureHook = func(name string, payload []byte) {
		switch {
		case name == "annotate" && bytes.Contains(payload, []byte("xpreflight-test-answer-exit")):
			os.Exit(2)
		case name != "decide" && name != "wire":
		case bytes.Contains(payload, []byte("xpreflight-test-exit")):
			os.Exit(2)
		case bytes.Contains(payload, []byte("xpreflight-test-trap")):
			recurse(0)
		}
	}
}

//go:noinline
func recurse(n int) int {
	var pad [64]byte
	pad[n%64] = byte(n)
	return recurse(n+1) + int(pad[0])
}
