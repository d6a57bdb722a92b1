// Package header is the one lookup of an HTTP header in a map of names to
// values, as every frontend hands headers to xpreflight (wire JSON objects,
// the Worker's lower-cased JS Headers, Go callers' maps). core/params reads
// request headers with it, core/apierr and core/retry response headers,
// worker/proxy the Worker's.
//
//	map holds                                  Get returns
//	the name in exactly one spelling           that value, ok
//	the name in several spellings              the value of the spelling that sorts first (byte order), ok
//	no spelling of the name                    "", not ok
//
// Names match case-insensitively (RFC 9110 §5.1, as strings.EqualFold); the
// answer never depends on Go's map iteration order.
//
// Get scans the map's names on every call. A caller with several lookups
// to do (ParseRateLimit's nine) folds the map once with Fold, by the same
// rule, and looks each name up in one map access; a map of lower-case ASCII
// names, as the Worker's and most wire callers' are, is folded already and
// Fold returns it without a copy (BenchmarkFold: nine lookups about 4x
// faster natively). A caller that built the map itself and knows every
// name is folded (IsFolded: the Worker lower-cases names as it reads them)
// converts it to Folded without even Fold's pass over the names, which
// under wasm cost more than the lookups it saved.
package header
