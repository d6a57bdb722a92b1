// Package retry says whether, and when, to try an X API v2 call again. Advise
// is a pure function of its Input: the clock (Now, Unix ms) and the jitter
// (Random in [0,1)) are inputs, so the same input always gives the same
// Advice. Sources are ../shared/ref/x-api-facts.md §5 (headers, limits,
// reconnection) and §6 (statuses).
//
// # Decision table
//
// Rows are tried in order; "n" is Input.Attempt (attempts made so far, 1
// after the first failure). The class comes from core/apierr: from the body
// when one is given (so usage-capped, TooManyConnections and stream lines
// are recognised), else from the status. "stream" is Input.Stream, or a
// body with a streaming-connection problem (X sends those only on streams).
//
//	#  condition                                   retry  delay                                        reason
//	1  status 0, stream                            yes    stepMs·(n−1), ≤ 16 s (0, 250 ms, 500 ms…)     stream-network
//	2  status 0, not idempotent                    no     —                                            non-idempotent
//	3  status 0                                    yes    REST backoff (below)                         network-backoff
//	4  class usage-capped (usage-capped problem,   no     —                                            usage-capped
//	   or 402 credits depleted)
//	5  429 or rate-limited, stream                 yes    60 s·2^(n−1); TooManyConnections named;      stream-rate-limited /
//	                                                      ≥ reset wait when remaining is 0             stream-too-many-connections
//	6  429, a 24-hour app/user cap at 0            yes    until that x-*-limit-24hour-reset            daily-cap
//	7  429, x-rate-limit-remaining 0, reset known  yes    until x-rate-limit-reset                     rate-limit-reset
//	8  429, x-rate-limit-remaining > 0             yes    1 s·2^(n−1) ≤ 16 s, +0–25 % jitter           per-second-limit
//	9  429, only x-rate-limit-reset                yes    until x-rate-limit-reset                     rate-limit-reset
//	10 429, no rate-limit headers                  yes    60 s·2^(n−1)                                 rate-limit-backoff
//	11 server-error, stream, operational-          yes    as row 1                                     stream-disconnected
//	   disconnect line
//	12 server-error, stream, ProvisioningSub.      yes    max(row 13, 60 s)                            stream-provisioning
//	13 server-error, stream                        yes    5 s·2^(n−1), ≤ 320 s                          stream-http-error
//	14 server-error, not idempotent                no     —                                            non-idempotent
//	15 server-error                                yes    REST backoff                                 server-error-backoff
//	16 other 4xx, stream, connection_issue         no     —                                            stream-rules
//	17 other 4xx                                   no     —                                            client-error
//	18 success or partial                          no     —                                            not-an-error
//	19 anything else (1xx, 3xx)                    no     —                                            not-retryable
//
// Then, for every retry:
//   - Retry-After (delay-seconds or an HTTP-date, RFC 9110 §10.2.3) on
//     rows 3, 5–15: the delay becomes max(delay, Retry-After), reason
//     retry-after when it is the longer. X documents the header for Ads only
//     (facts §5.1), so it is honoured but never required.
//   - attempts cap: n ≥ maxAttempts (streams: streamMaxAttempts, 0 = none)
//     → retry=false, attempts-exhausted.
//   - wait cap: delay > maxWaitMs → retry=false, parked=true, notBefore =
//     now + delay ("park until"); delayMs ≤ maxWaitMs in every Advice.
//
// notBefore is now + delayMs for a retry (client clock, Unix ms), 0 when
// there is nothing to wait for.
//
// # Reset times and clock skew
//
// x-rate-limit-reset and the 24-hour resets are absolute Unix seconds on
// X's clock. When the response has a Date header the wait is reset − Date
// (+ resetMarginMs), which a skewed client clock, or a Worker clock frozen
// between I/O, cannot distort; notBefore then adds that wait to the client's
// now. Without Date the wait is reset − now, floored at
// unanchoredResetFloorMs (60 s: X's own example waits max(reset − now, 60 s),
// rate-limits.mdx 2026).
//
// # REST backoff (rows 3, 15)
//
// d = min(maxBackoffMs, baseDelayMs·2^(n−1)), then by policy.jitter:
//
//	full          ⌊random·d⌋                                   (default)
//	equal         d/2 + ⌊random·(d − d/2)⌋
//	decorrelated  min(maxBackoffMs, base + ⌊random·(min(3·prev, maxBackoffMs) − base)⌋),
//	              prev = Input.PreviousDelayMs or base
//	none          d
//
// Streams follow X's schedule exactly, without jitter (facts §5.3: network
// +250 ms to 16 s; HTTP 5 s doubling to 320 s; 429 1 minute doubling, no
// stated cap, so maxWaitMs parks it).
//
// # Idempotency
//
// After a 5xx or a network failure X may have acted on the request. GET,
// HEAD, OPTIONS, PUT and DELETE are idempotent; a POST only when it sets a
// state (likes, follows, reposts, mutes, bookmarks, list membership, pinned
// lists, DM block/unblock, chat read/typing/delete, stream rules: see
// idempotentPosts); PATCH and every other POST (POST /2/tweets, DMs, lists,
// jobs, media uploads, …) are not retried unless policy.retryNonIdempotent.
// A 429 is always safe to retry: X refused the request without acting. An
// empty method is taken as idempotent.
//
// # Policy (the wire "policy" object; omitted fields keep the default)
//
//	maxAttempts             5        REST attempts cap
//	streamMaxAttempts       0        stream reconnects cap (0: none)
//	maxWaitMs               960000   longest wait returned as retry=true (16 min: one 15-min window + margin)
//	baseDelayMs             1000     REST backoff base
//	maxBackoffMs            60000    REST backoff cap ("a few minutes" at most, rate-limits.mdx 2024)
//	jitter                  "full"   full | equal | decorrelated | none
//	resetMarginMs           1000     added after a reset instant (and the least wait for one)
//	unanchoredResetFloorMs  60000    least reset wait when no Date header
//	perSecondBaseMs         1000     429 while remaining > 0 (full-archive search is 1 request/s)
//	perSecondMaxMs          16000
//	rateLimitBaseMs         60000    429 without rate-limit headers ("a minute or two", rate-limits.mdx 2024)
//	streamNetworkStepMs     250
//	streamNetworkMaxMs      16000
//	streamHttpBaseMs        5000
//	streamHttpMaxMs         320000
//	streamRateLimitBaseMs   60000
//	retryNonIdempotent      false
package retry
