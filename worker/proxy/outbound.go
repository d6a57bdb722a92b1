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
// streamed it unread (stream endpoints, or bodies over its inspection limit);
// otherwise it is the body as X sent it, coded when its Content-Encoding
// says so: Annotate decodes it for the class (apierr.DecodeBody).
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
	// StatusOnly says why a body that was read was classed by its status
	// alone (apierr.BodyUnread's names: "unknown-coding", "bad-coding",
	// "too-long" once decoded), as the Transport's Result.StatusOnly does;
	// empty when the body was classed, or not read.
	StatusOnly string `json:"statusOnly,omitempty"`
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
	why := decode(&out, out.Headers.lookup("content-encoding", out.HeadersFolded))
	return annotate(out, plainUnknown, why)
}

// AnnotateLines is Annotate for X's header lines as the shim sends them
// (ParseHeaderLines' form), with out.Headers left out: it reads them into
// one of two empty maps the caller keeps between calls and empties after
// (the Worker's annotate). An answer under 400 whose body is not read, or
// is one apierr.PlainSuccess takes, is one Annotate reads no header of but
// the rate-limit ones (classify stops at PlainSuccess, advise is not
// asked): its rate-limit lines alone go into rate (three insertions, not a
// dozen, each hashing its name, into a map that stays one small group).
// Any other answer, or a header name not folded, has every line read into
// all. Under wasm, reading X's dozen headers into one map cost more than
// the rest of a bodiless answer's annotation (2.8 µs against 1.6).
// FuzzAnnotateLines holds it to Annotate of ParseHeaderLines.
func AnnotateLines(out Outbound, lines string, all, rate Headers) Annotation {
	var why apierr.BodyUnread
	if out.Body != nil && *out.Body != "" {
		why = decode(&out, contentEncoding(lines))
	}
	plain := plainUnknown
	if out.Status < 400 && out.Body != nil {
		plain = plainNo
		if apierr.PlainSuccess(out.Status, unsafe.Slice(unsafe.StringData(*out.Body), len(*out.Body))) {
			plain = plainYes
		}
	}
	if out.Status < 400 && plain != plainNo && rate.addRateLimitLines(lines) {
		out.Headers, out.HeadersFolded = rate, true
		return annotate(out, plain, why)
	}
	clear(rate)
	out.Headers = all
	out.HeadersFolded = all.AddLines(lines)
	return annotate(out, plain, why)
}

// MaxInspect is the most of an answer's body, as X sent it and once
// decoded, that the shim reads for its class (src/proxy.mjs INSPECT_LIMIT);
// past it the answer is classed by its status.
const MaxInspect = 1 << 20

// decode puts in out.Body the body as X meant it (apierr.DecodeBody, within
// MaxInspect bytes) for its Content-Encoding ce, or nil, for an answer
// classed by its status, and returns why. The caller still forwards X's
// coded bytes: this is a copy, or the same view when nothing is coded.
func decode(out *Outbound, ce string) apierr.BodyUnread {
	if out.Body == nil || ce == "" {
		return 0
	}
	values := [1]string{ce}
	coded := unsafe.Slice(unsafe.StringData(*out.Body), len(*out.Body))
	body, why := apierr.DecodeBody(values[:], coded, MaxInspect)
	if why != 0 {
		out.Body = nil
		return why
	}
	s := unsafe.String(unsafe.SliceData(body), len(body))
	out.Body = &s
	return 0
}

// contentEncoding is the value of the content-encoding line of lines (the
// last, as AddLines keeps it), or "", without reading the other lines
// into a map: the plain-success shortcut below must see the decoded body
// before it decides which lines to read.
func contentEncoding(lines string) string {
	const name = "content-encoding"
	v := ""
	for lines != "" {
		var line string
		line, lines, _ = strings.Cut(lines, "\n")
		colon := strings.IndexByte(line, ':')
		if colon < len(name) {
			continue
		}
		n := strings.TrimSpace(line[:colon])
		// A name AddLines would fold to this one: ASCII letters only, so
		// its length is the same unless it holds a non-ASCII rune, none
		// of which lower-cases into this name's letters.
		if len(n) == len(name) && (n == name || strings.ToLower(n) == name) {
			v = strings.TrimSpace(line[colon+1:])
		}
	}
	return v
}

// plainness is what AnnotateLines already knows of apierr.PlainSuccess for
// the body, so that classify does not scan it again.
type plainness int8

const (
	plainUnknown plainness = iota
	plainYes
	plainNo
)

func annotate(out Outbound, plain plainness, why apierr.BodyUnread) Annotation {
	var rl *apierr.RateLimit
	if out.HeadersFolded {
		rl, _ = apierr.ParseRateLimitFolded(header.Folded(out.Headers))
	} else {
		rl, _ = apierr.ParseRateLimit(out.Headers)
	}
	a := Annotation{Class: string(apierr.ClassOfStatus(out.Status)), StatusOnly: why.String(), Block: blockFrom(out.Headers, out.HeadersFolded, rl, out.Now), RoomUntil: roomUntil(rl, out.Now)}
	var body []byte
	if out.Body != nil {
		// A view, not a copy: core/apierr and core/retry only read the body
		// (FuzzParse holds that Parse leaves it unchanged) and the
		// Annotation keeps none of it. Copying X's answer cost as much as
		// classing it under wasm.
		body = unsafe.Slice(unsafe.StringData(*out.Body), len(*out.Body))
	}
	var reasons []string
	if class, err := classify(out, body, plain); err != nil {
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
func classify(out Outbound, body []byte, plain plainness) (class string, err error) {
	if out.Body == nil {
		return "", nil
	}
	if plain == plainYes || plain == plainUnknown && apierr.PlainSuccess(out.Status, body) {
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
