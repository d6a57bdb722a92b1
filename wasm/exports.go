//go:build js && wasm

package main

import (
	"strconv"
	"unsafe"

	"github.com/xpreflight/xpreflight/core/wire"
)

// The fast path. A js.FuncOf callback costs about 14 µs per call on Node 20
// (JS → event → goroutine switch and back), more than most ops take, so
// xpreflight.mjs calls these go:wasmexport functions instead (tens of
// nanoseconds of overhead) and moves the bytes through linear memory:
//
//  1. p := xpreflight_reserve(n): a buffer of at least n bytes at address p;
//  2. JS writes op then request (UTF-8) at p;
//  3. m := xpreflight_call(len(op), len(request)): runs wire.Handle;
//  4. JS reads m bytes of response JSON at xpreflight_response().
//
// Go's garbage collector does not move objects, and both buffers stay
// referenced from package variables, so the addresses hold until the next
// reserve or call. JS must re-read memory.buffer after each call: the linear
// memory may have grown.
var (
	inBuf  []byte
	outBuf []byte
)

//go:wasmexport xpreflight_reserve
func reserve(n uint32) unsafe.Pointer {
	if uint32(cap(inBuf)) < n || cap(inBuf) == 0 {
		inBuf = make([]byte, max(n, 256))
	}
	inBuf = inBuf[:cap(inBuf)]
	return unsafe.Pointer(&inBuf[0])
}

// keepInBuf is the largest input buffer kept between calls; a bigger one
// (one large response body) is let go so the heap can reuse it.
const keepInBuf = 1 << 20

//go:wasmexport xpreflight_call
func callExport(opLen, requestLen uint32) uint32 {
	outBuf = handleBuffer(wire.Handle, inBuf, opLen, requestLen)
	if cap(inBuf) > keepInBuf {
		inBuf = nil
	}
	return uint32(len(outBuf))
}

//go:wasmexport xpreflight_response
func response() unsafe.Pointer {
	if len(outBuf) == 0 {
		return nil
	}
	return unsafe.Pointer(&outBuf[0])
}

// handleBuffer runs handle on the op and request that JS wrote into buf.
// Lengths that do not fit and panics become error JSON: a panic escaping an
// exported function would end the Go program.
func handleBuffer(handle handler, buf []byte, opLen, requestLen uint32) (out []byte) {
	defer func() {
		if r := recover(); r != nil {
			out = []byte(errorJSON("internal", "xpreflight bridge panicked: "+panicText(r)))
		}
	}()
	if uint64(opLen)+uint64(requestLen) > uint64(len(buf)) {
		return []byte(errorJSON("bad-input", "op and request ("+strconv.Itoa(int(opLen))+"+"+strconv.Itoa(int(requestLen))+" bytes) overflow the reserved buffer of "+strconv.Itoa(len(buf))+" bytes"))
	}
	return handle(string(buf[:opLen]), buf[opLen:opLen+requestLen])
}
