package post

// nfcStable reports, without the normalization tables, that s is already in
// NFC because every code point lies in a block whose characters have no
// canonical decomposition, combining class 0 and never compose with what
// precedes them (TestNFCStableRanges checks each against x/text's tables).
// False means "look it up", not "not normalized".
func nfcStable(s string) bool {
	for i := 0; i < len(s); {
		if j := asciiEnd(s, i, len(s)); j > i {
			i = j
			continue
		}
		c := s[i]
		switch {
		case c >= 0xC2 && c <= 0xCB && i+1 < len(s) && s[i+1]&0xC0 == 0x80:
			i += 2 // U+0080–U+02FF, the first stable range
		case c >= 0xE0 && c <= 0xEF && i+2 < len(s):
			// Three bytes (the rest of the BMP): a bit of nfcStable3.
			c1, c2 := s[i+1], s[i+2]
			if c1&0xC0 != 0x80 || c2&0xC0 != 0x80 || nfcStable3[int(c&0x0F)<<6|int(c1&0x3F)]>>(c2&0x3F)&1 == 0 {
				return false
			}
			i += 3
		default:
			r, w := decode(s, i)
			if !nfcStableRune(r) {
				return false
			}
			i += w
		}
	}
	return true
}

// nfcStable3 holds nfcStableRune for the code points of three-byte UTF-8
// forms, one 64-bit word per lead byte's low four bits and second byte's
// low six bits, a bit per third byte's low six bits: the code point's own
// bits. Words of overlong forms (below U+0800) and of surrogates stay zero,
// as those forms are invalid UTF-8. Built from nfcStableRanges at start-up
// range by range (about 350 words), not code point by code point.
var nfcStable3 = buildNFCStable3()

func buildNFCStable3() (t [1024]uint64) {
	for _, rg := range nfcStableRanges {
		lo, hi := max(rg.lo, 0x800), min(rg.hi, 0xFFFF)
		for b := lo >> 6; lo <= hi && b <= hi>>6; b++ {
			if b >= 0xD800>>6 && b <= 0xDFFF>>6 {
				continue
			}
			first, last := max(lo, b<<6)-b<<6, min(hi, b<<6+63)-b<<6
			t[b] |= ^uint64(0) >> (63 - last) &^ (1<<first - 1)
		}
	}
	return t
}

// nfcStableRanges: Latin-1 and Latin Extended-A/B before the combining
// marks, kana without the voicing marks, CJK ideographs, Hangul syllables,
// CJK punctuation and full-width forms, and the pictographs of emoji.
var nfcStableRanges = [...]runeRange{
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

func nfcStableRune(r rune) bool { return inRanges(nfcStableRanges[:], r) }

// NFC (Unicode Standard Annex #15): full canonical decomposition, canonical
// ordering of combining marks, canonical composition. The tables
// (nfc_gen.go) are generated from golang.org/x/text's Unicode data, which the
// wasm build then does not link; TestNFCAgrees and FuzzNFC hold this to
// x/text's answers.

type cccRange struct {
	lo, hi rune
	ccc    uint8
}

// Hangul syllables decompose and compose arithmetically.
const (
	hangulBase  = 0xAC00
	hangulL     = 0x1100
	hangulV     = 0x1161
	hangulT     = 0x11A7
	hangulLN    = 19
	hangulVN    = 21
	hangulTN    = 28
	hangulN     = hangulVN * hangulTN
	hangulCount = hangulLN * hangulN
)

func combiningClass(r rune) uint8 {
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

// appendDecomposed appends r's full canonical decomposition.
func appendDecomposed(out []rune, r rune) []rune {
	if s := r - hangulBase; s >= 0 && s < hangulCount {
		out = append(out, hangulL+s/hangulN, hangulV+(s%hangulN)/hangulTN)
		if t := s % hangulTN; t != 0 {
			out = append(out, hangulT+t)
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

// composePair is the primary composite of a and b, if any.
func composePair(a, b rune) (rune, bool) {
	if l := a - hangulL; l >= 0 && l < hangulLN {
		if v := b - hangulV; v >= 0 && v < hangulVN {
			return hangulBase + (l*hangulVN+v)*hangulTN, true
		}
	}
	if s := a - hangulBase; s >= 0 && s < hangulCount && s%hangulTN == 0 {
		if t := b - hangulT; t > 0 && t < hangulTN {
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

// sortMarks sorts a run of non-starters by combining class, stably. Real
// text has runs of a few marks, sorted by insertion; a longer run (hostile
// text: thousands of marks of alternating classes made the insertion sort
// quadratic) is sorted by counting, in linear time.
func sortMarks(run []rune) {
	if len(run) <= 32 {
		for i := 1; i < len(run); i++ {
			c := combiningClass(run[i])
			for j := i; j > 0 && combiningClass(run[j-1]) > c; j-- {
				run[j-1], run[j] = run[j], run[j-1]
			}
		}
		return
	}
	classes := make([]uint8, len(run))
	var starts [257]int
	for i, r := range run {
		classes[i] = combiningClass(r)
		starts[int(classes[i])+1]++
	}
	for c := 1; c < len(starts); c++ {
		starts[c] += starts[c-1]
	}
	sorted := make([]rune, len(run))
	for i, r := range run {
		sorted[starts[classes[i]]] = r
		starts[classes[i]]++
	}
	copy(run, sorted)
}

// nfcString returns s in NFC (invalid UTF-8 becomes U+FFFD, as everywhere
// in this package).
func nfcString(s string) string {
	runes := make([]rune, 0, len(s))
	for _, r := range s {
		runes = appendDecomposed(runes, r)
	}
	// Canonical ordering: a stable sort of each run of non-starters by class.
	for i := 0; i < len(runes); {
		if combiningClass(runes[i]) == 0 {
			i++
			continue
		}
		j := i + 1
		for j < len(runes) && combiningClass(runes[j]) != 0 {
			j++
		}
		sortMarks(runes[i:j])
		i = j
	}
	// Canonical composition: a character joins the last starter unless a
	// character between them is a starter or has a class at least its own.
	out := runes[:0]
	starter, last := -1, -1 // last: class of the last character kept after the starter (-1: none)
	for _, r := range runes {
		c := int(combiningClass(r))
		if starter >= 0 && last < c || starter >= 0 && last == -1 {
			if comp, ok := composePair(out[starter], r); ok {
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
