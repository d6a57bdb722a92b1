package query

import (
	"strconv"
	"unicode/utf8"
)

// countsAllDocumentedLow is the limit the counts build-a-query page gives
// for counts_all on pay-per-use (512), against 1,024 on the rate-limits
// page and in the fact sheet's table (x-api-facts.md §3.1 and §7). The
// linter takes 1,024, which never rejects what X accepts, and warns above 512.
const countsAllDocumentedLow = 512

// MaxLength is X's query length limit for the endpoint and tier of opts
// (defaults applied), from the fact sheet's 2026 table.
func MaxLength(opts Options) int {
	opts, _, _ = normalize(opts)
	return maxLength(opts)
}

func endpointSlot(e Endpoint) int {
	switch e {
	case SearchRecent:
		return 0
	case SearchAll:
		return 1
	case CountsRecent:
		return 2
	case CountsAll:
		return 3
	case StreamRule:
		return 4
	}
	return -1
}

// maxLength is the limit for normalized options.
func maxLength(opts Options) int { return limitOf(opts).n }

// limitOf is the level's limit for the endpoint of normalized options.
func limitOf(opts Options) lengthLimit {
	j := endpointSlot(opts.Endpoint)
	if j < 0 {
		j = 0
	}
	return levelOf(opts.Tier).limits[j]
}

// Length counts q as the linter's length check does: in Unicode code points
// (each invalid UTF-8 byte counts as one). It also returns the count in
// UTF-16 code units, which is larger when q has characters outside the BMP
// (most emoji).
func Length(q string) (codePoints, utf16Units int) {
	return length(q)
}

// measure returns whether q is valid UTF-8 and its Length. Most queries are
// ASCII throughout, which one plain loop settles; the rest is counted and
// checked from the first other byte on.
func measure(q string) (valid bool, codePoints, utf16Units int) {
	ascii := 0
	for ascii < len(q) && q[ascii] < utf8.RuneSelf {
		ascii++
	}
	if ascii == len(q) {
		return true, len(q), len(q)
	}
	rest := q[ascii:]
	codePoints, utf16Units = length(rest)
	return utf8.ValidString(rest), ascii + codePoints, ascii + utf16Units
}

// length is Length. utf8.RuneCountInString counts each invalid byte as one
// code point, as the linter does; only text with multi-byte characters can
// hold one outside the BMP, which takes two UTF-16 units.
func length(q string) (codePoints, utf16Units int) {
	codePoints = utf8.RuneCountInString(q)
	utf16Units = codePoints
	if codePoints < len(q) {
		for _, r := range q {
			if r >= 0x10000 {
				utf16Units++
			}
		}
	}
	return codePoints, utf16Units
}

// byteOffsetOfRune returns the byte offset where the n-th code point
// (0-based) starts, or len(q).
func byteOffsetOfRune(q string, n int) int {
	for i := 0; i < len(q); n-- {
		if n == 0 {
			return i
		}
		_, size := utf8.DecodeRuneInString(q[i:])
		i += size
	}
	return len(q)
}

// checkLength reports a query over its limit: an error when a source
// documents the limit for the level (or the query is over the specs'
// maxLength of 4,096), a warning when the limit is pay-per-use's figure
// borrowed for a legacy level no source gives one.
func (c *checker) checkLength(length, units int, lim lengthLimit) {
	maxLen := lim.n
	if length <= maxLen && units <= maxLen && length <= countsAllDocumentedLow {
		return // the common case: nothing to report, no message to build
	}
	where := string(c.opts.Endpoint) + " on " + string(c.opts.Tier)
	overSpec := c.opts.Endpoint != StreamRule && length > specMaxQueryLength
	switch {
	case length > maxLen && (lim.documented || overSpec):
		limit := maxLen
		if !lim.documented {
			limit, where = specMaxQueryLength, "the `query` parameter (maxLength in X's OpenAPI specs)"
		}
		c.errorAt(CodeTooLong, byteOffsetOfRune(c.src, limit), len(c.src),
			"The query is "+strconv.Itoa(length)+" characters long; "+where+" allows "+strconv.Itoa(limit),
			"shorten it by "+strconv.Itoa(length-limit)+" characters, or split it into several queries")
		return
	case length > maxLen:
		c.warnAt(CodeLengthUnclear, byteOffsetOfRune(c.src, maxLen), len(c.src),
			"The query is "+strconv.Itoa(length)+" characters long; X documents no limit for "+where+
				", and pay-per-use allows "+strconv.Itoa(maxLen)+" there",
			"shorten it to "+strconv.Itoa(maxLen)+" characters to be safe, or try it once: X answers 400 if it is too long")
		return
	case units > maxLen:
		c.warnAt(CodeLengthUTF16, byteOffsetOfRune(c.src, firstRuneOverUTF16(c.src, maxLen)), len(c.src),
			"The query is "+strconv.Itoa(length)+" characters but "+strconv.Itoa(units)+" UTF-16 units long; "+where+
				" allows "+strconv.Itoa(maxLen)+" and X does not say which it counts",
			"emoji and other characters outside the BMP count twice in UTF-16; shorten it to be safe")
	}
	if c.opts.Endpoint == CountsAll && c.opts.Tier != Enterprise && length > countsAllDocumentedLow {
		c.warnAt(CodeCountsAllLength, byteOffsetOfRune(c.src, countsAllDocumentedLow), len(c.src),
			"The query is "+strconv.Itoa(length)+" characters long: X's rate-limit page allows 1,024 for counts_all but its counts guide says 512 on self-serve access ("+string(c.opts.Tier)+")",
			"keep it within 512 characters to be safe")
	}
}

// firstRuneOverUTF16 returns the index of the first code point whose end
// passes max UTF-16 units.
func firstRuneOverUTF16(q string, max int) int {
	units, n := 0, 0
	for _, r := range q {
		units++
		if r >= 0x10000 {
			units++
		}
		if units > max {
			return n
		}
		n++
	}
	return n
}
