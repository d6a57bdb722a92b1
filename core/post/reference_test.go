package post

// The code of core/post that Parse ran at commit 96c921e, before the
// speed-ups of 2026-12-04: a frozen copy, every unexported name given the
// suffix Ref (Parse is parseRef), sharing only the exported types, the
// configs and the generated tables. It is the reference the differential
// fuzz targets (reference_fuzz_test.go) and the side-by-side benchmarks
// (bench_test.go) hold the current code to. Do not improve it.

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

type cashtagMatchRef struct {
	Start, End int // from the dollar sign
	Tag        string
}

func extractCashtagsRef(s string, out []cashtagMatchRef) []cashtagMatchRef {
	lastEnd := 0
	for i := 0; i < len(s); i++ {
		k := strings.IndexByte(s[i:], '$')
		if k < 0 {
			break
		}
		i += k
		if i > 0 {
			p, pw := utf8.DecodeLastRuneInString(s[:i])
			if !isSpaceRef(p) || i-pw < lastEnd {
				continue
			}
		}
		j := letterRunRef(s, i+1)
		if j == i+1 || j-i-1 > 6 {
			continue
		}
		end := -1
		if j < len(s) && (s[j] == '.' || s[j] == '_') {
			if k := letterRunRef(s, j+1); k > j+1 && k-j-1 <= 2 && endsCashtagRef(s, k) {
				end = k
			}
		}
		if end < 0 && endsCashtagRef(s, j) {
			end = j
		}
		if end < 0 {
			continue
		}
		out = append(out, cashtagMatchRef{Start: i, End: end, Tag: s[i+1 : end]})
		lastEnd = end
		i = end - 1
	}
	return out
}

func letterRunRef(s string, i int) int {
	for i < len(s) && isASCIILetterRef(rune(s[i])) {
		i++
	}
	return i
}

func endsCashtagRef(s string, i int) bool {
	if i >= len(s) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return isJSSpaceRef(r) || r < 0x80 && isASCIIPunctRef(r)
}

func isSpaceRef(r rune) bool {
	switch {
	case r >= 0x09 && r <= 0x0D, r == 0x20, r == 0x85, r == 0xA0, r == 0x1680, r == 0x180E,
		r >= 0x2000 && r <= 0x200A, r == 0x2028, r == 0x2029, r == 0x202F, r == 0x205F, r == 0x3000:
		return true
	}
	return false
}

func isJSSpaceRef(r rune) bool {
	return isSpaceRef(r) && r != 0x85 && r != 0x180E || r == 0xFEFF
}

func isInvalidCharRef(r rune) bool { return r == 0xFFFE || r == 0xFEFF || r == 0xFFFF }

func isDirectionalRef(r rune) bool {
	return r >= 0x202A && r <= 0x202E || r == 0x061C || r == 0x200E || r == 0x200F || r >= 0x2066 && r <= 0x2069
}

func isASCIIPunctRef(r rune) bool {
	switch r {
	case '!', '\'', '#', '%', '&', '(', ')', '*', '+', ',', '\\', '-', '.', '/', ':', ';', '<', '=', '>', '?', '@', '[', ']', '^', '_', '{', '|', '}', '~', '$':
		return true
	}
	return false
}

func isDomainCharRef(r rune) bool {
	if r < 0x80 {
		return !isASCIIPunctRef(r) && !isSpaceRef(r)
	}
	return !isSpaceRef(r) && !isInvalidCharRef(r) && !isDirectionalRef(r)
}

func isLatinAccentRef(r rune) bool {
	switch {
	case r >= 0xC0 && r <= 0xD6, r >= 0xD8 && r <= 0xF6, r >= 0xF8 && r <= 0x24F,
		r == 0x253, r == 0x254, r == 0x256, r == 0x257, r == 0x259, r == 0x25B, r == 0x263, r == 0x268,
		r == 0x26F, r == 0x272, r == 0x289, r == 0x28B, r == 0x2BB, r >= 0x300 && r <= 0x36F, r >= 0x1E00 && r <= 0x1EFF:
		return true
	}
	return false
}

func isASCIIAlnumRef(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
}

func isASCIILetterRef(r rune) bool { return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' }

func inRangesRef(rs []runeRange, r rune) bool {
	lo, hi := 0, len(rs)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		switch {
		case r < rs[m].lo:
			hi = m
		case r > rs[m].hi:
			lo = m + 1
		default:
			return true
		}
	}
	return false
}

const (
	zwjRef      = 0x200D
	vs16Ref     = 0xFE0F
	keycapRef   = 0x20E3
	tagEndRef   = 0xE007F
	riFirstRef  = 0x1F1E6
	riLastRef   = 0x1F1FF
	tagFirstRef = 0xE0020
	tagLastRef  = 0xE007E
)

func isRegionalIndicatorRef(r rune) bool { return r >= riFirstRef && r <= riLastRef }

func isEmojiRuneRef(r rune) bool {
	if r < 0x10000 {
		return emojiBMP[r/32]&(1<<(r%32)) != 0
	}
	return r >= emojiGapHi && inRangesRef(emojiRanges[:], r)
}

