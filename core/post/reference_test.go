package post

import (
	"unicode"
	"unicode/utf8"
)

// The code Parse ran before its speed-ups of 2026-12-04, kept verbatim but
// for the names (…Ref) as the reference the differential fuzz targets
// (reference_fuzz_test.go) and the side-by-side benchmarks (bench_test.go)
// hold the current code to. parseRef is Parse with every replaced piece
// swapped back in.

// parseRef: Parse as it was (URLs and entities by the current code, whose
// replaced pieces, utf16Len and isTLD, have targets of their own).
func parseRef(text string, cfg Config) Result {
	normalized := text
	if !nfcStableRef(text) {
		normalized = nfcString(text)
	}
	var urlBuf [8]urlMatch
	urls := extractURLs(normalized, urlBuf[:0])
	res := measureRef(normalized, cfg, urls)
	total := res.DisplayRange.End
	if normalized != text {
		total = utf16LenRef(text)
		// twitter-text measures the NFC form and shifts the valid end by
		// the difference in length; clamp it into the text.
		shift := total - utf16LenRef(normalized)
		res.ValidRange.End = min(max(res.ValidRange.End+shift, 0), total)
		if res.OverflowStart >= 0 {
			res.OverflowStart = min(max(res.OverflowStart+shift, 0), total)
		}
		if res.FirstInvalid.Start >= 0 {
			res.FirstInvalid = Span{-1, -1}
			if i := firstInvalid(text); i >= 0 {
				res.FirstInvalid = utf16Span(text, Span{i, i + 3})
			}
		}
		urls = extractURLs(text, urlBuf[:0])
	}
	res.DisplayRange = Span{0, total}
	res.Entities = entities(text, urls)
	return res
}

// measure walks s unit by unit as parseTweet does: a URL adds the
// transformed URL length, an emoji sequence (v3) the default weight, any
// other code point the weight of its last UTF-16 code unit.
func measureRef(s string, cfg Config, urls []urlMatch) Result {
	limit := cfg.MaxWeightedLength * cfg.Scale
	weighted, pos16 := 0, 0
	valid := true
	validEnd := 0
	invalidAt := Span{-1, -1}
	overflow := -1
	next := 0         // index into urls
	asciiWeight := -1 // the weight of every ASCII character when the first range covers them all
	if len(cfg.Ranges) > 0 && cfg.Ranges[0].Start <= 0 && cfg.Ranges[0].End >= 0x7F {
		asciiWeight = cfg.Ranges[0].Weight
	}
	for i := 0; i < len(s); {
		var end, units int
		c := s[i]
		switch {
		case next < len(urls) && urls[next].Start == i:
			u := urls[next]
			next++
			end = urlSkipEnd(s, u)
			units = utf16LenRef(s[i:end])
			weighted += cfg.TransformedURLLength * cfg.Scale
		case c < 0x80 && asciiWeight > 0 && !(cfg.EmojiParsing && isKeycapBase(c) && i+1 < len(s) && s[i+1] >= 0x80):
			// A run of plain ASCII in one step: each character one unit of
			// the same weight, none invalid; the cut, if any, is arithmetic.
			stop := len(s)
			if next < len(urls) {
				stop = urls[next].Start
			}
			j := i + 1
			for j < stop && s[j] < 0x80 && !(cfg.EmojiParsing && isKeycapBase(s[j]) && j+1 < len(s) && s[j+1] >= 0x80) {
				j++
			}
			n := j - i
			before := weighted
			weighted += n * asciiWeight
			if weighted > limit && overflow < 0 {
				overflow = pos16 + max(limit-before, 0)/asciiWeight
			}
			if valid && before <= limit {
				validEnd = pos16 + min((limit-before)/asciiWeight, n)
			}
			pos16 += n
			i = j
			continue
		case c < 0x80 && !(cfg.EmojiParsing && isKeycapBase(c) && i+1 < len(s) && s[i+1] >= 0x80):
			// ASCII: one unit of its own weight, never invalid, an emoji only as a keycap.
			end, units = i+1, 1
			if asciiWeight >= 0 {
				weighted += asciiWeight
			} else {
				weighted += cfg.weight(rune(c))
			}
		default:
			r, w := utf8.DecodeRuneInString(s[i:])
			if cfg.EmojiParsing && (r >= 0x10000 || isEmojiRune(r)) {
				if n := emojiLen(s, i); n > 0 {
					end = i + n
					units = utf16LenRef(s[i:end])
					weighted += cfg.DefaultWeight
					break
				}
			}
			end, units = i+w, 1
			if r >= 0x10000 {
				units = 2
				r = 0xDC00 + (r-0x10000)&0x3FF
			}
			weighted += cfg.weight(r)
			if valid && isInvalidChar(r) {
				valid = false
				invalidAt = Span{pos16, pos16 + 1}
			}
		}
		for next < len(urls) && urls[next].Start < end {
			next++
		}
		if overflow < 0 && weighted > limit {
			overflow = pos16
		}
		pos16 += units
		if valid && weighted <= limit {
			validEnd = pos16
		}
		i = end
	}
	wl := weighted / cfg.Scale
	return Result{
		WeightedLength: wl,
		MaxLength:      cfg.MaxWeightedLength,
		Permillage:     weighted * 1000 / (cfg.MaxWeightedLength * cfg.Scale),
		Valid:          valid && weighted > 0 && weighted <= limit,
		ValidRange:     Span{0, validEnd},
		DisplayRange:   Span{0, pos16},
		FirstInvalid:   invalidAt,
		OverflowStart:  overflow,
	}
}

// nfcStable reports, without the normalization tables, that s is already in
// NFC because every code point lies in a block whose characters have no
// canonical decomposition, combining class 0 and never compose with what
// precedes them (TestNFCStableRanges checks each against x/text's tables).
// False means "look it up", not "not normalized".
func nfcStableRef(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < 0x80 {
			i++
			continue
		}
		if c >= 0xE5 && c <= 0xE9 && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
			i += 3 // U+5000–U+9FFF: CJK ideographs
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		if !nfcStableRune(r) {
			return false
		}
		i += w
	}
	return true
}

// utf16Len is the length of s in UTF-16 code units (what JavaScript's
// String.length and every span of the wire contract count).
func utf16LenRef(s string) int {
	n := 0
	for i := 0; i < len(s); {
		if s[i] < 0x80 {
			n++
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		n++
		if r >= 0x10000 {
			n++
		}
		i += w
	}
	return n
}

// isTLD looks t up case-insensitively.
func isTLDRef(t string) bool {
	if len(t) > tldMaxBytes {
		return false
	}
	var buf [tldMaxBytes + 8]byte
	b := buf[:0]
	for i := 0; i < len(t); {
		c := t[i]
		if c < 0x80 {
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(t[i:])
		b = utf8.AppendRune(b, unicode.ToLower(r))
		if len(b) > tldMaxBytes {
			return false
		}
		i += w
	}
	lo, hi := 0, len(tlds)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if tlds[m] < string(b) {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo < len(tlds) && tlds[lo] == string(b)
}

// decodeRef is what decode was: ASCII inline, the rest by the standard
// library.
func decodeRef(s string, i int) (rune, int) {
	if c := s[i]; c < 0x80 {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}
