//go:build js && wasm

package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"unsafe"

	"github.com/xpreflight/xpreflight/core/wire"
	"github.com/xpreflight/xpreflight/worker/proxy"
)

// The per-request calls (decide, annotate, handle) are go:wasmexport
// functions, not js.FuncOf callbacks: a callback parks a goroutine and runs
// the scheduler on every call, which in workerd cost about 0.2 ms of CPU per
// request; an export is a direct call. Bytes move through linear memory:
//
//  1. p := xpw_reserve(n): a buffer of at least n bytes at address p;
//  2. the shim writes the input (fields separated by NUL bytes) at p;
//  3. m := xpw_call(fn, length): runs fn on the input;
//  4. the shim reads m bytes of JSON at xpw_output().
//
// Go's collector does not move objects and both buffers stay referenced
// from these variables, so the addresses hold until the next reserve or call.
var inBuf, outBuf []byte

// Function numbers of xpw_call, mirrored in src/shim.mjs.
const (
	fnDecide   = 1 // method NUL target NUL now NUL header-lines NUL [body]
	fnAnnotate = 2 // outbound-json NUL [body] (a missing NUL: body not read)
	fnHandle   = 3 // op NUL request-json
)

// keepInBuf is the largest input buffer kept between calls; a larger one (a
// big body) is let go so the heap can reuse it.
const keepInBuf = 1 << 20

//go:wasmexport xpw_reserve
func reserve(n uint32) unsafe.Pointer {
	if uint32(cap(inBuf)) < n || cap(inBuf) == 0 {
		inBuf = make([]byte, max(n, 4096))
	}
	inBuf = inBuf[:cap(inBuf)]
	return unsafe.Pointer(&inBuf[0])
}

//go:wasmexport xpw_call
func call(fn, n uint32) uint32 {
	outBuf = run(fn, inBuf, n)
	if cap(inBuf) > keepInBuf {
		inBuf = nil
	}
	return uint32(len(outBuf))
}

//go:wasmexport xpw_output
func output() unsafe.Pointer {
	if len(outBuf) == 0 {
		return nil
	}
	return unsafe.Pointer(&outBuf[0])
}

// run dispatches one call. A panic escaping an export would end the Go
// program, so every one becomes {"error": …}.
func run(fn uint32, buf []byte, n uint32) (out []byte) {
	defer func() {
		if r := recover(); r != nil {
			out = []byte(errorJSON(fmt.Sprintf("panic: %v", r)))
		}
	}()
	if uint64(n) > uint64(len(buf)) {
		return []byte(errorJSON("input of " + strconv.Itoa(int(n)) + " bytes overflows the reserved " + strconv.Itoa(len(buf))))
	}
	in := buf[:n]
	switch fn {
	case fnDecide:
		return decideInput(in)
	case fnAnnotate:
		return annotateInput(in)
	case fnHandle:
		op, request, _ := bytes.Cut(in, []byte{0})
		return wire.Handle(string(op), request)
	}
	return []byte(errorJSON("unknown function " + strconv.Itoa(int(fn))))
}

func decideInput(in []byte) []byte {
	fields := bytes.SplitN(in, []byte{0}, 5)
	if len(fields) < 4 {
		return []byte(errorJSON(fmt.Sprintf("decide: %d fields, want method, target, now, header lines[, body]", len(fields))))
	}
	now, err := strconv.ParseInt(string(fields[2]), 10, 64)
	if err != nil {
		return []byte(errorJSON("decide: now: " + err.Error()))
	}
	d := proxy.Inbound{
		Method:  string(fields[0]),
		Target:  string(fields[1]),
		Now:     now,
		Headers: proxy.ParseHeaderLines(string(fields[3])),
	}
	if len(fields) == 5 {
		d.Body = string(fields[4])
	}
	return marshal(gate.Decide(d))
}

func annotateInput(in []byte) []byte {
	meta, body, hasBody := bytes.Cut(in, []byte{0})
	var out proxy.Outbound
	if err := json.Unmarshal(meta, &out); err != nil {
		return []byte(errorJSON("annotate: " + err.Error()))
	}
	if hasBody {
		b := string(body)
		out.Body = &b
	}
	return marshal(proxy.Annotate(out))
}

func marshal(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		return []byte(errorJSON("output: " + err.Error()))
	}
	return b
}
