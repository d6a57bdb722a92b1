package query

// Endpoint names the API surface a query is sent to; limits and operator
// availability depend on it.
type Endpoint string

// The endpoints a query or rule can be written for.
const (
	SearchRecent Endpoint = "search_recent"
	SearchAll    Endpoint = "search_all"
	CountsRecent Endpoint = "counts_recent"
	CountsAll    Endpoint = "counts_all"
	StreamRule   Endpoint = "stream_rule"
)

// Options selects the endpoint and tier a query is judged for. The zero
// value means search_recent on pay-per-use.
type Options struct {
	Endpoint Endpoint
	Tier     Tier
}

// Severity of a diagnostic: an error means X would reject the query.
type Severity string

// Severities.
const (
	SeverityError   Severity = "error"
	SeverityWarning Severity = "warning"
)

// Range is a half-open [Start, End) interval.
type Range struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Diagnostic is one finding about a query, in the wire contract's shape:
// Span counts UTF-16 code units (what JS strings index), ByteSpan UTF-8 bytes.
type Diagnostic struct {
	Code     string   `json:"code"`
	Severity Severity `json:"severity"`
	Message  string   `json:"message"`
	Span     Range    `json:"span"`
	ByteSpan Range    `json:"byteSpan"`
	Hint     string   `json:"hint,omitempty"`
	// Fixes are the repairs on offer; only AttachFixes fills them in.
	Fixes []Fix `json:"fixes,omitempty"`
}

// Report is the verdict on one query, as the validateQuery op returns it.
type Report struct {
	Valid       bool         `json:"valid"`
	Length      int          `json:"length"`
	MaxLength   int          `json:"maxLength"`
	Diagnostics []Diagnostic `json:"diagnostics"`
	Formatted   string       `json:"formatted"`
}
