// Package proxy holds the Worker's decisions, kept pure so they run (and are
// tested and fuzzed) natively: which paths may be forwarded, which callers get
// the server-held token, whether a request is forwarded or rejected, how an
// upstream answer is annotated, and when a credential+route is blocked until
// X's rate-limit window resets. The JS shim does the I/O (fetch, streaming,
// the Durable Object) and asks this package what to do.
//
// Inbound decision table (first matching row wins):
//
//	path not a normalised /2/ path            → reject 400 about:blank problem (no upstream call)
//	validateRequest ok, valid=false           → reject with its problem (status from problem, else 400)
//	validateRequest ok, valid=true            → forward (validator "valid")
//	validateRequest failed (internal/bad-input) → forward (validator "unavailable"): our own bug
//	                                            must never cost the caller a request X would accept
//
// Token rule: the server token is attached only when the caller sent no
// Authorization of its own AND (its Origin is in the allow list OR its
// x-preflight-key equals the configured key, compared in constant time).
//
// Outbound: class from parseResponse (or from the status alone when the body
// was streamed unread or the parser failed); x-preflight-retry-after-ms from
// adviseRetry when it says retry; a block (local 429s until reset) when
// x-rate-limit-remaining or a 24-hour remaining header is 0 with a reset in
// the future.
package proxy
