package retry

import (
	"fmt"
	"math"

	"github.com/xpreflight/xpreflight/core/apierr"
)

// rateLimited decides a REST 429 (rows 6–10 of the table in doc.go).
func rateLimited(in Input, p Policy, r response) decision {
	d := rateLimitWait(in, p, r)
	return withRetryAfter(in, r, d)
}

func rateLimitWait(in Input, p Policy, r response) decision {
	if at, which, ok := exhaustedDay(r.rl); ok {
		return wait(resetWait(p, r.clock, at), ReasonDailyCap,
			"the %s 24-hour cap is exhausted; waiting for its reset at %d%s", which, at, anchorNote(r.clock))
	}
	if r.rl != nil && r.rl.Remaining != nil {
		if reset, ok := r.rl.Window.Exhausted(); ok {
			return wait(resetWait(p, r.clock, reset), ReasonRateLimitReset,
				"x-rate-limit-remaining is 0; waiting for x-rate-limit-reset %d%s", reset, anchorNote(r.clock))
		}
		if *r.rl.Remaining > 0 {
			base := exponential(p.PerSecondBaseMs, p.PerSecondMaxMs, in.Attempt)
			delay := min(base+scale(base/4, in.Random), p.PerSecondMaxMs)
			return wait(delay, ReasonPerSecondLimit,
				"429 while x-rate-limit-remaining is %d: X's per-second limit, not the window; a short wait", *r.rl.Remaining)
		}
	}
	if r.rl != nil && r.rl.Reset != nil {
		return wait(resetWait(p, r.clock, *r.rl.Reset), ReasonRateLimitReset,
			"429 with x-rate-limit-reset %d; waiting for it%s", *r.rl.Reset, anchorNote(r.clock))
	}
	return wait(exponential(p.RateLimitBaseMs, math.MaxInt64, in.Attempt), ReasonRateLimitBackoff,
		"429 without rate-limit headers: from %d ms, doubling each attempt", p.RateLimitBaseMs)
}

// exhaustedDay finds a 24-hour cap at 0 with a reset; the later reset wins
// when both are.
func exhaustedDay(rl *apierr.RateLimit) (at int64, which string, ok bool) {
	if rl == nil {
		return 0, "", false
	}
	for _, w := range []struct {
		name string
		win  *apierr.Window
	}{{"app", rl.AppDay}, {"user", rl.UserDay}} {
		if w.win == nil {
			continue
		}
		if reset, exhausted := w.win.Exhausted(); exhausted && (!ok || reset > at) {
			at, which, ok = reset, w.name, true
		}
	}
	return at, which, ok
}

// resetWait is the wait until a reset (Unix seconds) plus the margin.
// Without a Date header the client clock may be off, so X's own floor of
// 60 s (rate-limits.mdx, 2026: max(reset − now, 60)) applies.
func resetWait(p Policy, c clock, resetSeconds int64) int64 {
	w := satAdd(c.until(satMul(resetSeconds, 1000)), p.ResetMarginMs)
	if !c.anchored {
		w = max(w, p.UnanchoredResetFloorMs)
	}
	return max(w, p.ResetMarginMs)
}

func anchorNote(c clock) string {
	if c.anchored {
		return " (measured from the response's Date header)"
	}
	return " (no Date header: measured on the client clock, with the unanchored floor)"
}

// withRetryAfter honours Retry-After: never retry before it.
func withRetryAfter(in Input, r response, d decision) decision {
	ra, ok := r.clock.retryAfter(in.Headers)
	if !ok || !d.retry || ra <= d.delay {
		return d
	}
	return wait(ra, ReasonRetryAfter, "Retry-After asks for %d ms (longer than %s: %s)", ra, d.reason, d.detail)
}

// serverOrNetwork decides a REST 5xx or network failure.
func serverOrNetwork(in Input, p Policy, r response) decision {
	what, reason := fmt.Sprintf("status %d", in.Status), ReasonServerError
	if in.Status == 0 {
		what, reason = "network failure", ReasonNetwork
	}
	if !p.RetryNonIdempotent && !Idempotent(in.Method, in.URL) {
		return stop(ReasonNonIdempotent, "%s on %s %s, which creates something: X may have acted on it, so it is not repeated", what, in.Method, pathOf(in.URL))
	}
	delay := jittered(p, in.Attempt, in.Random, in.PreviousDelayMs)
	return withRetryAfter(in, r, wait(delay, reason, "%s: %s jitter backoff, attempt %d", what, p.Jitter, in.Attempt))
}
