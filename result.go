package xpreflight

import (
	"context"
	"net/http"

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
	// Response is core/apierr's reading of the answer returned: class,
	// problems, partial errors, rate limit. The schema report is left
	// empty (apierr.Classify): run apierr.Parse on the body for it.
	Response *apierr.Result
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
}

type resultKey struct{}

// withResult is req carrying r in its context, set as the answer's Request.
func withResult(req *http.Request, r *Result) *http.Request {
	return req.WithContext(context.WithValue(req.Context(), resultKey{}, r))
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
