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
//	core/params says invalid                  → answer with its problem and status: X's invalid-request
//	                                            body with 400, or for a rules POST whose only errors are
//	                                            rule values X's rules answer with 200 (all or nothing,
//	                                            so no upstream call is needed; dry_run the same).
//	                                            An invalid-request body also lists core/params' repairs
//	                                            in the extension field xpreflight_fixes (fixes.go; X's
//	                                            fields unchanged, nothing rewritten; bounded requests only)
//	core/params knows no such route           → forward (validator "unknown-route"): X serves
//	                                            endpoints its specs do not list yet
//	core/params says valid                    → forward (validator "valid")
//	core/params panics                        → forward (validator "unavailable"): our own bug
//	                                            must never cost the caller a request X would accept
//
// Access level: X_API_TIER (Config.Tier, checked by NewGate; default
// pay-per-use), or per request the x-preflight-tier header when it names a
// level (a header naming none is ignored, warning unknown-tier-header). It
// only chooses which level's documented rules apply: a request is always
// judged. Warnings (advanced operators on a level no source says has them,
// unknown routes, …) never stop a request; their codes go back in
// x-preflight-warnings (Decision.Warnings).
//
// Credential rule (Gate.Access, access.go): the caller's own Authorization
// always wins; x-preflight-key must be one of PREFLIGHT_KEYS (hashes compared
// in constant time) and x-preflight-token a signed, unexpired, short-lived
// token (token.go) — a presented one that does not hold is answered 401
// locally; GET (not a stream) from a PUBLIC_READ_ORIGINS origin is public
// read-only use, rate-limited per client by the PUBLIC_RATE_LIMIT binding. Origin alone
// never earns the server token otherwise.
//
// Settings (Config.Check, config.go, once per isolate; every bad row is
// reported, and a bad row makes every /2/ and /v1/ request a 500 naming the
// setting, never a secret's value):
//
//	X_API_ORIGIN            https://host[:port], lower-case, no path/userinfo; http only for
//	                        localhost, 127.0.0.0/8, [::1] (a stand-in for X)     default https://api.x.com
//	UPSTREAM_TIMEOUT_MS     digits only, 1000..300000                            default 30000
//	ALLOWED_ORIGINS         comma list of exact origins; "*" refused              default none
//	PUBLIC_READ_ORIGINS     the same; needs the PUBLIC_RATE_LIMIT binding         default none
//	PREFLIGHT_KEYS          comma list, each ≥ 16 visible-ASCII characters        default none
//	PREFLIGHT_KEY           one more key, the same rule                           default none
//	PREFLIGHT_SIGNING_KEYS  comma list, the same rule                             default none
//	X_BEARER_TOKEN          visible ASCII, no "Bearer " prefix                    default none
//	X_API_TIER              query.ParseTier (pay-per-use, free, basic, pro, enterprise)
//	                                                                              default pay-per-use
//	CLASSIFY_SUCCESS_BODIES true | false: read 2xx bodies to class them, or stream them
//	                                                                              default true
//	REQUEST_LOG             all | problems: a log line for every request, or only
//	                        for those that did not end in a 2xx answer            default all
//
// Ledger (ratekey.go): the rate-limit key is the hash of the identity X
// counts (LedgerIdentity: bearer tokens normalised, OAuth 1.0a by consumer
// key + access token) and the route.
//
// Streams: a request is piped unread exactly when core/params' route table
// marks its operation a stream (params.IsStream, from the spec's
// x-twitter-streaming).
//
// Outbound: class from core/apierr (or from apierr.ClassOfStatus, the same
// status table, when the body was streamed unread or the parser failed; a
// plain 2xx JSON object naming no "errors", "type" or "code" key is success
// without a full parse, apierr.PlainSuccess); x-preflight-retry-after-ms
// from core/retry when it says retry; from one apierr.ParseRateLimit reading,
// a block (local 429s until reset) when a window is exhausted
// (Window.Exhausted: remaining 0) with a reset in the future, and room (the
// shim need not ask the Durable Object, RoomUntil) while every reported
// window has more than RoomMin calls left, for at most RoomTTLMs. Header
// names are looked up by core/header.
//
// CORS: the origins that get CORS answers are Gate.CORSOrigins; the shim
// parses no list of its own.
//
// Cost: Decide runs on every request, under wasm, where reflection,
// allocation and byte loops cost several times what they do natively. So a
// Decision encodes itself (Decision.AppendJSON, internal/jsonstr: the bytes
// encoding/json writes, proved by table and fuzz tests against it), RateKey
// hashes from a stack buffer, CheckTarget allocates nothing and scans the
// query a word at a time (internal/swar), and the usual request's headers
// are judged as they are, not copied. Header lines are read a word at a
// time (nameEnd); a map whose names are all folded, as the shim's are, is
// looked up in one access per name (Inbound/Outbound.HeadersFolded), and
// an answer that needs only its rate-limit headers reads only those
// (AnnotateLines). Fuzz targets hold each trick to the plain version it
// replaced: encoding/json, the previous RateKey, CheckTarget and nameEnd,
// kept in their tests as references, and Annotate of ParseHeaderLines.
package proxy
