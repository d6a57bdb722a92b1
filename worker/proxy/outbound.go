package proxy

import (
	"encoding/json"
	"strconv"
	"strings"

	"github.com/xpreflight/xpreflight/core/wire"
)

// Outbound is X's answer to a forwarded request. Body is nil when the shim
// streamed it unread (stream endpoints, or bodies over its inspection limit).
type Outbound struct {
	Method  string  `json:"method"`
	Target  string  `json:"target"`
	Status  int     `json:"status"`
	Headers Headers `json:"headers"`
	Body    *string `json:"body"`
	Stream  bool    `json:"stream,omitempty"`
	Now     int64   `json:"now"`    // Unix ms
	Random  float64 `json:"random"` // [0,1), for adviseRetry's jitter
}

// Annotation is what the shim adds to X's answer and records.
type Annotation struct {
	Class        string `json:"class"`
	RetryAfterMs *int64 `json:"retryAfterMs,omitempty"`
	Block        *Block `json:"block,omitempty"`
	// Reason names an analysis step that failed (for the operator's log).
	Reason string `json:"reason,omitempty"`
}

type parseResponseResult struct {
	Class string `json:"class"`
}

type adviseRetryResult struct {
	Retry   bool  `json:"retry"`
	DelayMs int64 `json:"delayMs"`
}

// Annotate classifies X's answer, asks for retry advice on failures and
// derives a local block from exhausted rate-limit windows.
func Annotate(out Outbound) Annotation {
	a := Annotation{Class: statusClass(out.Status), Block: BlockFrom(out.Headers, out.Now)}
	var reasons []string
	if out.Body != nil {
		var pr parseResponseResult
		if err := call("parseResponse", map[string]any{
			"status": out.Status, "headers": out.Headers, "body": *out.Body, "method": out.Method, "url": out.Target,
		}, &pr); err != nil {
			reasons = append(reasons, err.Error())
		} else if pr.Class != "" {
			a.Class = pr.Class
		}
	}
	if out.Status >= 400 {
		in := map[string]any{
			"attempt": 1, "method": out.Method, "url": out.Target, "status": out.Status,
			"headers": out.Headers, "now": out.Now, "random": out.Random, "stream": out.Stream,
		}
		if out.Body != nil {
			in["body"] = *out.Body
		}
		var ar adviseRetryResult
		if err := call("adviseRetry", in, &ar); err != nil {
			reasons = append(reasons, err.Error())
		} else if ar.Retry {
			a.RetryAfterMs = &ar.DelayMs
		}
	}
	a.Reason = strings.Join(reasons, "; ")
	return a
}

func call[T any](op string, in map[string]any, result *T) error {
	req, err := json.Marshal(in)
	if err != nil {
		return &wire.Error{Code: wire.CodeInternal, Message: op + " input: " + err.Error()}
	}
	var ans wireAnswer[T]
	if err := json.Unmarshal(wire.Handle(op, req), &ans); err != nil {
		return &wire.Error{Code: wire.CodeInternal, Message: op + " answer: " + err.Error()}
	}
	if !ans.OK {
		if ans.Error == nil {
			return &wire.Error{Code: wire.CodeInternal, Message: op + " failed without an error"}
		}
		return ans.Error
	}
	*result = ans.Result
	return nil
}

// statusClass is the class an answer gets from its status alone: used when
// the body was not read (a stream) or parseResponse failed. It follows the
// Class names of the wire contract; 429 without a body cannot tell a rate
// limit from a usage cap and says rate-limited, the commoner case.
func statusClass(status int) string {
	switch {
	case status >= 200 && status < 300:
		return "success"
	case status == 400:
		return "invalid-request"
	case status == 401:
		return "unauthorized"
	case status == 403:
		return "forbidden"
	case status == 404:
		return "not-found"
	case status == 409:
		return "conflict"
	case status == 429:
		return "rate-limited"
	case status >= 500 && status < 600:
		return "server-error"
	}
	return "unknown"
}

// Block says: answer this key locally with 429 until Until (Unix ms), replaying
// Headers (X's rate-limit headers as X last sent them, remaining 0).
type Block struct {
	Until   int64   `json:"until"`
	Headers Headers `json:"headers"`
}

// rateWindows are X's rate-limit header families: the 15-minute window and the
// undocumented 24-hour app and user caps (../shared/ref/x-api-facts.md §5.1).
var rateWindows = []string{"x-rate-limit", "x-app-limit-24hour", "x-user-limit-24hour"}

// BlockFrom returns a block when some window says remaining 0 with a reset in
// the future, lasting until the latest such reset; nil otherwise. A reset in
// the past, or headers that do not parse, never block: a missed block costs
// one request, a wrong one refuses calls X would accept.
func BlockFrom(h Headers, nowMs int64) *Block {
	var b *Block
	for _, w := range rateWindows {
		if strings.TrimSpace(h.Get(w+"-remaining")) != "0" {
			continue
		}
		reset, err := strconv.ParseInt(strings.TrimSpace(h.Get(w+"-reset")), 10, 64)
		if err != nil || reset*1000 <= nowMs {
			continue
		}
		if b == nil {
			b = &Block{Headers: Headers{}}
		}
		if reset*1000 > b.Until {
			b.Until = reset * 1000
		}
		for _, suffix := range []string{"-limit", "-remaining", "-reset"} {
			if v := h.Get(w + suffix); v != "" {
				b.Headers[w+suffix] = v
			}
		}
	}
	return b
}

// LocalAnswer is the 429 the Worker sends for a blocked key: X's headers and
// problem shape, so clients handle it exactly as they handle X's own 429.
type LocalAnswer struct {
	Status       int     `json:"status"`
	Headers      Headers `json:"headers"`
	Body         string  `json:"body"`
	RetryAfterMs int64   `json:"retryAfterMs"`
}

// Local builds the local 429 for a block still in force at nowMs.
func Local(b Block, nowMs int64) LocalAnswer {
	wait := b.Until - nowMs
	if wait < 0 {
		wait = 0
	}
	h := Headers{"content-type": "application/json; charset=utf-8"}
	for k, v := range b.Headers {
		h[k] = v
	}
	return LocalAnswer{Status: 429, Headers: h, Body: ProblemRateLimited().Body(), RetryAfterMs: wait}
}
