// Package xpreflight puts xpreflight's checks in front of any Go program
// that calls the X API v2 over net/http: Transport, an http.RoundTripper,
// judges each request with core/params before it leaves, reads each answer
// with core/apierr, and retries failures as core/retry advises. X's Go
// clients (michimani/gotwi, g8rswimmer/go-twitter, …) take an *http.Client,
// so one line puts them behind it:
//
//	t, err := xpreflight.New(nil, xpreflight.WithMaxAttempts(3))
//	client := t.Client() // or &http.Client{Transport: t}
//
// The rules live in core/: this package decides only what to do with their
// verdicts. It keeps no global state; time, sleep and randomness are
// options (WithClock, WithSleep, WithRandom).
//
// # Decision table
//
// Rows are tried in order for each RoundTrip.
//
//	#  condition                                         what the Transport does
//	1  host is neither api.x.com, api.twitter.com        hand the request to Base untouched: not judged,
//	   nor one given to WithHosts                        not classed, not retried; ResultOf gives nil
//	2  request body over 1 MiB (a media chunk)           send it unjudged (Result.Request nil); retry only
//	                                                     with req.GetBody (else Stopped body-not-rewindable)
//	3  core/params: valid (warnings allowed)             send it
//	4  core/params: only unknown-route or                send it: X may serve operations newer than its
//	   method-not-allowed errors                         specs (DESIGN.md: unknown routes are never refused)
//	5  core/params: any other error, OnInvalid(Respond)  answer locally: 400, X's invalid-request problem as
//	   (the default)                                     the body, x-preflight: rejected; nothing is sent
//	6  core/params: any other error, OnInvalid(Fail)     return a *ProblemError with Local set
//	7  answer 2xx from a stream endpoint                 return it at once, body unread: a stream never
//	                                                     ends, and is never retried mid-body (a stream's
//	                                                     operational-disconnect line, core/retry row 11, is
//	                                                     the caller's to act on)
//	8  answer (not row 7) with Content-Encoding gzip,    rows 9–11 read a decoded copy (up to 1 MiB); the
//	   x-gzip or deflate (zlib, RFC 9110 §8.4.1); any    caller gets X's coded bytes and headers as sent.
//	   other coding (br, zstd, several), a corrupt       Go's http.Transport decodes only the gzip it asked
//	   stream, or one decoding past 1 MiB                for itself, so a caller's Accept-Encoding brings
//	                                                     coded answers; anything not decoded is read as no
//	                                                     body: classed by its status, Result.StatusOnly
//	                                                     says why (a gzip bomb costs 1 MiB, not gigabytes).
//	                                                     The rule's one home: core/apierr.DecodeBody, which
//	                                                     the Worker's annotate calls too
//	9  answer 2xx, JSON object naming no "errors" or     return it; classed (success) only when ResultOf's
//	   "type" key                                        Result.Response is first asked for
//	10 any other answer: classed by core/apierr;         return it
//	   success or partial
//	11 failure, or no answer (a network error, or a      ask core/retry.Advise (attempt, method, URL, status,
//	   body that broke off while being read)             headers, body, now, random, stream); no retry →
//	                                                     return the answer (or the network error)
//	12 retry advised, but the wait ends after the        return the answer; Result.Stopped = deadline
//	   request context's deadline
//	13 retry advised, body streamed without GetBody      return the answer; Result.Stopped = body-not-rewindable
//	14 retry advised                                     OnRetry hook, sleep Advice.DelayMs (returning
//	                                                     ctx.Err() if the context ends first), send again
//	                                                     with the body rewound
//
// What core/retry decides (its doc.go has the table) therefore holds over
// HTTP: a 429 with x-rate-limit-remaining > 0 is X's per-second limit and
// waits about a second, not 15 minutes; a remaining of 0 waits for
// x-rate-limit-reset, anchored on the answer's Date header; usage caps are
// not retried; a POST that creates something (POST /2/tweets) is not
// replayed after a 5xx or a network failure; waits longer than the policy's
// maxWaitMs are not slept through. The attempts cap (WithMaxAttempts,
// default 5) applies to stream reconnects too, which core/retry leaves
// uncapped, so a RoundTrip always ends.
//
// # Reading the answer
//
// ResultOf(resp) returns the Result: the request's verdict with its
// warnings, the answer's class, problems, partial errors and rate limit,
// the attempts made and the last advice. CheckResponse(resp) turns it into
// an error in go-github's style: nil for success and partial answers, a
// *RateLimitError (reset, advice, retry instant) for rate limits, a
// *ProblemError for anything else; both work with errors.As, also through
// the *url.Error an http.Client wraps around RoundTrip's errors.
//
// # Bodies
//
// Bodies pass through byte for byte. A request body is read once (up to 1
// MiB) to be judged and sent again on retries. A non-stream answer body is
// read whole (up to 1 MiB, so partial errors anywhere in it are seen) and
// handed on as an identical reader; a longer one is classed by its status
// and streamed on unread after its first MiB (Result.StatusOnly:
// BodyTooLong). A coded answer (row 8) is handed on coded; only the copy
// that is classed is decoded, when the Transport's decision reads it, and
// a plain 2xx is still classed only when Result.Response is asked for.
package xpreflight