func emojiLenRef(s string, i int) int {
	r, w := utf8.DecodeRuneInString(s[i:])
	switch {
	case r >= '0' && r <= '9' || r == '#' || r == '*':
		j := i + w
		if next, nw := utf8.DecodeRuneInString(s[j:]); next == vs16Ref {
			j += nw
		}
		if next, nw := utf8.DecodeRuneInString(s[j:]); next == keycapRef {
			return j + nw - i
		}
		return 0
	case r < 0xA9 || r >= emojiGapLo && r < emojiGapHi:
		return 0
	case isRegionalIndicatorRef(r):
		if next, nw := utf8.DecodeRuneInString(s[i+w:]); isRegionalIndicatorRef(next) {
			return w + nw
		}
		return w
	}
	end, presented := emojiElementRef(s, i)
	if end == 0 {
		return 0
	}
	for end < len(s) {
		next, nw := utf8.DecodeRuneInString(s[end:])
		if next != zwjRef {
			break
		}
		e, _ := emojiElementRef(s, end+nw)
		if e == 0 {
			break
		}
		end, presented = e, true
	}
	if !presented {
		return 0
	}
	return end - i
}

func emojiElementRef(s string, i int) (end int, presented bool) {
	if i >= len(s) {
		return 0, false
	}
	r, w := utf8.DecodeRuneInString(s[i:])
	if r < 0xA9 || !isEmojiRuneRef(r) {
		return 0, false
	}
	end = i + w
	presented = inRangesRef(emojiPresentationRanges[:], r)
	if next, nw := utf8.DecodeRuneInString(s[end:]); next == vs16Ref || inRangesRef(emojiModifierRanges[:], next) {
		end += nw
		presented = true
	}
	if t := tagSequenceEndRef(s, end); t > end {
		end = t
	}
	return end, presented
}

func tagSequenceEndRef(s string, i int) int {
	j := i
	for j < len(s) {
		r, w := utf8.DecodeRuneInString(s[j:])
		switch {
		case r >= tagFirstRef && r <= tagLastRef:
			j += w
		case r == tagEndRef && j > i:
			return j + w
		default:
			return i
		}
	}
	return i
}

type hashtagMatchRef struct {
	Start, End int // from the hash sign
	Tag        string
}

func isHashSignRef(r rune) bool { return r == '#' || r == '＃' }

func isHashtagAlphaRef(r rune) bool { return unicode.In(r, unicode.L, unicode.M) }

func isHashtagCharRef(r rune) bool {
	if r < 0x80 {
		return isASCIIAlnumRef(r) || r == '_'
	}
	switch r {
	case 0x200C, 0x200D, 0xA67E, 0x05BE, 0x05F3, 0x05F4, 0xFF5E, 0x301C, 0x309B, 0x309C, 0x30A0, 0x30FB, 0x3003, 0x0F0B, 0x0F0C, 0x00B7:
		return true
	}
	return unicode.In(r, unicode.L, unicode.M, unicode.Nd)
}

func extractHashtagsRef(s string, out []hashtagMatchRef) []hashtagMatchRef {
	lastEnd := 0
	for i := 0; i < len(s); {
		if j := nextSignRef(s, i, '#'); j < 0 {
			break
		} else {
			i = j
		}
		w := 0
		if s[i] == '#' {
			w = 1
		} else if s[i] == 0xEF && len(s)-i >= 3 && s[i:i+3] == "＃" {
			w = 3
		}
		if w == 0 || !hashtagBoundaryRef(s, i, lastEnd) {
			i++
			continue
		}
		n := i + w
		if next, _ := utf8.DecodeRuneInString(s[n:]); next == vs16Ref || next == keycapRef {
			i = n
			continue
		}
		j, alpha := n, false
		for j < len(s) {
			c, cw := utf8.DecodeRuneInString(s[j:])
			if !isHashtagCharRef(c) {
				break
			}
			alpha = alpha || isHashtagAlphaRef(c)
			j += cw
		}
		if !alpha {
			i = n
			continue
		}
		lastEnd, i = j, j
		after, _ := utf8.DecodeRuneInString(s[j:])
		if j < len(s) && (isHashSignRef(after) || len(s)-j >= 3 && s[j:j+3] == "://") {
			continue
		}
		out = append(out, hashtagMatchRef{Start: n - w, End: j, Tag: s[n:j]})
	}
	return out
}

func hashtagBoundaryRef(s string, i, lastEnd int) bool {
	if i == 0 {
		return true
	}
	p, pw := utf8.DecodeLastRuneInString(s[:i])
	if i-pw < lastEnd {
		return false
	}
	return p == 0xFE0E || p == vs16Ref || !isHashtagCharRef(p) && p != '&'
}

type mentionMatchRef struct {
	Start, End int
	Name, List string
}

func isAtSignRef(r rune) bool { return r == '@' || r == '＠' }

func nextSignRef(s string, i int, c byte) int {
	a := strings.IndexByte(s[i:], c)
	b := strings.IndexByte(s[i:], 0xEF)
	switch {
	case a < 0 && b < 0:
		return -1
	case a < 0:
		return i + b
	case b < 0 || a < b:
		return i + a
	}
	return i + b
}

