// Package wire is the JSON contract every xpreflight frontend speaks: the
// wasm bridge, the Worker's POST /v1/<op> and Go callers all go through
// Handle.
//
//	Handle(op, requestJSON) → {"ok":true,"result":{…}}
//	                        | {"ok":false,"error":{"code":…,"message":…}}
//
// Error codes:
//
//	bad-input   the request is not valid JSON, has an unknown field, a
//	            field of the wrong type, or a value outside its enum
//	unknown-op  op is not one of Ops()
//	internal    a bug: the op panicked or its result could not be encoded
//
// Findings about the user's query, request or response are results, not
// errors: an invalid query is {"ok":true,"result":{"valid":false,…}}.
//
// Ops, one file each: validateQuery, validateRequest (both with the
// fixes of each fixable finding: core/query AttachFixes, core/params
// AttachFixes), fixQuery and fixRequest (apply them: "apply" is "safe", the
// default, or "all"), parseResponse, adviseRetry. fixQuery is in the
// query-only build too.
//
// Handle never panics and always returns JSON.
//
// # Limits
//
// A request over MaxRequestBytes(op) is a bad-input error, not decoded
// (64 KiB for validateQuery and fixQuery, 128 KiB for validatePost, 512 KiB
// for validateRequest and fixRequest, 2 MiB for parseResponse and
// adviseRetry; limits.go says why). Each result is bounded by its package
// (core/query, core/params, core/apierr doc.go, "Limits"): no answer passes
// 64 KiB.
package wire
