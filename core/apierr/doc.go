// Package apierr reads X API v2 answers: the class of the answer, its
// problems and partial errors (every field kept, each with its slug), the
// rate-limit state from the headers, and a schema report of the envelope and
// error items against schemas/response (generated from specs 2.166 and
// 2.167, plus the docs' extra types). Parse is pure and total.
//
// # Shapes
//
// Parse decodes only the top level of the body; it tries, in order:
//
//	empty        no bytes (expected for 1xx, 204, 205, 304, HEAD and a stream's
//	             keep-alive newline; otherwise a violation)
//	not-json     not JSON at all (plain-text 429, HTML 404): one violation naming the byte
//	not-object   JSON but not an object
//	too-deep     JSON nested more than MaxBodyDepth (64) levels: not decoded, one violation
//	problem      "type" at the top and no "data": a whole-request Problem; also a bare legacy
//	             {"code":N,"message":…} (no data, no errors), a problem with slug legacy-N
//	stream-line  the URL names a stream (params.IsStream) and the body has "errors"
//	errors       "errors" and no "data" (legacy {"code":88} 429, errors-only 200s)
//	envelope     anything else under 400: {data?, includes?, meta?, errors?}
//	object       an object of neither kind at 400 or above
//
// A stream body is parsed one line per call (the URL names the stream);
// several lines at once are not one JSON value and come back as not-json.
//
// The envelope check sees "data" and "includes" only as empty values of
// their JSON kind (object or array): the payload is never walked, which is
// what keeps a 50 KB page within 2x of encoding/json's decoding (see
// BenchmarkParse). "errors", "meta" and "matching_rules" are checked in
// full, and each error item against the schema of its own type.
//
// # Limits: what one body may make Parse do and say
//
//	limit                                  when hit
//	nesting past MaxBodyDepth (64)         shape too-deep, nothing decoded (V8's wasm stack)
//	over MaxItemsChecked (20) error items  the rest are read and classified, not schema-checked;
//	                                       a violation says so
//	over MaxItemsRead (1,000) error items  the rest are not read at all; the same violation says so
//	problems over MaxProblemBytes (32 KiB) the rest are classified but not listed; a violation
//	of JSON                                counts them
//	over MaxViolations (50) or 16 KiB of   the last listed violation counts the rest
//	violations
//
// A limit's note is a violation with keywordLocation "xpreflight:limits";
// it does not make the schema report invalid. X's bodies stay far inside
// the limits (a 100-item partial-error page is about 30 KiB); with them a
// Result's JSON stays under 64 KiB.
//
// # Schema of an item
//
//	type under api.x.com        spec 2.167's schema, else 2.166's, else the docs'
//	type under api.twitter.com  spec 2.166's schema, else 2.167's, else the docs'
//	about:blank                 2.166 GenericProblem
//	unknown type                2.166 base Problem (type and title required)
//	{"code":…} without type     the legacy Error item {code: integer, message: string}
//	neither                     envelope.json ErrorItem (must be one of the two)
//
// Violations are the failed leaf keywords of the jsonschema error tree (its
// BasicOutput units minus the "doesn't validate with" wrappers, whose text
// depends on map order), sorted by instance location, keyword location and
// message, so the report is identical on every run.
//
// # Classification
//
// Problems are a whole-request error's Problem, or the errors items of an
// answer at 400 or above, or of a 2xx stream line that ends the stream
// (operational-disconnect, client-disconnected, streaming-connection) and
// has no data. Other 2xx errors items are partial errors.
//
//	condition (first match wins)                       class            source
//	a problem of type usage-capped, any status         usage-capped     facts §5.1 (does not lift by waiting)
//	status 2xx or 304: problems present                class of the first typed problem, else unknown
//	status 2xx or 304: partial errors present          partial          facts §6.1 (200 may carry errors[])
//	status 2xx or 304: body not JSON / not an object   unknown
//	status 2xx or 304                                  success          facts §6.1 (304 Not Modified, 2025 docs)
//	400 406 422 431                                    invalid-request  facts §6.1 ("no, fix request")
//	405 411 413 414 415                                invalid-request  RFC 9110 §15.5 (not in X's docs: the
//	                                                                    request itself must change)
//	401                                                unauthorized     facts §6.1
//	402 (pay-per-use credits depleted)                 usage-capped     facts §6.1, §5.1 (add credit)
//	403                                                forbidden        facts §6.1
//	404 410                                            not-found        facts §6.1 (410: endpoint turned off)
//	409                                                conflict         facts §6.1
//	429                                                rate-limited     facts §6.1
//	5xx                                                server-error     facts §6.1
//	any other status                                   class of the first typed problem, else unknown
//
// The status rows are ClassOfStatus, the one status table: the Worker's
// x-preflight-class (worker/proxy) and core/retry use it too.
//
// Class of a problem type (the slug after /2/problems/):
//
//	invalid-request invalid-rules duplicate-rules rule-cap
//	rule-length noncompliant-rules                            invalid-request
//	client-forbidden unsupported-authentication oauth1-permissions
//	not-authorized-for-resource not-authorized-for-field
//	field-unauthorized disallowed-resource resource-unavailable  forbidden
//	resource-not-found                                         not-found
//	conflict                                                   conflict
//	usage-capped                                               usage-capped
//	rate-limit-exceeded legacy-88                              rate-limited
//	internal-error operational-disconnect field-hydration-failure
//	legacy-130 legacy-131                                      server-error
//	streaming-connection: TooManyConnections                   rate-limited
//	streaming-connection: ProvisioningSubscription             server-error
//	streaming-connection: RuleConfigurationIssue, RulesInvalidIssue  conflict
//	about:blank, client-disconnected, anything else            (the status decides)
//
// Retryable is true exactly for rate-limited and server-error; core/retry
// says when.
//
// # Slugs
//
// The part of type after /2/problems/, lower-cased, under any host (both
// api.twitter.com and api.x.com occur live); "about:blank"; "legacy-<code>"
// for {"code":88,"message":…} items; the type itself when it has no
// /2/problems/ path; "unknown" for an item with neither type nor code. A
// body's own "slug" field, should X ever send one, is kept as
// "slug_in_body".
//
// # Rate limits
//
// x-rate-limit-limit/-remaining/-reset, and x-app-limit-24hour-* and
// x-user-limit-24hour-* (appDay, userDay) when present; names match
// case-insensitively. A value that is not a non-negative integer becomes
// null plus a HeaderIssue naming the header.
//
// # Coded bodies
//
// DecodeBody is the one rule, for the Go Transport and the Worker, for
// what of a coded answer is classed (Parse and Classify read JSON, never a
// coding):
//
//	Content-Encoding (RFC 9110 §8.4)            DecodeBody gives
//	none, empty items, identity; or no bytes    the body itself
//	gzip or x-gzip (§8.4.1.3), deflate = zlib   the decoded bytes, when at most the bound
//	(§8.4.1.2), alone or listed with identity
//	  decoding past the bound                   nil, too-long (a bomb costs the bound)
//	  not valid in that coding                  nil, bad-coding
//	any other (br, zstd), or several codings    nil, unknown-coding
//
// nil means: class the answer by its status (ClassOfStatus).
package apierr
