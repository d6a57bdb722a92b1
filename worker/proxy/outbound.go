package proxy

import (
	"fmt"
	"strings"
	"unsafe"

	"github.com/xpreflight/xpreflight/core/apierr"
	"github.com/xpreflight/xpreflight/core/header"
	"github.com/xpreflight/xpreflight/core/retry"
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
	// HeadersFolded says every name in Headers is folded (lower-case
	// ASCII), as Headers.AddLines reports it: the rate-limit headers are
	// then read without header.Fold's pass. False is always correct.
	HeadersFolded bool `json:"-"`
}

// Annotation is what the shim adds to X's answer and records.
type Annotation struct {
	Class        string `json:"class"`
	RetryAfterMs *int64 `json:"retryAfterMs,omitempty"`
	Block        *Block `json:"block,omitempty"`
	// Reason names an analysis step that failed (for the operator's log).
	Reason string `json:"reason,omitempty"`
	// RoomUntil is until when the key need not consult the Durable Object
	// (room.go), 0 when it must.
	RoomUntil int64 `json:"roomUntil,omitempty"`
}

// Annotate classifies X's answer, asks for retry advice on failures, and
// derives from the rate-limit headers (read once) a local block for
// exhausted windows and the key's room.
func Annotate(out Outbound) Annotation {
	var rl *apierr.RateLimit
	if out.HeadersFolded {
		rl, _ = apierr.ParseRateLimitFolded(header.Folded(out.Headers))
	} else {
		rl, _ = apierr.ParseRateLimit(out.Headers)
	}
	a := Annotation{Class: string(apierr.ClassOfStatus(out.Status)), Block: blockFrom(out.Headers, out.HeadersFolded, rl, out.Now), RoomUntil: roomUntil(rl, out.Now)}
	var body []byte
	if out.Body != nil {
		// A view, not a copy: core/apierr and core/retry only read the body
		// (FuzzParse holds that Parse leaves it unchanged) and the
		// Annotation keeps none of it. Copying X's answer cost as much as
		// classing it under wasm.
		body = unsafe.Slice(unsafe.StringData(*out.Body), len(*out.Body))
	}
	var reasons []string
	if class, err := classify(out, body); err != nil {
		reasons = append(reasons, err.Error())
	} else if class != "" {
		a.Class = class
	}
	if out.Status >= 400 {
		if adv, err := advise(out, body); err != nil {
			reasons = append(reasons, err.Error())
		} else if adv.Retry {
			a.RetryAfterMs = &adv.DelayMs
		}
	}
	a.Reason = strings.Join(reasons, "; ")
	return a
}

// classify returns core/apierr's class, or "" when the body was not read.
// A 2xx JSON object that names neither "errors" nor "type" cannot hold a
// problem or a partial error, so apierr.Classify would say success: that
// common case skips the parse. The header needs only the class, so the
// schema checks of apierr.Parse are skipped for every body.
func classify(out Outbound, body []byte) (class string, err error) {
	if out.Body == nil {
		return "", nil
	}
	if apierr.PlainSuccess(out.Status, body) {
		return "success", nil
	}
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("parseResponse panicked: %v", r)
		}
	}()
	res := parseFunc(apierr.Response{Status: out.Status, Headers: out.Headers, Body: body, Method: out.Method, URL: out.Target})
	return string(res.Class), nil
}

// advise runs core/retry for the first failed attempt.
func advise(out Outbound, body []byte) (adv retry.Advice, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("adviseRetry panicked: %v", r)
		}
	}()
	return adviseFunc(retry.Input{
		Attempt: 1, Method: out.Method, URL: out.Target, Status: out.Status, Headers: out.Headers,
		Body: body, Now: out.Now, Random: out.Random, Stream: out.Stream,
	}), nil
}

// parseFunc and adviseFunc are core/apierr's and core/retry's entry points;
// variables so a test can make them fail.
var (
	parseFunc  = apierr.Classify
	adviseFunc = retry.Advise
)