func atSignAtRef(s string, i int) int {
	switch {
	case s[i] == '@':
		return 1
	case s[i] == 0xEF && len(s)-i >= 3 && s[i:i+3] == "＠":
		return 3
	}
	return 0
}

func isNameCharRef(c byte) bool { return isASCIIAlnumRef(rune(c)) || c == '_' }

func extractMentionsRef(s string, out []mentionMatchRef) []mentionMatchRef {
	lastEnd := 0
	for i := 0; i < len(s); {
		if j := nextSignRef(s, i, '@'); j < 0 {
			break
		} else {
			i = j
		}
		w := atSignAtRef(s, i)
		if w == 0 || !mentionBoundaryRef(s, i, lastEnd) {
			i++
			continue
		}
		n := i + w
		j := n
		for j < len(s) && j-n < 20 && isNameCharRef(s[j]) {
			j++
		}
		if j == n {
			i += w
			continue
		}
		m := mentionMatchRef{Start: i, Name: s[n:j]}
		if j+1 < len(s) && s[j] == '/' && isASCIILetterRef(rune(s[j+1])) {
			k := j + 2
			for k < len(s) && k-j-1 < 25 && (isNameCharRef(s[k]) || s[k] == '-') {
				k++
			}
			m.List, j = s[j:k], k
		}
		m.End = j
		lastEnd, i = j, j
		if !endsMentionRef(s[j:]) {
			out = append(out, m)
		}
	}
	return out
}

func mentionBoundaryRef(s string, i, lastEnd int) bool {
	if i == 0 {
		return true
	}
	p, pw := utf8.DecodeLastRuneInString(s[:i])
	if i-pw < lastEnd {
		return false
	}
	if !(isASCIIAlnumRef(p) || p == '_' || p == '!' || p == '#' || p == '$' || p == '%' || p == '&' || p == '*' || isAtSignRef(p)) {
		return true
	}

	j := i
	if s[j-1] == ':' {
		j--
	}
	if j < 2 || (s[j-2]|0x20) != 'r' || (s[j-1]|0x20) != 't' {
		return false
	}
	j -= 2
	if j == 0 {
		return true
	}
	q, qw := utf8.DecodeLastRuneInString(s[:j])
	return j-qw >= lastEnd && !(isASCIIAlnumRef(q) || q == '_' || q == '+' || q == '~' || q == '.' || q == '-')
}

func endsMentionRef(after string) bool {
	if after == "" {
		return false
	}
	r, _ := utf8.DecodeRuneInString(after)
	return isAtSignRef(r) || isLatinAccentRef(r) || len(after) >= 3 && after[:3] == "://"
}

func nfcStableRef(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < 0x80 {
			i++
			continue
		}
		if c >= 0xE5 && c <= 0xE9 && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
			i += 3
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		if !nfcStableRuneRef(r) {
			return false
		}
		i += w
	}
	return true
}

var nfcStableRangesRef = [...]runeRange{
	{0x80, 0x2FF},
	{0x200B, 0x200F},
	{0x2010, 0x2027},
	{0x2030, 0x205E},
	{0x3000, 0x3029},
	{0x3041, 0x3096},
	{0x30A1, 0x30FA},
	{0x4E00, 0x9FFF},
	{0xAC00, 0xD7A3},
	{0xFE00, 0xFE0F},
	{0xFF01, 0xFF60},
	{0x1F000, 0x1FAFF},
	{0xE0020, 0xE007F},
}

func nfcStableRuneRef(r rune) bool { return inRangesRef(nfcStableRangesRef[:], r) }

const (
	hangulBaseRef  = 0xAC00
	hangulLRef     = 0x1100
	hangulVRef     = 0x1161
	hangulTRef     = 0x11A7
	hangulLNRef    = 19
	hangulVNRef    = 21
	hangulTNRef    = 28
	hangulNRef     = hangulVNRef * hangulTNRef
	hangulCountRef = hangulLNRef * hangulNRef
)

func combiningClassRef(r rune) uint8 {
	if r < 0x300 {
		return 0
	}
	lo, hi := 0, len(cccRanges)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		switch {
		case r < cccRanges[m].lo:
			hi = m
		case r > cccRanges[m].hi:
			lo = m + 1
		default:
			return cccRanges[m].ccc
		}
	}
	return 0
}

func appendDecomposedRef(out []rune, r rune) []rune {
	if s := r - hangulBaseRef; s >= 0 && s < hangulCountRef {
		out = append(out, hangulLRef+s/hangulNRef, hangulVRef+(s%hangulNRef)/hangulTNRef)
		if t := s % hangulTNRef; t != 0 {
			out = append(out, hangulTRef+t)
		}
		return out
	}
	if r >= 0xC0 {
		lo, hi := 0, len(decompKeys)
		for lo < hi {
			m := int(uint(lo+hi) >> 1)
			if decompKeys[m] < uint32(r) {
				lo = m + 1
			} else {
				hi = m
			}
		}
		if lo < len(decompKeys) && decompKeys[lo] == uint32(r) {
			for _, d := range decompRunes[decompIndex[lo]:decompIndex[lo+1]] {
				out = append(out, rune(d))
			}
			return out
		}
	}
	return append(out, r)
}

