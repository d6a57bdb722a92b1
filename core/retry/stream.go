package retry

import "math"

// Streams follow X's handling-disconnections guidance (facts §5.3): network
// errors back off linearly by 250 ms to 16 s; HTTP errors exponentially from
// 5 s to 320 s; 429s exponentially from 1 minute. No jitter: the documented
// schedule is what X checks a client against.

func streamNetwork(in Input, p Policy) decision {
	delay := min(satMul(p.StreamNetworkStepMs, int64(in.Attempt-1)), p.StreamNetworkMaxMs)
	return wait(delay, ReasonStreamNetwork,
		"stream network error: reconnect at once, then %d ms more each attempt up to %d ms", p.StreamNetworkStepMs, p.StreamNetworkMaxMs)
}

func streamHTTP(in Input, p Policy, r response) decision {
	if r.hasProblem("operational-disconnect") && in.Status < 300 {
		// The established connection was dropped by X: reconnect as after
		// a dropped connection (immediately, then linear).
		d := streamNetwork(in, p)
		d.reason, d.detail = ReasonStreamDisconnected, "X disconnected the stream for operational reasons; "+d.detail
		return d
	}
	delay := exponential(p.StreamHTTPBaseMs, p.StreamHTTPMaxMs, in.Attempt)
	if r.connectionIssue() == "ProvisioningSubscription" {
		// X: "please try again in a minute".
		return withRetryAfter(in, r, wait(max(delay, 60_000), ReasonStreamProvisioning,
			"stream subscription is being provisioned; X says try again in a minute"))
	}
	return withRetryAfter(in, r, wait(delay, ReasonStreamHTTP,
		"stream HTTP %d: from %d ms, doubling to %d ms", in.Status, p.StreamHTTPBaseMs, p.StreamHTTPMaxMs))
}

func streamRateLimited(in Input, p Policy, r response) decision {
	delay := exponential(p.StreamRateLimitBaseMs, math.MaxInt64, in.Attempt)
	reason, what := ReasonStreamRateLimited, "stream 429"
	if r.connectionIssue() == "TooManyConnections" {
		reason, what = ReasonStreamTooManyConns, "stream at its connection limit (TooManyConnections)"
	}
	d := wait(delay, reason, "%s: from %d ms, doubling each attempt", what, p.StreamRateLimitBaseMs)
	if r.rl != nil && r.rl.Remaining != nil && *r.rl.Remaining == 0 && r.rl.Reset != nil {
		if w := resetWait(p, r.clock, *r.rl.Reset); w > d.delay {
			d = wait(w, reason, "%s; x-rate-limit-remaining is 0, so wait for x-rate-limit-reset %d%s", what, *r.rl.Reset, anchorNote(r.clock))
		}
	}
	return withRetryAfter(in, r, d)
}
