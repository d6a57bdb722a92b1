package params

import (
	"time"

	posttext "github.com/xpreflight/xpreflight/core/post"

	"github.com/xpreflight/xpreflight/core/query"
)

// Request is one HTTP request to judge.
type Request struct {
	Method string
	// URL is a path with query ("/2/tweets/search/recent?query=…") or an
	// absolute https://api.x.com/… or https://api.twitter.com/… URL.
	URL     string
	Headers map[string]string // names are matched case-insensitively
	Body    []byte            // nil or empty: no body
	Tier    query.Tier        // "" means pay-per-use
	// Now is the client's clock; the zero Time skips every rule relative to
	// the current time (search windows, the 10-second rule, stale since_id).
	Now time.Time
	// LongPosts: whether the account may post long posts (core/post);
	// unknown makes a post over 280 weighted characters a warning.
	LongPosts posttext.LongPosts
}

// Result is the verdict on one request, in the wire contract's shape.
// When it is invalid, Problem is the body X itself answers with and Status
// its HTTP status: an invalid-request *Problem with 400, or, for a
// filtered-stream rules POST whose only errors are rule values, X's rules
// answer (*RulesBody) with 200. Both are nil/0 when Valid.
type Result struct {
	Valid       bool         `json:"valid"`
	Route       *string      `json:"route"`
	Diagnostics []Diagnostic `json:"diagnostics"`
	Problem     any          `json:"problem"`
	Status      int          `json:"status,omitempty"`
}

// InvalidRequest returns Problem when it is an invalid-request problem.
func (r *Result) InvalidRequest() *Problem {
	p, _ := r.Problem.(*Problem)
	return p
}

// Rules returns Problem when it is X's filtered-stream rules answer.
func (r *Result) Rules() *RulesBody {
	b, _ := r.Problem.(*RulesBody)
	return b
}

// Diagnostic is one finding about a request. Message follows X's own
// wording where X has one. Query holds the query linter's findings for the
// `query` parameter or a rule value.
type Diagnostic struct {
	Code      string             `json:"code"`
	Severity  query.Severity     `json:"severity"`
	Message   string             `json:"message"`
	Parameter string             `json:"parameter,omitempty"`
	Value     string             `json:"value,omitempty"`
	Hint      string             `json:"hint,omitempty"`
	Query     []query.Diagnostic `json:"query,omitempty"`
	// Fixes are the repairs on offer; only AttachFixes fills them in.
	Fixes []Fix `json:"fixes,omitempty"`

	// problemParams overrides the parameters map of this finding's
	// errors[] item in the problem (e.g. both names of an exclusive pair).
	problemParams map[string][]string
}

// Problem is X's invalid-request problem body, fields in the order X sends
// them.
type Problem struct {
	Errors []ProblemError `json:"errors"`
	Title  string         `json:"title"`
	Detail string         `json:"detail"`
	Type   string         `json:"type"`
}

// ProblemError is one errors[] item: the offending parameters with their
// values, and X's message.
type ProblemError struct {
	Parameters map[string][]string `json:"parameters"`
	Message    string              `json:"message"`
}

// The invalid-request problem's fixed fields (x-api-facts.md §2; DESIGN.md).
const (
	ProblemType   = "https://api.x.com/2/problems/invalid-request"
	ProblemTitle  = "Invalid Request"
	ProblemDetail = "One or more parameters to your request was invalid."
)

// Diagnostic codes. They are stable kebab-case strings.
const (
	CodeBadURL            = "bad-url"
	CodeUnsupportedHost   = "unsupported-host"
	CodeInsecureScheme    = "insecure-scheme"
	CodeUnknownRoute      = "unknown-route"
	CodeMethodNotAllowed  = "method-not-allowed"
	CodeTrailingSlash     = "trailing-slash"
	CodeBadEncoding       = "bad-encoding"
	CodeUnknownParameter  = "unknown-parameter"
	CodeRepeatedParameter = "repeated-parameter"
	CodeMissingParameter  = "missing-parameter"
	CodeEmptyParameter    = "empty-parameter"
	CodeNotInteger        = "not-integer"
	CodeNotBoolean        = "not-boolean"
	CodeBadDateTime       = "bad-date-time"
	CodeNotInEnum         = "not-in-enum"
	CodeOutOfRange        = "out-of-range"
	CodeBadLength         = "bad-length"
	CodePatternMismatch   = "pattern-mismatch"
	CodeTooManyItems      = "too-many-items"
	CodeDuplicateItem     = "duplicate-item"
	CodeMixedVocabulary   = "mixed-vocabulary"
	CodeInvalidQuery      = "invalid-query"
	CodeExclusive         = "mutually-exclusive"
	CodeIDTimeMix         = "id-time-mix"
	CodeTimeOrder         = "time-order"
	CodeIDOrder           = "id-order"
	CodeStartTooOld       = "start-time-too-old"
	CodeStartTooRecent    = "start-time-too-recent"
	CodeEndTooRecent      = "end-time-too-recent"
	CodeSinceIDTooOld     = "since-id-too-old"
	CodeTooEarly          = "before-earliest-time"
	CodeExactlyOne        = "exactly-one"
	CodeDeleteAllAlone    = "delete-all-alone"
	CodeBodyMissing       = "body-missing"
	CodeBodyUnexpected    = "body-unexpected"
	CodeContentType       = "unsupported-content-type"
	CodeBodySyntax        = "body-syntax"
	CodeBodySchema        = "body-schema"
	CodeBodyNotChecked    = "body-not-checked"
	CodeInvalidRule       = "invalid-rule"
	CodeUnknownRuleField  = "unknown-rule-field"
)