func composePairRef(a, b rune) (rune, bool) {
	if l := a - hangulLRef; l >= 0 && l < hangulLNRef {
		if v := b - hangulVRef; v >= 0 && v < hangulVNRef {
			return hangulBaseRef + (l*hangulVNRef+v)*hangulTNRef, true
		}
	}
	if s := a - hangulBaseRef; s >= 0 && s < hangulCountRef && s%hangulTNRef == 0 {
		if t := b - hangulTRef; t > 0 && t < hangulTNRef {
			return a + t, true
		}
	}
	key := uint64(a)<<32 | uint64(uint32(b))
	lo, hi := 0, len(composePairs)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if composePairs[m] < key {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(composePairs) && composePairs[lo] == key {
		return rune(composeRunes[lo]), true
	}
	return 0, false
}

func nfcStringRef(s string) string {
	runes := make([]rune, 0, len(s))
	for _, r := range s {
		runes = appendDecomposedRef(runes, r)
	}

	for i := 1; i < len(runes); i++ {
		c := combiningClassRef(runes[i])
		if c == 0 {
			continue
		}
		for j := i; j > 0; j-- {
			p := combiningClassRef(runes[j-1])
			if p == 0 || p <= c {
				break
			}
			runes[j-1], runes[j] = runes[j], runes[j-1]
		}
	}

	out := runes[:0]
	starter, last := -1, -1
	for _, r := range runes {
		c := int(combiningClassRef(r))
		if starter >= 0 && last < c || starter >= 0 && last == -1 {
			if comp, ok := composePairRef(out[starter], r); ok {
				out[starter] = comp
				continue
			}
		}
		if c == 0 {
			starter, last = len(out), -1
		} else {
			last = c
		}
		out = append(out, r)
	}
	return string(out)
}

func parseRef(text string, cfg Config) Result {
	normalized := text
	if !nfcStableRef(text) {
		normalized = nfcStringRef(text)
	}
	var urlBuf [8]urlMatchRef
	urls := extractURLsRef(normalized, urlBuf[:0])
	res := measureRef(normalized, cfg, urls)
	total := res.DisplayRange.End
	if normalized != text {
		total = utf16LenRef(text)

		shift := total - utf16LenRef(normalized)
		res.ValidRange.End = min(max(res.ValidRange.End+shift, 0), total)
		if res.OverflowStart >= 0 {
			res.OverflowStart = min(max(res.OverflowStart+shift, 0), total)
		}
		if res.FirstInvalid.Start >= 0 {
			res.FirstInvalid = Span{-1, -1}
			if i := firstInvalidRef(text); i >= 0 {
				res.FirstInvalid = utf16SpanRef(text, Span{i, i + 3})
			}
		}
		urls = extractURLsRef(text, urlBuf[:0])
	}
	res.DisplayRange = Span{0, total}
	res.Entities = entitiesRef(text, urls)
	return res
}

func firstInvalidRef(s string) int {
	for i, r := range s {
		if isInvalidCharRef(r) {
			return i
		}
	}
	return -1
}

func measureRef(s string, cfg Config, urls []urlMatchRef) Result {
	limit := cfg.MaxWeightedLength * cfg.Scale
	weighted, pos16 := 0, 0
	valid := true
	validEnd := 0
	invalidAt := Span{-1, -1}
	overflow := -1
	next := 0
	asciiWeight := -1
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
			end = urlSkipEndRef(s, u)
			units = utf16LenRef(s[i:end])
			weighted += cfg.TransformedURLLength * cfg.Scale
		case c < 0x80 && asciiWeight > 0 && !(cfg.EmojiParsing && isKeycapBaseRef(c) && i+1 < len(s) && s[i+1] >= 0x80):

			stop := len(s)
			if next < len(urls) {
				stop = urls[next].Start
			}
			j := i + 1
			for j < stop && s[j] < 0x80 && !(cfg.EmojiParsing && isKeycapBaseRef(s[j]) && j+1 < len(s) && s[j+1] >= 0x80) {
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
		case c < 0x80 && !(cfg.EmojiParsing && isKeycapBaseRef(c) && i+1 < len(s) && s[i+1] >= 0x80):

			end, units = i+1, 1
			if asciiWeight >= 0 {
				weighted += asciiWeight
			} else {
				weighted += cfg.weight(rune(c))
			}
		default:
			r, w := utf8.DecodeRuneInString(s[i:])
			if cfg.EmojiParsing && (r >= 0x10000 || isEmojiRuneRef(r)) {
				if n := emojiLenRef(s, i); n > 0 {
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
			if valid && isInvalidCharRef(r) {
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

func isKeycapBaseRef(c byte) bool { return c >= '0' && c <= '9' || c == '#' || c == '*' }

func urlSkipEndRef(s string, u urlMatchRef) int {
	if u.End-u.Start == len(u.Text) {
		return u.End
	}
	n := utf16LenRef(u.Text)
	i := u.Start
	for n > 0 && i < len(s) {
		r, w := utf8.DecodeRuneInString(s[i:])
		n--
		if r >= 0x10000 {
			n--
		}
		i += w
	}
	return i
}

func entitiesRef(s string, urls []urlMatchRef) []Entity {
	var mb [8]mentionMatchRef
	mentions := extractMentionsRef(s, mb[:0])
	var hb [8]hashtagMatchRef
	hashtags := extractHashtagsRef(s, hb[:0])
	var cb [8]cashtagMatchRef
	cashtags := extractCashtagsRef(s, cb[:0])
	n := len(urls) + len(mentions) + len(hashtags) + len(cashtags)
	if n == 0 {
		return nil
	}
	out := make([]Entity, 0, n)
	for _, u := range urls {
		out = append(out, Entity{Kind: KindURL, Text: u.Text, ByteSpan: Span{u.Start, u.End}})
	}
	for _, m := range mentions {
		out = append(out, Entity{Kind: KindMention, Text: m.Name, ListSlug: m.List, ByteSpan: Span{m.Start, m.End}})
	}
	for _, h := range hashtags {
		out = append(out, Entity{Kind: KindHashtag, Text: h.Tag, ByteSpan: Span{h.Start, h.End}})
	}
	for _, c := range cashtags {
		out = append(out, Entity{Kind: KindCashtag, Text: c.Tag, ByteSpan: Span{c.Start, c.End}})
	}
	slices.SortStableFunc(out, func(a, b Entity) int { return a.ByteSpan.Start - b.ByteSpan.Start })
	kept := out[:1]
	for _, e := range out[1:] {
		if e.ByteSpan.Start >= kept[len(kept)-1].ByteSpan.End {
			kept = append(kept, e)
		}
	}
	fillUTF16Ref(s, kept)
	return kept
}

func fillUTF16Ref(s string, es []Entity) {
	b, u := 0, 0
	advance := func(to int) int {
		u += utf16LenRef(s[b:to])
		b = to
		return u
	}
	for i := range es {
		es[i].Span.Start = advance(es[i].ByteSpan.Start)
		es[i].Span.End = advance(es[i].ByteSpan.End)
	}
}

func utf16SpanRef(s string, b Span) Span {
	start := utf16LenRef(s[:b.Start])
	return Span{start, start + utf16LenRef(s[b.Start:b.End])}
}

func asciiLabelLengthRef(label string) int {
	total, start := 0, 0
	for i, r := range label {
		if r == '.' || r == 0x3002 || r == 0xFF0E || r == 0xFF61 {
			total += punycodeLengthRef(label[start:i]) + 1
			start = i + utf8.RuneLen(r)
			if total > maxLabelLengthRef {
				return total
			}
		}
	}
	return total + punycodeLengthRef(label[start:])
}

func punycodeLengthRef(part string) int {
	ascii := true
	for i := 0; i < len(part); i++ {
		if part[i] < 0x20 || part[i] > 0x7E {
			ascii = false
			break
		}
	}
	if ascii {
		return len(part)
	}
	return 4 + punycodeEncodedLengthRef(part)
}

const (
	pcBaseRef        = 36
	pcTMinRef        = 1
	pcTMaxRef        = 26
	pcSkewRef        = 38
	pcDampRef        = 700
	pcInitialBiasRef = 72
	pcInitialNRef    = 128
)

func punycodeEncodedLengthRef(s string) int {
	total, basic := 0, 0
	for _, r := range s {
		total++
		if r < 0x80 {
			basic++
		}
	}
	out := basic
	if basic > 0 {
		out++
	}
	n, delta, bias := rune(pcInitialNRef), 0, pcInitialBiasRef
	for h := basic; h < total; {
		if out > maxLabelLengthRef {
			return out
		}
		m := rune(utf8.MaxRune + 1)
		for _, r := range s {
			if r >= n && r < m {
				m = r
			}
		}
		delta += int(m-n) * (h + 1)
		n = m
		for _, r := range s {
			if r < n {
				delta++
			}
			if r != n {
				continue
			}
			q := delta
			for k := pcBaseRef; ; k += pcBaseRef {
				t := k - bias
				if t < pcTMinRef {
					t = pcTMinRef
				} else if t > pcTMaxRef {
					t = pcTMaxRef
				}
				if q < t {
					break
				}
				out++
				q = (q - t) / (pcBaseRef - t)
			}
			out++
			bias = punycodeAdaptRef(delta, h+1, h == basic)
			delta = 0
			h++
		}
		delta++
		n++
	}
	return out
}

func punycodeAdaptRef(delta, points int, first bool) int {
	if first {
		delta /= pcDampRef
	} else {
		delta /= 2
	}
	delta += delta / points
	k := 0
	for delta > ((pcBaseRef-pcTMinRef)*pcTMaxRef)/2 {
		delta /= pcBaseRef - pcTMinRef
		k += pcBaseRef
	}
	return k + (pcBaseRef-pcTMinRef+1)*delta/(delta+pcSkewRef)
}

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

type urlMatchRef struct {
	Start, End  int
	Text        string
	HasProtocol bool
}

const (
	maxURLLengthRef   = 4096
	maxLabelLengthRef = 63
	maxTcoSlugRef     = 40
)

type urlScannerRef struct {
	s   string
	out []urlMatchRef
	// the label run containing the last domain start tried
	runStart, runEnd, runLastUnderscore int
	memo                                map[int]int
}

type chainFrameRef struct {
	start, best int
	sub, dot    bool
	cond        bool
	tldEnd      int
}

func extractURLsRef(s string, out []urlMatchRef) []urlMatchRef {
	lastDot := strings.LastIndexByte(s, '.')
	if lastDot < 0 {
		return out
	}
	sc := urlScannerRef{s: s, runStart: -1, out: out}
	pos := 0
	window := -1
	for pos < lastDot {
		if pos > window {

			dot := pos + strings.IndexByte(s[pos:], '.')
			window = dot
			if t := labelRunStartRef(s, dot, pos) - 9; t > pos {
				for t > pos && s[t]&0xC0 == 0x80 {
					t--
				}
				pos = t
			}
		}
		r, w := decodeRef(s, pos)
		start := pos + w
		if r < 0x80 && isASCIIAlnumRef(r) && pos > 0 {

			for start < len(s) && s[start] < 0x80 && isASCIIAlnumRef(rune(s[start])) {
				start++
			}
			pos = start - 1
			if pos >= lastDot {
				break
			}
			r, w = decodeRef(s, pos)
			start = pos + w
		}
		next := start
		if e := plainWordEndRef(s, start, lastDot); e > start {

			if isURLPrecederRef(r) && pos > 0 {
				pos = e - 1
				continue
			}
		}
		if isURLPrecederRef(r) {
			end, hint, ok := sc.matchAtRef(start, r)
			if ok {
				pos = end
				continue
			}
			next = hint
		}
		if pos == 0 {
			if end, _, ok := sc.matchAtRef(0, -1); ok {
				pos = end
				continue
			}
		}
		if next > start {

			_, lw := utf8.DecodeLastRuneInString(s[:next])
			pos = next - lw
			continue
		}
		pos = start
	}
	return sc.out
}

func labelRunStartRef(s string, end, floor int) int {
	i := end
	for i > floor {
		r, w := utf8.DecodeLastRuneInString(s[floor:i])
		if !isLabelCharRef(r) {
			break
		}
		i -= w
	}
	return i
}

func plainWordEndRef(s string, start, lastDot int) int {
	e := start
	for e < len(s) && s[e] < 0x80 && isASCIIAlnumRef(rune(s[e])) {
		e++
	}
	if e == start || e >= len(s) || s[e] >= 0x80 || asciiLabelRef[s[e]] || s[e] == '.' {
		return start
	}
	if e-start >= 4 && (s[start]|0x20) == 'h' && (s[start+1]|0x20) == 't' && (s[start+2]|0x20) == 't' && (s[start+3]|0x20) == 'p' {
		return start
	}
	return e
}

var asciiLabelRef = func() (t [128]bool) {
	for c := range t {
		t[c] = c == '-' || c == '_' || isDomainCharRef(rune(c))
	}
	return t
}()

func decodeRef(s string, i int) (rune, int) {
	if c := s[i]; c < 0x80 {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

func isLabelCharRef(r rune) bool {
	if r < 0x80 {
		return asciiLabelRef[r]
	}
	return isDomainCharRef(r)
}

func isURLPrecederRef(r rune) bool {
	if isDirectionalRef(r) {
		return true
	}
	return !isASCIIAlnumRef(r) && r != '@' && r != '＠' && r != '$' && r != '#' && r != '＃' && !isInvalidCharRef(r)
}

func (sc *urlScannerRef) matchAtRef(u int, before rune) (end, next int, ok bool) {
	s := sc.s
	if n := protocolLenRef(s[u:]); n > 0 {
		if d, ok := sc.domainAtRef(u + n); ok {
			return sc.finishRef(u, u+n, d, before), 0, true
		}
	}
	d, ok := sc.domainAtRef(u)
	if ok {
		return sc.finishRef(u, u, d, before), 0, true
	}
	return 0, sc.nextCandidateRef(u), false
}

func protocolLenRef(s string) int {
	if len(s) < 7 || !strings.EqualFold(s[:4], "http") {
		return 0
	}
	n := 4
	if s[n] == 's' || s[n] == 'S' {
		n++
	}
	if strings.HasPrefix(s[n:], "://") {
		return n + 3
	}
	return 0
}

func (sc *urlScannerRef) nextCandidateRef(u int) int {
	if sc.runStart < 0 || u < sc.runStart || u >= sc.runEnd {
		return u + 1
	}
	for i := u + 1; i < sc.runEnd; i++ {
		switch c := sc.s[i]; {
		case c == 'h' || c == 'H':
			return i
		case c == '-' || c == '_':
			return i + 1
		}
	}
	return sc.runEnd
}

func (sc *urlScannerRef) labelRunRef(d int) (end, lastUnderscore int) {
	if sc.runStart >= 0 && d >= sc.runStart && d < sc.runEnd {
		return sc.runEnd, sc.runLastUnderscore
	}
	end, lastUnderscore = d, -1
	for end < len(sc.s) {
		r, w := decodeRef(sc.s, end)
		if !isLabelCharRef(r) {
			break
		}
		if r == '_' {
			lastUnderscore = end
		}
		end += w
	}
	sc.runStart, sc.runEnd, sc.runLastUnderscore = d, end, lastUnderscore
	return end, lastUnderscore
}

func (sc *urlScannerRef) domainAtRef(d int) (int, bool) {
	s := sc.s
	if d >= len(s) {
		return 0, false
	}
	r, _ := decodeRef(s, d)
	if !isDomainCharRef(r) {
		return 0, false
	}
	end, lastUnderscore := sc.labelRunRef(d)
	if end >= len(s) || s[end] != '.' {
		return 0, false
	}
	last, _ := utf8.DecodeLastRuneInString(s[:end])
	sub := isDomainCharRef(last)
	name := sub && lastUnderscore < d
	if sub {
		if best := sc.chainBestRef(end + 1); best >= 0 {
			return best, true
		}
	}
	if name {
		if t := tldAtRef(s, end+1, len(s)); t >= 0 {
			return t, true
		}
	}
	return 0, false
}

func (sc *urlScannerRef) chainBestRef(p int) int {
	s := sc.s
	var buf [8]chainFrameRef
	stack := buf[:0]
	nb := -1
	for {
		if sc.memo != nil {
			if v, ok := sc.memo[p]; ok {
				nb = v
				break
			}
		}
		f := chainFrameRef{start: p, tldEnd: -1}
		end := p
		underscore := false
		for end < len(s) {
			r, w := decodeRef(s, end)
			if !isLabelCharRef(r) {
				break
			}
			underscore = underscore || r == '_'
			end += w
		}
		if end > p {
			first, _ := utf8.DecodeRuneInString(s[p:])
			last, _ := utf8.DecodeLastRuneInString(s[:end])
			f.sub = isDomainCharRef(first) && isDomainCharRef(last)
		}
		f.dot = end < len(s) && s[end] == '.'
		if f.sub && !underscore && f.dot {
			if t := tldAtRef(s, end+1, len(s)); t >= 0 {
				f.cond, f.tldEnd = true, t
			}
		}
		stack = append(stack, f)
		if !(f.sub && f.dot) {
			break
		}
		p = end + 1
	}
	for j := len(stack) - 1; j >= 0; j-- {
		f := &stack[j]
		b := -1
		if f.sub && f.dot && nb >= 0 {
			b = nb
		} else if f.cond {
			b = f.tldEnd
		}
		nb = b
		if sc.memo != nil {
			sc.memo[f.start] = b
		}
	}
	if len(stack) > 8 && sc.memo == nil {
		sc.memo = make(map[int]int)
	}
	return nb
}

func tldAtRef(s string, p, limit int) int {
	var ends [8]int
	n := 0
	q := p
	for q < limit && q-p < tldMaxBytes {
		r, w := utf8.DecodeRuneInString(s[q:])
		if r < 0x80 && !isASCIIAlnumRef(r) || isSpaceRef(r) || r >= 0x80 && !unicode.In(r, unicode.L, unicode.M) {
			break
		}
		q += w
		if q-p > tldMaxBytes {
			break
		}
		if q == limit || !continuesHostRef(s, q) {
			if n < len(ends) {
				ends[n] = q
				n++
			}
		}
	}
	for i := n - 1; i >= 0; i-- {
		if isTLDRef(s[p:ends[i]]) {
			return ends[i]
		}
	}
	return -1
}

func continuesHostRef(s string, q int) bool {
	c := s[q]
	return c < 0x80 && (isASCIIAlnumRef(rune(c)) || c == '@' || c == '+' || c == '-')
}

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

func (sc *urlScannerRef) finishRef(u, d, dEnd int, before rune) int {
	s := sc.s
	e := dEnd
	if e < len(s) && s[e] == ':' {
		q := e + 1
		for q < len(s) && s[q] >= '0' && s[q] <= '9' {
			q++
		}
		if q > e+1 {
			e = q
		}
	}
	hasPath := false
	if e < len(s) && s[e] == '/' {
		e = pathEndRef(s, e+1)
		hasPath = true
	}
	e = queryEndRef(s, e)
	protocol := s[u:d]
	if !validURLRef(s[u:e], protocol, s[d:dEnd]) {
		return e
	}
	if protocol == "" {
		if before == '-' || before == '_' || before == '.' || before == '/' {
			return e
		}
		if asciiDomainsRef(s, d, dEnd, &sc.out) == 0 {
			return e
		}
		if hasPath {
			last := &sc.out[len(sc.out)-1]
			if last.End == dEnd {
				last.Text = s[last.Start:e]
			} else {
				last.Text = last.Text + s[dEnd:e]
			}
			last.End = e
		}
		return e
	}
	url := s[u:e]
	if n := tcoLenRef(url, len(protocol)); n > 0 {
		url = url[:n]
	} else if n < 0 {
		return e
	}
	sc.out = append(sc.out, urlMatchRef{Start: u, End: u + len(url), Text: url, HasProtocol: true})
	return e
}

func pathEndRef(s string, start int) int {
	q, good := start, start
	for q < len(s) {
		r, w := decodeRef(s, q)
		switch {
		case isPathCharRef(r):
			q += w
			if isPathEndingRef(r) {
				good = q
			}
		case r == '(':

			n := balancedParensRef(s, q)
			if n == 0 {
				return good
			}
			if good == q {
				good = q + n
			}
			q += n
		default:
			return good
		}
	}
	return good
}

func balancedParensRef(s string, q int) int {
	i := q + 1
	i0 := i
	i = pathRunRef(s, i)
	if i < len(s) && s[i] == ')' && i > i0 {
		return i + 1 - q
	}
	if i < len(s) && s[i] == '(' {
		j := pathRunRef(s, i+1)
		if j > i+1 && j < len(s) && s[j] == ')' {
			k := pathRunRef(s, j+1)
			if k < len(s) && s[k] == ')' {
				return k + 1 - q
			}
		}
	}
	return 0
}

func pathRunRef(s string, i int) int {
	for i < len(s) {
		r, w := decodeRef(s, i)
		if !isPathCharRef(r) {
			break
		}
		i += w
	}
	return i
}

const (
	asciiPathRef uint8 = 1 << iota
	asciiPathEndRef
)

var asciiPathClassRef = func() (t [128]uint8) {
	for c := range t {
		r := rune(c)
		if isASCIIAlnumRef(r) || strings.ContainsRune("!*';:=+,.$/%#[]-_~&|@", r) {
			t[c] |= asciiPathRef
		}
		if isASCIIAlnumRef(r) || strings.ContainsRune("+-=_#/", r) {
			t[c] |= asciiPathEndRef
		}
	}
	return t
}()

func isPathCharRef(r rune) bool {
	if r < 0x80 {
		return asciiPathClassRef[r]&asciiPathRef != 0
	}
	return r >= 0x400 && r <= 0x4FF || r == 0x2013 || isLatinAccentRef(r)
}

func isPathEndingRef(r rune) bool {
	if r < 0x80 {
		return asciiPathClassRef[r]&asciiPathEndRef != 0
	}
	return r >= 0x400 && r <= 0x4FF || isLatinAccentRef(r)
}

func queryEndRef(s string, e int) int {
	if e >= len(s) || s[e] != '?' {
		return e
	}
	good := e
	for q := e + 1; q < len(s); q++ {
		c := s[q]
		if c >= 0x80 || !isQueryCharRef(c) {
			break
		}
		if isASCIIAlnumRef(rune(c)) || c == '-' || c == '_' || c == '&' || c == '=' || c == '#' || c == '/' {
			good = q + 1
		}
	}
	return good
}

func isQueryCharRef(c byte) bool {
	return isASCIIAlnumRef(rune(c)) || strings.IndexByte("!?*'@();:&=+$/%#[]-_.,~|", c) >= 0
}

func tcoLenRef(url string, protoLen int) int {
	rest := url[protoLen:]
	if len(rest) < 6 || !strings.EqualFold(rest[:5], "t.co/") {
		return 0
	}
	i := 5
	for i < len(rest) && isASCIIAlnumRef(rune(rest[i])) {
		i++
	}
	if i == 5 {
		return 0
	}
	if i-5 > maxTcoSlugRef {
		return -1
	}
	return protoLen + queryEndRef(rest, i)
}

func validURLRef(url, protocol, domain string) bool {
	if strings.HasPrefix(domain, "xn--") && asciiDomainsRef(domain, 0, len(domain), nil) == 0 {
		return false
	}
	for label := range strings.SplitSeq(domain, ".") {
		n := asciiLabelLengthRef(label)
		if n < 1 || n > maxLabelLengthRef {
			return false
		}
	}
	if protocol == "" {
		protocol = "https://"
	}
	return utf16LenRef(protocol)+utf16LenRef(url) <= maxURLLengthRef
}

func asciiDomainsRef(s string, d, dEnd int, out *[]urlMatchRef) int {
	found := 0
	p := d
	for p < dEnd {
		r, w := utf8.DecodeRuneInString(s[p:])
		if !isASCIIHostCharRef(r) {
			p += w
			continue
		}

		q := p
		best := -1
		chainEnd := p
		for {
			q = asciiRunRef(s, q, dEnd)
			chainEnd = q
			if q >= dEnd || s[q] != '.' {
				break
			}
			if t := tldAtRef(s, q+1, dEnd); t >= 0 {
				best = t
			}
			q++
			if q >= dEnd {
				break
			}
			if r, _ := utf8.DecodeRuneInString(s[q:]); !isASCIIHostCharRef(r) {
				break
			}
		}
		if best < 0 {
			p = max(chainEnd, p+w)
			continue
		}
		if out != nil {
			*out = append(*out, urlMatchRef{Start: p, End: best, Text: s[p:best]})
		}
		found++
		p = best
	}
	return found
}

func asciiRunRef(s string, q, limit int) int {
	for q < limit {
		r, w := utf8.DecodeRuneInString(s[q:])
		if !isASCIIHostCharRef(r) {
			break
		}
		q += w
	}
	return q
}

func isASCIIHostCharRef(r rune) bool { return isASCIIAlnumRef(r) || r == '-' || isLatinAccentRef(r) }
