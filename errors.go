package xpreflight

import (
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/xpreflight/xpreflight/core/apierr"
	"github.com/xpreflight/xpreflight/core/params"
	"github.com/xpreflight/xpreflight/core/retry"
)

// ProblemError is an answer X (or the Transport, for a refused request)
// gave as a failure other than a rate limit: invalid-request, unauthorized,
// forbidden, not-found, conflict, usage-capped, server-error, unknown.
type ProblemError struct {
	Response *http.Response // its body was read; Problems holds what it said
	Class    apierr.Class
	Problems []apierr.Problem
	// Local is true when the Transport refused the request itself: nothing
	// was sent, and Diagnostics says why.
	Local       bool
	Diagnostics []params.Diagnostic
	// Advice is core/retry's advice on the answer, when one was asked
	// (server errors that were not retried say why here).
	Advice *retry.Advice
}

func (e *ProblemError) Error() string {
	var b strings.Builder
	b.WriteString(describe(e.Response, e.Class))
	writeProblems(&b, e.Problems)
	if e.Local {
		b.WriteString(" (refused by xpreflight before sending)")
	} else if e.Advice != nil {
		fmt.Fprintf(&b, " (not retried: %s)", e.Advice.Reason)
	}
	return b.String()
}

// RateLimitError is a rate-limited answer (429, or a rate-limit problem)
// that the Transport did not, or could no longer, retry.
type RateLimitError struct {
	Response  *http.Response
	Problems  []apierr.Problem
	RateLimit *apierr.RateLimit // X's rate-limit headers; nil when it sent none
	// Reset is when X said the 15-minute window resets (x-rate-limit-reset),
	// zero when it did not say.
	Reset time.Time
	// Advice is core/retry's advice: Reason tells X's per-second limit
	// (per-second-limit) from an exhausted window (rate-limit-reset) or a
	// 24-hour cap (daily-cap); NotBefore is when a retry may succeed.
	Advice retry.Advice
	// Stopped names why a retry that Advice allows was not made (StopDeadline…).
	Stopped string
}

func (e *RateLimitError) Error() string {
	var b strings.Builder
	b.WriteString(describe(e.Response, apierr.RateLimited))
	writeProblems(&b, e.Problems)
	fmt.Fprintf(&b, " (%s", e.Advice.Reason)
	if at := e.RetryAt(); !at.IsZero() {
		fmt.Fprintf(&b, "; retry at %s", at.UTC().Format(time.RFC3339))
	}
	if e.Stopped != "" {
		fmt.Fprintf(&b, "; not retried: %s", e.Stopped)
	}
	b.WriteString(")")
	return b.String()
}

// RetryAt is the instant core/retry says a retry may succeed (the client's
// clock), zero when it gave none.
func (e *RateLimitError) RetryAt() time.Time {
	if e.Advice.NotBefore == 0 {
		return time.Time{}
	}
	return time.UnixMilli(e.Advice.NotBefore)
}

// CheckResponse turns a Transport's answer into an error, in the style of
// go-github: nil for success and partial answers (partial errors are data,
// in ResultOf(resp).Response().PartialErrors), a *RateLimitError for a rate
// limit, a *ProblemError for any other failure. A response the Transport
// did not produce gives nil.
func CheckResponse(resp *http.Response) error {
	r := ResultOf(resp)
	if r == nil || r.Response() == nil {
		return nil
	}
	res := r.Response()
	switch res.Class {
	case apierr.Success, apierr.Partial:
		return nil
	case apierr.RateLimited:
		e := &RateLimitError{Response: resp, Problems: res.Problems, RateLimit: res.RateLimit, Stopped: r.Stopped}
		if res.RateLimit != nil && res.RateLimit.Reset != nil {
			e.Reset = time.Unix(*res.RateLimit.Reset, 0)
		}
		if r.Advice != nil {
			e.Advice = *r.Advice
		}
		return e
	}
	e := &ProblemError{Response: resp, Class: res.Class, Problems: res.Problems, Local: r.Local, Advice: r.Advice}
	if r.Local && r.Request != nil {
		e.Diagnostics = r.Request.Diagnostics
	}
	return e
}

// describe starts an error message: "xpreflight: GET /2/users/me: 403 forbidden".
func describe(resp *http.Response, class apierr.Class) string {
	method, path, status := "", "", 0
	if resp != nil {
		status = resp.StatusCode
		if resp.Request != nil && resp.Request.URL != nil {
			method, path = resp.Request.Method, resp.Request.URL.Path
		}
	}
	return fmt.Sprintf("xpreflight: %s %s: %d %s", method, path, status, class)
}

// writeProblems adds the first problem's title and detail (or a legacy
// item's message), and how many more there are.
func writeProblems(b *strings.Builder, ps []apierr.Problem) {
	if len(ps) == 0 {
		return
	}
	p := ps[0]
	for _, f := range []string{"title", "detail", "message"} {
		if s := p.String(f); s != "" {
			b.WriteString(": ")
			b.WriteString(s)
		}
	}
	if p.Slug == "invalid-request" {
		if errs := p.Fields["errors"]; len(errs) > 0 {
			// X's invalid-request items say which parameter; the first is
			// what a reader needs to act.
			if m := firstErrorMessage(errs); m != "" {
				b.WriteString(": ")
				b.WriteString(m)
			}
		}
	}
	if len(ps) > 1 {
		fmt.Fprintf(b, " (and %d more)", len(ps)-1)
	}
}
