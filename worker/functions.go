package main

import (
	"bytes"
	"encoding/json"
	"strconv"
	"unsafe"

	"github.com/xpreflight/xpreflight/core/wire"
	"github.com/xpreflight/xpreflight/wasm/bridge"
	"github.com/xpreflight/xpreflight/worker/proxy"
)

// This file has no build tag: the functions are plain Go, tested natively;
// main.go serves them to JS.

// gate is set by configure; the shim calls configure before anything else.
var gate *proxy.Gate

// configured is configure's answer: the checked settings the JS half
// applies (it parses none of its own) — never a secret.
type configured struct {
	APIOrigin             string   `json:"apiOrigin"`
	TimeoutMs             int      `json:"timeoutMs"`
	Tier                  string   `json:"tier"`
	ClassifySuccessBodies bool     `json:"classifySuccessBodies"`
	RequestLog            string   `json:"requestLog"`
	CORSOrigins           []string `json:"corsOrigins"`
}

// configure checks the deployment's settings once per isolate. A bad setting
// is a bad-input error naming every bad setting (never a secret's value).
func configure(payload []byte) []byte {
	var c proxy.Config
	if err := json.Unmarshal(payload, &c); err != nil {
		return bridge.Fail(wire.CodeBadInput, "configuration is not JSON: %v", err)
	}
	s, err := c.Check()
	if err != nil {
		return bridge.Fail(wire.CodeBadInput, "%v", err)
	}
	gate = s.Gate()
	return bridge.Result(configured{s.APIOrigin, s.TimeoutMs, string(s.Tier), s.ClassifySuccessBodies, s.RequestLog, gate.CORSOrigins()})
}

func decide(payload []byte) []byte { return decideWith(payload, false) }

// decideUnchecked is decide without the validator, for a request on which
// the previous Go instance failed (proxy.Inbound.Unchecked).
func decideUnchecked(payload []byte) []byte { return decideWith(payload, true) }

func decideWith(payload []byte, unchecked bool) []byte {
	if gate == nil {
		return bridge.Fail(wire.CodeInternal, "decide before configure")
	}
	var f [5][]byte
	n := splitFields(payload, f[:])
	if n < 4 {
		return bridge.Fail(wire.CodeBadInput, "decide: %d fields, want method, target, now, header lines[, body]", n)
	}
	now, err := strconv.ParseInt(string(f[2]), 10, 64)
	if err != nil {
		return bridge.Fail(wire.CodeBadInput, "decide: now: %v", err)
	}
	// Views, not copies: the payload stays untouched until the next bridge
	// call, and Decide keeps nothing of its input (its answer is encoded
	// before this function returns). Copying a 1 MB body twice cost 19 ms
	// of CPU under wasm; copying the small fields cost an allocation each
	// on every forwarded call.
	if len(requestHeaders) != 0 {
		clear(requestHeaders) // a panic in the last call left some
	}
	folded := requestHeaders.AddLines(view(f[3]))
	in := proxy.Inbound{Method: view(f[0]), Target: view(f[1]), Now: now, Headers: requestHeaders, HeadersFolded: folded, Unchecked: unchecked}
	if n == 5 {
		in.Body = view(f[4])
	}
	d := gate.Decide(in)
	if d.Path == in.Target {
		// The shim has the target: echoing it cost most of a hostile
		// request's CPU (55 KB of '&', encoded as \u0026).
		d.Path = ""
	}
	answer := bridge.AppendedResult(d)
	requestHeaders = reuse(requestHeaders, 16)
	return answer
}

// requestHeaders holds the caller's headers during one decide call, as
// answerHeaders holds X's during annotate (making the map was a fifth of
// reading the header lines under wasm): Decide keeps no reference to it
// (its answer is encoded before decideWith returns).
var requestHeaders = make(proxy.Headers, 16)

// reuse empties h for the next call (its strings are views of a payload
// that may be let go), or lets it go for a new one made for size names
// when it held more than keepHeaders.
func reuse(h proxy.Headers, size int) proxy.Headers {
	if len(h) > keepHeaders {
		return make(proxy.Headers, size)
	}
	clear(h)
	return h
}

// splitFields is bytes.SplitN(payload, NUL, len(fields)) into fields,
// without allocating the slice of fields: it returns how many it filled.
func splitFields(payload []byte, fields [][]byte) int {
	n := 0
	for n < len(fields)-1 {
		i := bytes.IndexByte(payload, 0)
		if i < 0 {
			break
		}
		fields[n], payload = payload[:i], payload[i+1:]
		n++
	}
	fields[n] = payload
	return n + 1
}

// view is b as a string without a copy: for fields only read during a call.
func view(b []byte) string { return unsafe.String(unsafe.SliceData(b), len(b)) }

func annotate(payload []byte) []byte {
	var f [8][]byte
	n := splitFields(payload, f[:])
	if n < 7 {
		return bridge.Fail(wire.CodeBadInput, "annotate: %d fields, want method, target, status, now, random, stream, header lines[, body]", n)
	}
	status, err1 := strconv.Atoi(view(f[2]))
	now, err2 := strconv.ParseInt(view(f[3]), 10, 64)
	random, err3 := strconv.ParseFloat(view(f[4]), 64)
	for _, err := range []error{err1, err2, err3} {
		if err != nil {
			return bridge.Fail(wire.CodeBadInput, "annotate: %v", err)
		}
	}
	if len(answerHeaders) != 0 || len(rateHeaders) != 0 {
		clear(answerHeaders) // a panic in the last call left some
		clear(rateHeaders)
	}
	// Views, as decideWith's: Annotate keeps nothing of X's answer but what
	// it writes into its own, which is encoded before this function returns
	// (TestAnnotateAnswerOutlivesItsPayload). Copying X's body and headers
	// cost as much as reading them under wasm.
	out := proxy.Outbound{
		Method: view(f[0]), Target: view(f[1]), Status: status, Now: now, Random: random,
		Stream: view(f[5]) == "1",
	}
	if n == 8 {
		body := view(f[7])
		out.Body = &body
	}
	// The Annotation carries roomUntil, for src/ratelimit.mjs's per-isolate
	// cache: until when the Durable Object need not be asked.
	answer := bridge.AppendedResult(proxy.AnnotateLines(out, view(f[6]), answerHeaders, rateHeaders))
	answerHeaders = reuse(answerHeaders, 16)
	rateHeaders = reuse(rateHeaders, 0)
	return answer
}

// answerHeaders holds X's headers during one annotate call, and
// rateHeaders its rate-limit headers alone when they are all that call
// reads (proxy.AnnotateLines): one map each for every call, as making one
// was 7% of the call under wasm. rateHeaders is made without a size, so
// that for up to eight names Go keeps it as one small group (no table to
// find, little to clear). Annotate keeps
// no reference to it (a Block's values are encoded with the answer before
// annotate returns), calls do not overlap
// (one Go instance per isolate, called synchronously), and it is emptied
// after each call; one that held more than keepHeaders is let go
// rather than kept at that size.
var answerHeaders, rateHeaders = make(proxy.Headers, 16), make(proxy.Headers)

const keepHeaders = 32

func local(payload []byte) []byte {
	blockJSON, nowText, _ := bytes.Cut(payload, []byte{0})
	var b proxy.Block
	if err := json.Unmarshal(blockJSON, &b); err != nil {
		return bridge.Fail(wire.CodeBadInput, "local: block: %v", err)
	}
	now, err := strconv.ParseInt(string(nowText), 10, 64)
	if err != nil {
		return bridge.Fail(wire.CodeBadInput, "local: now: %v", err)
	}
	return bridge.Result(proxy.Local(b, now))
}
