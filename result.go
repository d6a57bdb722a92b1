package xpreflight

import (
	"context"
	"net/http"
	"sync"

	"github.com/xpreflight/xpreflight/core/apierr"
	"github.com/xpreflight/xpreflight/core/params"
	"github.com/xpreflight/xpreflight/core/retry"
)

// Result is what the Transport found about one call. ResultOf reads it from
// the *http.Response the Transport returned.
type Result struct {
	// Request is core/params' verdict on the request (its warnings too);
	// nil when it was not judged (WithoutValidation, or a body over 1 MiB).
	Request *params.Result
	// Local is true when the Transport answered itself (a refused request):
	// nothing was sent.
	Local bool
	// Attempts is how many times the request was sent (0 when Local).
	Attempts int
	// Advice is core/retry's advice on the answer returned; nil when none
	// was needed (success, partial, or a local answer).
	Advice *retry.Advice
	// Stopped names why the Transport did not retry although Advice.Retry
	// is true: StopDeadline or StopBodyNotRewindable; "" otherwise.
	Stopped string
	// Stream is true for a streaming endpoint, whose 2xx body the Transport
	// neither reads nor retries.
	Stream bool
	// StatusOnly says why the answer was classed by its status alone, its
	// body not read as JSON: BodyTooLong, BodyUnknownCoding or
	// BodyBadCoding; zero when the body was read (a gzip, x-gzip or
	// deflate body decoded, while the caller still reads the coded bytes)
	// or there was none. A stream's 2xx body is never read (Stream).
	StatusOnly BodyUnread

	// The answer as core/apierr reads it, classed on first use when the
	// Transport's decision did not need it (a plain 2xx body).
	answer       apierr.Response
	answerHeader http.Header // flattened into answer.Headers when classed
	once         sync.Once
	reading      *apierr.Result
}

// Response is core/apierr's reading of the answer returned: class,
// problems, partial errors, rate limit; nil when there was no answer. The
// schema report is left empty (apierr.Classify): run apierr.Parse on the
// body for it. A plain 2xx answer is classed on the first call, so a
// caller who never asks never pays for it.
func (r *Result) Response() *apierr.Result {
	r.once.Do(func() {
		if r.reading == nil && r.answer.Status != 0 {
			if r.answer.Headers == nil {
				r.answer.Headers = flatten(r.answerHeader)
			}
			c := apierr.Classify(r.answer)
			r.reading = &c
		}
	})
	return r.reading
}

// setAnswer records the answer to class later; classed sets its reading.
func (r *Result) setAnswer(a apierr.Response, classed *apierr.Result) {
	r.answer, r.reading = a, classed
}

type resultKey struct{}

// resultCtx is a context carrying a Result under resultKey, as
// context.WithValue's would, but held in the call rather than allocated on
// its own. Value hands every other key to the parent, so deadlines,
// cancellation (context finds its parent's cancelCtx through Value) and
// the caller's values are the parent's.
type resultCtx struct {
	context.Context
	r *Result
}

func (c *resultCtx) Value(key any) any {
	if _, ok := key.(resultKey); ok {
		return c.r
	}
	return c.Context.Value(key)
}

// withResult is the caller's request carrying the Result in its context,
// set as the answer's Request.
func (cl *call) withResult() *http.Request {
	cl.ctx = resultCtx{Context: cl.req.Context(), r: cl.res}
	return cl.req.WithContext(&cl.ctx)
}

// ResultOf returns the Result of a response the Transport returned, or nil
// for any other response (another host, another RoundTripper).
func ResultOf(resp *http.Response) *Result {
	if resp == nil || resp.Request == nil {
		return nil
	}
	r, _ := resp.Request.Context().Value(resultKey{}).(*Result)
	return r
}
