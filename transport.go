package xpreflight

import (
	"context"
	"net/http"
	"time"
)

// Transport is an http.RoundTripper for X API v2 calls. Requests to X's
// hosts are judged by core/params before they leave, answers are classed by
// core/apierr, and failures are retried as core/retry advises; requests to
// any other host go to Base untouched. doc.go has the decision table.
//
// A Transport is safe for concurrent use; it keeps no state between calls.
type Transport struct {
	// Base sends the requests; nil means http.DefaultTransport.
	Base http.RoundTripper
	cfg  config
}

// New returns a Transport sending through base (nil: http.DefaultTransport).
// An option that makes no sense (an unknown tier, zero attempts) is an
// error naming it.
func New(base http.RoundTripper, opts ...Option) (*Transport, error) {
	t := &Transport{Base: base, cfg: defaults()}
	for _, o := range opts {
		if err := o(&t.cfg); err != nil {
			return nil, err
		}
	}
	return t, nil
}

// Client returns an *http.Client using t; X's Go clients take one.
func (t *Transport) Client() *http.Client { return &http.Client{Transport: t} }

func (t *Transport) base() http.RoundTripper {
	if t.Base != nil {
		return t.Base
	}
	return http.DefaultTransport
}

// config is t's settings; a Transport not made by New has the defaults
// (built per call rather than stored, so concurrent calls never write t).
func (t *Transport) config() *config {
	if t.cfg.now == nil {
		d := defaults()
		return &d
	}
	return &t.cfg
}

// RoundTrip sends req as doc.go's table says. It returns an error only for
// what http.RoundTripper allows (no answer at all), or for a refused
// request under OnInvalid(Fail); an answer of any status is a response,
// whose findings ResultOf and CheckResponse read.
func (t *Transport) RoundTrip(req *http.Request) (*http.Response, error) {
	c := t.config()
	if !c.isX(req.URL) {
		return t.base().RoundTrip(req)
	}
	call, err := newCall(req, c)
	if err != nil {
		return nil, err
	}
	if c.validate {
		if resp := call.judge(); resp != nil {
			if c.invalid == Fail {
				err := CheckResponse(resp)
				resp.Body.Close()
				return nil, err
			}
			return resp, nil
		}
	}
	return t.send(call)
}

// send runs the attempts: each answer is classed, and a failure is retried
// while core/retry advises it and the context leaves time for the wait.
func (t *Transport) send(call *call) (*http.Response, error) {
	c := call.cfg
	ctx := call.req.Context()
	var prevDelay int64
	for attempt := 1; ; attempt++ {
		out, err := call.outgoing(attempt)
		if err != nil {
			return nil, err
		}
		resp, err := t.base().RoundTrip(out)
		if err == nil {
			if err = call.inspect(resp); err != nil {
				resp = nil // the answer broke off: a network failure to core/retry (inspect closed it)
			}
		}
		call.res.Attempts, call.res.Advice = attempt, nil
		if err != nil && ctx.Err() != nil {
			return nil, err // the caller gave up: nothing to advise
		}
		if err == nil && !call.needsAdvice() {
			return call.finish(resp), nil
		}
		adv := call.advise(attempt, resp, prevDelay)
		call.res.Advice = &adv
		if !adv.Retry {
			return call.done(resp, err)
		}
		delay := time.Duration(adv.DelayMs) * time.Millisecond
		if stop := call.cannotRetry(ctx, delay); stop != "" {
			call.res.Stopped = stop
			return call.done(resp, err)
		}
		if c.onRetry != nil {
			c.onRetry(RetryEvent{Request: call.req, Attempt: attempt, Status: statusOf(resp), Err: err, Advice: adv})
		}
		if resp != nil {
			resp.Body.Close() // read already (inspect), or a stream's error answer
		}
		if serr := c.sleep(ctx, delay); serr != nil {
			return nil, serr
		}
		prevDelay = adv.DelayMs
	}
}

func statusOf(resp *http.Response) int {
	if resp == nil {
		return 0
	}
	return resp.StatusCode
}

// Stop reasons: why the Transport did not retry although core/retry said to.
const (
	// StopDeadline: the wait would end after the request context's deadline.
	StopDeadline = "deadline"
	// StopBodyNotRewindable: the request body was streamed (over the
	// buffering bound) and the request has no GetBody to send it again.
	StopBodyNotRewindable = "body-not-rewindable"
)

// cannotRetry names what stops a retry core/retry advised, or "".
func (call *call) cannotRetry(ctx context.Context, delay time.Duration) string {
	if deadline, ok := ctx.Deadline(); ok && call.cfg.now().Add(delay).After(deadline) {
		return StopDeadline
	}
	if !call.rewindable() {
		return StopBodyNotRewindable
	}
	return ""
}

// done ends the attempts with the last answer, or the last network error.
func (call *call) done(resp *http.Response, err error) (*http.Response, error) {
	if err != nil {
		if resp != nil {
			resp.Body.Close()
		}
		return nil, err
	}
	return call.finish(resp), nil
}
