package apierr

// Class is what a response means for the caller, judged from the status,
// the problem types and the body together (see the table in doc.go).
type Class string

// The classes of DESIGN.md's parseResponse.
const (
	Success        Class = "success"
	Partial        Class = "partial"
	InvalidRequest Class = "invalid-request"
	Unauthorized   Class = "unauthorized"
	Forbidden      Class = "forbidden"
	NotFound       Class = "not-found"
	Conflict       Class = "conflict"
	RateLimited    Class = "rate-limited"
	UsageCapped    Class = "usage-capped"
	ServerError    Class = "server-error"
	Unknown        Class = "unknown"
)

// Retryable reports whether the same request may succeed later unchanged:
// rate limits lift and server errors pass; everything else needs a change
// by the caller (or, for usage caps, a new billing period).
func (c Class) Retryable() bool { return c == RateLimited || c == ServerError }

// ClassOfStatus is the class an HTTP status implies when there is no body to
// read (or before reading it). It is the one status table of xpreflight: the
// Worker's x-preflight-class header and core/retry call it too. Sources per
// row are in doc.go's classification table.
func ClassOfStatus(status int) Class {
	switch {
	case status >= 200 && status < 300, status == 304:
		return Success
	case status >= 500 && status < 600:
		return ServerError
	}
	switch status {
	case 400, 405, 406, 411, 413, 414, 415, 422, 431:
		return InvalidRequest
	case 401:
		return Unauthorized
	case 402: // pay-per-use credits depleted: like a usage cap, it does not lift by waiting
		return UsageCapped
	case 403:
		return Forbidden
	case 404, 410:
		return NotFound
	case 409:
		return Conflict
	case 429:
		return RateLimited
	}
	return Unknown
}
