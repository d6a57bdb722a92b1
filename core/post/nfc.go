package post

import "unicode/utf8"

// nfcStable reports, without the normalization tables, that s is already in
// NFC because every code point lies in a block whose characters have no
// canonical decomposition, combining class 0 and never compose with what
// precedes them (TestNFCStableRanges checks each against x/text's tables).
// False means "look it up", not "not normalized".
func nfcStable(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < 0x80 {
			i++
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

// nfcStableRanges: Latin-1 and Latin Extended-A/B before the combining
// marks, kana without the voicing marks, CJK ideographs, Hangul syllables,
// CJK punctuation and full-width forms, and the pictographs of emoji.
var nfcStableRanges = [...]runeRange{
	{0x80, 0x2FF},
	{0x2010, 0x2027},
	{0x3000, 0x3029},
	{0x3041, 0x3096},
	{0x30A1, 0x30FA},
	{0x4E00, 0x9FFF},
	{0xAC00, 0xD7A3},
	{0xFF01, 0xFF60},
	{0x1F300, 0x1FAFF},
}

func nfcStableRune(r rune) bool { return inRanges(nfcStableRanges[:], r) }
