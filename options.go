package xpreflight

import (
	"context"
	"fmt"
	"math/rand/v2"
	"net/http"
	"strings"
	"time"

	"github.com/xpreflight/xpreflight/core/query"
	"github.com/xpreflight/xpreflight/core/retry"
)

// Option configures a Transport (see New).
type Option func(*config) error

// InvalidAction says what the Transport does with a request core/params
// finds invalid.
type InvalidAction int

const (
	// Respond answers it locally with the 400 X would send (its
	// invalid-request problem), so a client's own error handling reads it as
	// it would read X's; the answer carries the header x-preflight: rejected.
	Respond InvalidAction = iota
	// Fail returns a *ProblemError (Local set) from RoundTrip; an
	// http.Client wraps it in a *url.Error, which errors.As sees through.
	Fail
)

// RetryEvent is what an OnRetry hook is told before the Transport waits.
type RetryEvent struct {
	Request *http.Request // the caller's request
	Attempt int           // attempts made so far (1 after the first failure)
	Status  int           // the failed attempt's status; 0 for a network failure
	Err     error         // the network failure, when Status is 0
	Advice  retry.Advice  // core/retry's advice: Advice.DelayMs is the wait
}

// config is a Transport's settings; the zero value is not used: see
// defaults.
type config struct {
	tier     query.Tier
	policy   retry.Policy
	invalid  InvalidAction
	onRetry  func(RetryEvent)
	onResult func(*http.Request, *Result)
	now      func() time.Time
	sleep    func(context.Context, time.Duration) error
	random   func() float64
	extra    []string // hosts treated as X besides api.x.com and api.twitter.com
	bodyMax  int64
	validate bool
}

// defaultBodyMax bounds what the Transport reads into memory of one request
// or response body: X's JSON bodies are far smaller; a longer body (a media
// upload chunk, a huge page) passes through unjudged rather than buffered.
const defaultBodyMax = 1 << 20

func defaults() config {
	p := retry.DefaultPolicy()
	// core/retry leaves stream reconnects uncapped (X's guidance has delay
	// ceilings only); inside one RoundTrip that could block forever, so a
	// stream gets the same attempts cap as a REST call.
	p.StreamMaxAttempts = p.MaxAttempts
	return config{
		tier:     query.PayPerUse,
		policy:   p,
		now:      time.Now,
		sleep:    sleepContext,
		random:   rand.Float64,
		bodyMax:  defaultBodyMax,
		validate: true,
	}
}

// sleepContext waits d or until ctx is done, whichever comes first.
func sleepContext(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// WithTier sets the access level requests are judged for: query.PayPerUse
// (the default) or query.Enterprise. It decides query length limits and
// which operators are available.
func WithTier(t query.Tier) Option {
	return func(c *config) error {
		switch t {
		case query.PayPerUse, query.Enterprise:
			c.tier = t
			return nil
		}
		return fmt.Errorf("xpreflight.WithTier: unknown tier %q; expected %q or %q", t, query.PayPerUse, query.Enterprise)
	}
}

// WithMaxAttempts caps the attempts of one RoundTrip, the first included
// (default 5; 1 turns retries off). It caps stream reconnects too.
func WithMaxAttempts(n int) Option {
	return func(c *config) error {
		if n < 1 {
			return fmt.Errorf("xpreflight.WithMaxAttempts: %d; it must be at least 1", n)
		}
		c.policy.MaxAttempts, c.policy.StreamMaxAttempts = n, n
		return nil
	}
}

// WithPolicy replaces core/retry's policy (delays, caps, jitter, the
// longest wait). A StreamMaxAttempts of 0 takes MaxAttempts, so no
// RoundTrip reconnects forever.
func WithPolicy(p retry.Policy) Option {
	return func(c *config) error {
		if err := p.Check(); err != nil {
			return fmt.Errorf("xpreflight.WithPolicy: %w", err)
		}
		if p.StreamMaxAttempts == 0 {
			p.StreamMaxAttempts = p.MaxAttempts
		}
		c.policy = p
		return nil
	}
}

// OnInvalid chooses what happens to a request X would reject: Respond
// (default) or Fail.
func OnInvalid(a InvalidAction) Option {
	return func(c *config) error {
		if a != Respond && a != Fail {
			return fmt.Errorf("xpreflight.OnInvalid: unknown action %d; expected Respond or Fail", a)
		}
		c.invalid = a
		return nil
	}
}

// WithoutValidation sends every request unjudged; answers are still
// classified and retried.
func WithoutValidation() Option {
	return func(c *config) error { c.validate = false; return nil }
}

// OnRetry sets a hook called before each wait, e.g. to log or count
// retries. It runs on the RoundTrip's goroutine and should return quickly.
func OnRetry(f func(RetryEvent)) Option {
	return func(c *config) error { c.onRetry = f; return nil }
}

// OnResult sets a hook called with the caller's request and the Result of
// every answer the Transport returns (its own refusals included): the way
// to see partial errors, warnings and retries when a client library keeps
// the *http.Response to itself.
func OnResult(f func(*http.Request, *Result)) Option {
	return func(c *config) error { c.onResult = f; return nil }
}

// WithHosts adds hosts (host or host:port, as in URL.Host) whose requests
// are treated as X's: a stand-in for X in tests, or a proxy in front of X
// such as xpreflight's own Worker. api.x.com and api.twitter.com always are.
func WithHosts(hosts ...string) Option {
	return func(c *config) error {
		for _, h := range hosts {
			if h == "" || strings.ContainsAny(h, "/ ") {
				return fmt.Errorf("xpreflight.WithHosts: %q is not a host or host:port", h)
			}
			c.extra = append(c.extra, strings.ToLower(h))
		}
		return nil
	}
}

// WithClock replaces time.Now: the instant requests are judged at (search
// windows, the 10-second rule) and retry waits are counted from, and what a
// context deadline is compared with.
func WithClock(now func() time.Time) Option {
	return func(c *config) error {
		if now == nil {
			return fmt.Errorf("xpreflight.WithClock: nil clock")
		}
		c.now = now
		return nil
	}
}

// WithSleep replaces the wait between attempts. It must return ctx.Err()
// when ctx ends first.
func WithSleep(sleep func(ctx context.Context, d time.Duration) error) Option {
	return func(c *config) error {
		if sleep == nil {
			return fmt.Errorf("xpreflight.WithSleep: nil sleep")
		}
		c.sleep = sleep
		return nil
	}
}

// WithRandom replaces the jitter source; it must return values in [0, 1).
func WithRandom(random func() float64) Option {
	return func(c *config) error {
		if random == nil {
			return fmt.Errorf("xpreflight.WithRandom: nil source")
		}
		c.random = random
		return nil
	}
}
