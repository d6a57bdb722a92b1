package query

import (
	"strconv"
	"unicode/utf8"
)

// Longest query any access level may send, per endpoint (x-api-facts.md
// §3.1): Enterprise's 4,096 characters for search and counts (also the
// `query` maxLength of X's OpenAPI specs 2.166 and 2.167) and 2,048 for a
// filtered-stream rule. TestLongestDocumented holds them to the length
// table.
const (
	longestSearchQuery = 4096
	longestStreamRule  = 2048
)

// longestDocumented is the longest query X documents for ep at any level.
func longestDocumented(ep Endpoint) int {
	if ep == StreamRule {
		return longestStreamRule
	}
	return longestSearchQuery
}

// judgeBySize settles, without parsing, a query longer than any access
// level may send to its endpoint: one query-too-long finding is the whole
// report, and Formatted stays empty. Parsing and checking it would only
// cost time and produce findings about text X never reads. The finding is
// an error where the level's limit is documented, or the query is over the
// specs' maxLength (search and counts); a rule on a level no source gives a
// limit (free, basic) gets a warning: X's limit there is unknown. It
// reports whether it filled in r.
func judgeBySize(q string, opts Options, r *Report) bool {
	norm, _, _ := normalize(opts)
	longest := longestDocumented(norm.Endpoint)
	if len(q) <= longest { // a character takes at least one byte
		return false
	}
	length := utf8.RuneCountInString(q) // an invalid byte counts as one, as in Length
	if length <= longest {
		return false
	}
	lim := limitOf(norm)
	where := string(norm.Endpoint) + " on " + string(norm.Tier)
	d := Diagnostic{Code: CodeTooLong, Severity: SeverityError,
		Message: "The query is " + strconv.Itoa(length) + " characters long; " + where + " allows " + strconv.Itoa(lim.n) +
			" and no level more than " + strconv.Itoa(longest) + ", so it was judged by its length alone (not parsed)",
		Hint:     "shorten it by " + strconv.Itoa(length-lim.n) + " characters, or split it into several queries",
		ByteSpan: Range{Start: byteOffsetOfRune(q, lim.n), End: len(q)}}
	if norm.Endpoint == StreamRule && !lim.documented {
		d.Code, d.Severity = CodeLengthUnclear, SeverityWarning
		d.Message = "The rule is " + strconv.Itoa(length) + " characters long, over the longest any level is documented to take (" +
			strconv.Itoa(longest) + "); X documents no limit for " + where + ", so it was not parsed or checked"
		d.Hint = "shorten it to " + strconv.Itoa(lim.n) + " characters (pay-per-use's limit) to be safe"
	}
	ds := []Diagnostic{d}
	fillUTF16Spans(q, ds)
	r.Valid, r.Length, r.MaxLength, r.Diagnostics, r.Formatted = d.Severity != SeverityError, length, lim.n, ds, ""
	return true
}
