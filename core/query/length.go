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
	return length(q, utf8.ValidString(q))
}

// measure returns whether q is valid UTF-8 and its Length. ASCII text,
// most queries, is settled in one pass of eight bytes at a time instead of
// a validity pass and a counting pass.
func measure(q string) (valid bool, codePoints, utf16Units int) {
	if isASCII(q) {
		return true, len(q), len(q)
	}
	valid = utf8.ValidString(q)
	codePoints, utf16Units = length(q, valid)
	return valid, codePoints, utf16Units
}

func isASCII(q string) bool {
	var or uint64
	i := 0
	for ; i+8 <= len(q); i += 8 {
		_ = q[i+7]
		or |= uint64(q[i]) | uint64(q[i+1])<<8 | uint64(q[i+2])<<16 | uint64(q[i+3])<<24 |
			uint64(q[i+4])<<32 | uint64(q[i+5])<<40 | uint64(q[i+6])<<48 | uint64(q[i+7])<<56
	}
	for ; i < len(q); i++ {
		or |= uint64(q[i])
	}
	return or&0x8080808080808080 == 0
}

// length is Length for a q whose UTF-8 validity is known. Valid text is
// counted in one pass: every byte that is not a continuation byte starts a
// character, and a 4-byte lead starts one outside the BMP (two UTF-16 units).
// Eight bytes are tested at a time, and runs of ASCII, where both counts
// are plain, are skipped whole.
func length(q string, valid bool) (codePoints, utf16Units int) {
	if valid {
		cont, extra := 0, 0
		i := 0
		for ; i+8 <= len(q); i += 8 {
			_ = q[i+7]
			w := uint64(q[i]) | uint64(q[i+1])<<8 | uint64(q[i+2])<<16 | uint64(q[i+3])<<24 |
				uint64(q[i+4])<<32 | uint64(q[i+5])<<40 | uint64(q[i+6])<<48 | uint64(q[i+7])<<56
			if w&0x8080808080808080 == 0 {
				continue
			}
			c, e := countNonASCII(q[i : i+8])
			cont, extra = cont+c, extra+e
		}
		c, e := countNonASCII(q[i:])
		codePoints = len(q) - cont - c
		return codePoints, codePoints + extra + e
	}
	for i := 0; i < len(q); {
		if q[i] < utf8.RuneSelf {
			i++
			codePoints++
			continue
		}
		r, n := utf8.DecodeRuneInString(q[i:])
		i += n
		codePoints++
		if r >= 0x10000 {
			utf16Units++
		}
	}
	return codePoints, codePoints + utf16Units
}

// countNonASCII counts the UTF-8 continuation bytes and 4-byte leads in s.
func countNonASCII(s string) (cont, lead4 int) {
	for i := 0; i < len(s); i++ {
		b := s[i]
		if b&0xC0 == 0x80 {
			cont++
		}
		if b >= 0xF0 {
			lead4++
		}
	}
	return cont, lead4
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
