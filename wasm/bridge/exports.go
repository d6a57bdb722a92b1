//go:build js && wasm

package bridge

import "unsafe"

var (
	served        Functions
	inBuf, outBuf []byte
)

// keepInBuf is the largest input buffer kept between calls.
const keepInBuf = 1 << 20

// minInBuf: small calls share one buffer instead of growing it step by step.
const minInBuf = 4096

// Serve makes fns (plus the built-ins "info" and "wire") callable from JS
// and blocks forever: returning from main would end the runtime, and every
// later call would fail. Call it last in main.
func Serve(version string, fns Functions) {
	served = withBuiltins(version, fns)
	answerBuf = make([]byte, 0, 1024)
	select {}
}

//go:wasmexport xpreflight_reserve
func reserve(n uint32) unsafe.Pointer {
	if uint32(cap(inBuf)) < n || cap(inBuf) == 0 {
		inBuf = make([]byte, max(n, minInBuf))
	}
	inBuf = inBuf[:cap(inBuf)]
	return unsafe.Pointer(&inBuf[0])
}

//go:wasmexport xpreflight_call
func call(n uint32) uint32 {
	outBuf = Dispatch(served, inBuf, n)
	if cap(inBuf) > keepInBuf {
		inBuf = nil
	}
	return uint32(len(outBuf))
}

//go:wasmexport xpreflight_output
func output() unsafe.Pointer {
	if len(outBuf) == 0 {
		return nil
	}
	return unsafe.Pointer(&outBuf[0])
}
