package retry

import (
	"fmt"

	"github.com/xpreflight/xpreflight/core/apierr"
)

// Input is one failed (or finished) attempt, as DESIGN.md's adviseRetry.
type Input struct {
	Attempt int    // attempts made so far: 1 after the first failure
	Method  string // optional; decides idempotency
	URL     string // optional; decides idempotency of POSTs
	Status  int    // 0: a network failure, no response
	Headers map[string]string
	Body    []byte // optional; nil when not given
	Now     int64  // the client's Unix ms
	Random  float64
	Stream  bool
	// PreviousDelayMs is the delay before this attempt, for decorrelated
	// jitter; 0 when unknown.
	PreviousDelayMs int64
	Policy          *Policy // nil: DefaultPolicy()
}

// Reason is why Advise decided as it did; stable kebab-case codes.
type Reason string

// Reasons (doc.go has the table).
const (
	ReasonNotAnError         Reason = "not-an-error"
	ReasonNotRetryable       Reason = "not-retryable"
	ReasonClientError        Reason = "client-error"
	ReasonUsageCapped        Reason = "usage-capped"
	ReasonDailyCap           Reason = "daily-cap"
	ReasonRateLimitReset     Reason = "rate-limit-reset"
	ReasonPerSecondLimit     Reason = "per-second-limit"
	ReasonRateLimitBackoff   Reason = "rate-limit-backoff"
	ReasonRetryAfter         Reason = "retry-after"
	ReasonServerError        Reason = "server-error-backoff"
	ReasonNetwork            Reason = "network-backoff"
	ReasonNonIdempotent      Reason = "non-idempotent"
	ReasonAttemptsExhausted  Reason = "attempts-exhausted"
	ReasonStreamNetwork      Reason = "stream-network"
	ReasonStreamHTTP         Reason = "stream-http-error"
	ReasonStreamRateLimited  Reason = "stream-rate-limited"
	ReasonStreamTooManyConns Reason = "stream-too-many-connections"
	ReasonStreamProvisioning Reason = "stream-provisioning"
	ReasonStreamDisconnected Reason = "stream-disconnected"
	ReasonStreamRulesProblem Reason = "stream-rules"
)

// Advice says whether and when to try again. DelayMs ≤ policy.maxWaitMs
// always; a longer wait comes back as retry=false, parked=true, with
// notBefore the instant (client clock, Unix ms) the wait ends.
type Advice struct {
	Retry     bool   `json:"retry"`
	DelayMs   int64  `json:"delayMs"`
	NotBefore int64  `json:"notBefore"`
	Reason    Reason `json:"reason"`
	Detail    string `json:"detail"`
	Parked    bool   `json:"parked"`
}

// Advise decides by the table in doc.go. It is pure: time and randomness
// come from in.Now and in.Random.
func Advise(in Input) Advice {
	p := DefaultPolicy()
	if in.Policy != nil {
		p = *in.Policy
	}
	if in.Attempt < 1 {
		in.Attempt = 1
	}
	in.Random = cleanRandom(in.Random)
	d := decide(in, p)
	return finish(in, p, d)
}

// decision is a wanted delay before the caps are applied.
type decision struct {
	retry  bool
	delay  int64
	reason Reason
	detail string
}

func stop(reason Reason, format string, args ...any) decision {
	return decision{reason: reason, detail: fmt.Sprintf(format, args...)}
}

func wait(delay int64, reason Reason, format string, args ...any) decision {
	return decision{retry: true, delay: max(delay, 0), reason: reason, detail: fmt.Sprintf(format, args...)}
}

// finish applies the attempts cap and the wait cap.
func finish(in Input, p Policy, d decision) Advice {
	if !d.retry {
		return Advice{Reason: d.reason, Detail: d.detail}
	}
	limit := p.MaxAttempts
	if in.Stream {
		limit = p.StreamMaxAttempts
	}
	if limit > 0 && in.Attempt >= limit {
		return Advice{Reason: ReasonAttemptsExhausted,
			Detail: fmt.Sprintf("%d attempts made, the cap is %d; the last failure was %s: %s", in.Attempt, limit, d.reason, d.detail)}
	}
	at := satAdd(in.Now, d.delay)
	if d.delay > p.MaxWaitMs {
		return Advice{NotBefore: at, Reason: d.reason, Parked: true,
			Detail: fmt.Sprintf("%s; the wait of %d ms exceeds maxWaitMs %d, so park until notBefore", d.detail, d.delay, p.MaxWaitMs)}
	}
	return Advice{Retry: true, DelayMs: d.delay, NotBefore: at, Reason: d.reason, Detail: d.detail}
}

// response is what the status, headers and body say together.
type response struct {
	class    apierr.Class
	problems []apierr.Problem
	rl       *apierr.RateLimit
	clock    clock
}

func read(in Input) response {
	r := response{class: apierr.ClassOfStatus(in.Status), clock: newClock(in.Now, in.Headers)}
	r.rl, _ = apierr.ParseRateLimit(in.Headers)
	if in.Body != nil && in.Status != 0 {
		res := apierr.Classify(apierr.Response{Status: in.Status, Headers: in.Headers, Body: in.Body, Method: in.Method, URL: in.URL})
		r.class, r.problems = res.Class, res.Problems
	}
	return r
}

// connectionIssue is the connection_issue of a streaming-connection problem.
func (r response) connectionIssue() string {
	for _, p := range r.problems {
		if p.Slug == "streaming-connection" {
			return p.String("connection_issue")
		}
	}
	return ""
}

func (r response) hasProblem(slug string) bool {
	for _, p := range r.problems {
		if p.Slug == slug {
			return true
		}
	}
	return false
}

func decide(in Input, p Policy) decision {
	if in.Status == 0 {
		if in.Stream {
			return streamNetwork(in, p)
		}
		return serverOrNetwork(in, p, response{clock: newClock(in.Now, in.Headers)})
	}
	r := read(in)
	// A streaming-connection problem only ever comes from a stream, so it
	// selects the stream schedule even when the caller did not say stream.
	in.Stream = in.Stream || r.connectionIssue() != ""
	switch {
	case r.class == apierr.UsageCapped:
		return stop(ReasonUsageCapped, "status %d: %s; waiting does not lift a usage cap or depleted credits (facts §5.1)", in.Status, usageDetail(r))
	case in.Status == 429 || r.class == apierr.RateLimited:
		if in.Stream {
			return streamRateLimited(in, p, r)
		}
		return rateLimited(in, p, r)
	case r.class == apierr.ServerError:
		if in.Stream {
			return streamHTTP(in, p, r)
		}
		return serverOrNetwork(in, p, r)
	case in.Status >= 400 && in.Status < 500:
		if in.Stream && r.connectionIssue() != "" {
			return stop(ReasonStreamRulesProblem, "stream %d with connection_issue %s: fix the rules, reconnecting will not help", in.Status, r.connectionIssue())
		}
		return stop(ReasonClientError, "status %d (%s): the request must change before it can succeed", in.Status, r.class)
	case r.class == apierr.Success || r.class == apierr.Partial:
		return stop(ReasonNotAnError, "status %d is %s; nothing to retry", in.Status, r.class)
	}
	return stop(ReasonNotRetryable, "status %d (%s) is not one X says to retry", in.Status, r.class)
}

func usageDetail(r response) string {
	if r.hasProblem("usage-capped") {
		return "usage-capped problem"
	}
	return "payment required"
}
