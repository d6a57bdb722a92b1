package wire

import "strconv"

// requestLimits is the largest request, in bytes, each op takes; a larger
// one is a bad-input error before any decoding (decoding is most of the
// cost of a large request: about 70 µs per KB under wasm, measured
// 2026-12-04). Each leaves room for the largest input X documents:
//
//	validateQuery, fixQuery      64 KiB: a 4,096-character query at twelve
//	                             bytes a character (\ud83d\ude00) is 48 KiB
//	validatePost                 128 KiB: 25,000 characters of a long post
//	validateRequest, fixRequest  512 KiB: params checks 64 KiB of URL and
//	                             256 KiB of body, escaped
//	parseResponse, adviseRetry   2 MiB: a page of 500 posts with expansions
var requestLimits = map[string]int{
	"validateQuery":   64 << 10,
	"fixQuery":        64 << 10,
	"validatePost":    128 << 10,
	"validateRequest": 512 << 10,
	"fixRequest":      512 << 10,
	"parseResponse":   2 << 20,
	"adviseRetry":     2 << 20,
}

// defaultRequestLimit applies to an op requestLimits does not name.
const defaultRequestLimit = 512 << 10

// MaxRequestBytes is the largest request Handle accepts for op; frontends
// may refuse a larger one before copying it (the Worker's /v1).
func MaxRequestBytes(op string) int {
	if n, ok := requestLimits[op]; ok {
		return n
	}
	return defaultRequestLimit
}

// tooLarge is the bad-input error for a request over op's limit.
func tooLarge(op string, n int) *Error {
	msg := op + ": the request is " + strconv.Itoa(n) + " bytes; it takes at most " + strconv.Itoa(MaxRequestBytes(op)) + " bytes"
	switch op {
	case "validateQuery", "fixQuery":
		msg += ", room for a query of 4,096 characters however escaped: a longer query is over every access level's limit (query-too-long)"
	default:
		msg += ", room for the largest input X documents"
	}
	return &Error{Code: CodeBadInput, Message: msg}
}
