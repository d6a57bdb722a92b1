package post

// Emoji sequences (config v3 weighs each as one code point of the default
// weight). The sequence shapes follow Unicode's UTS #51 (ED-14 to ED-17):
//
//	keycap    [0-9#*] U+FE0F? U+20E3
//	flag      regional indicator × 2
//	element   emoji code point, then U+FE0F or a skin-tone modifier, then
//	          optionally tag characters U+E0020–E007E ended by U+E007F
//	sequence  element (U+200D element)*
//
// An element whose code point defaults to text presentation (©, ®, ☺ …)
// is an emoji only with U+FE0F, a modifier, or a ZWJ continuation; alone it
// is weighed as the plain character it is. The properties come from Unicode's
// emoji-data.txt (emoji_gen.go).

type runeRange struct{ lo, hi rune }

func inRanges(rs []runeRange, r rune) bool {
	// Most characters lie outside a table's span: one test each side.
	if len(rs) == 0 || r < rs[0].lo || r > rs[len(rs)-1].hi {
		return false
	}
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
	zwj      = 0x200D
	vs16     = 0xFE0F
	keycap   = 0x20E3
	tagEnd   = 0xE007F
	riFirst  = 0x1F1E6
	riLast   = 0x1F1FF
	tagFirst = 0xE0020
	tagLast  = 0xE007E
)

func isRegionalIndicator(r rune) bool { return r >= riFirst && r <= riLast }

// isEmojiRune: r has the Emoji property (a bit test in the BMP and among
// the pictographs).
func isEmojiRune(r rune) bool {
	if r < 0x10000 {
		return emojiBMP[r/32]&(1<<(r%32)) != 0
	}
	if r >= pictoLo && r <= pictoHi {
		return emojiPicto[(r-pictoLo)/64]>>((r-pictoLo)%64)&1 != 0
	}
	return r >= emojiGapHi && inRanges(emojiRanges[:], r)
}

// isPresentationRune: r has the Emoji_Presentation property.
func isPresentationRune(r rune) bool {
	if r >= pictoLo && r <= pictoHi {
		return presentationPicto[(r-pictoLo)/64]>>((r-pictoLo)%64)&1 != 0
	}
	return inRanges(emojiPresentationRanges[:], r)
}

// U+1F000–U+1FBFF hold nearly every emoji a post carries; emojiPicto and
// presentationPicto answer the two properties there by one bit each, built
// at start-up from the generated ranges instead of searching them.
const pictoLo, pictoHi = 0x1F000, 0x1FBFF

var emojiPicto, presentationPicto = pictoBits(emojiRanges[:]), pictoBits(emojiPresentationRanges[:])

func pictoBits(rs []runeRange) (t [(pictoHi - pictoLo + 1) / 64]uint64) {
	for _, rg := range rs {
		for r := max(rg.lo, pictoLo); r <= min(rg.hi, pictoHi); r++ {
			t[(r-pictoLo)/64] |= 1 << ((r - pictoLo) % 64)
		}
	}
	return t
}

// emojiLen is the byte length of the emoji sequence starting at i, 0 if none.
func emojiLen(s string, i int) int {
	r, w := decodeAt(s, i)
	switch {
	case r >= '0' && r <= '9' || r == '#' || r == '*':
		j := i + w
		if next, nw := decodeAt(s, j); next == vs16 {
			j += nw
		}
		if next, nw := decodeAt(s, j); next == keycap {
			return j + nw - i
		}
		return 0
	case r < 0xA9 || r >= emojiGapLo && r < emojiGapHi:
		return 0
	case isRegionalIndicator(r):
		if next, nw := decodeAt(s, i+w); isRegionalIndicator(next) {
			return w + nw
		}
		return w
	}
	end, presented := emojiElement(s, i)
	if end == 0 {
		return 0
	}
	for end < len(s) {
		next, nw := decode(s, end)
		if next != zwj {
			break
		}
		e, _ := emojiElement(s, end+nw)
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

// emojiElement: the end of an element at i (0 if s[i] is no emoji) and
// whether it is shown as emoji by itself.
func emojiElement(s string, i int) (end int, presented bool) {
	if i >= len(s) {
		return 0, false
	}
	r, w := decode(s, i)
	if r < 0xA9 || !isEmojiRune(r) {
		return 0, false
	}
	end = i + w
	presented = isPresentationRune(r)
	if next, nw := decodeAt(s, end); next == vs16 || inRanges(emojiModifierRanges[:], next) {
		end += nw
		presented = true
	}
	if t := tagSequenceEnd(s, end); t > end {
		end = t
	}
	return end, presented
}

// tagSequenceEnd: the end of tag characters closed by U+E007F at i, or i.
func tagSequenceEnd(s string, i int) int {
	if i >= len(s) || s[i] != 0xF3 {
		return i // every tag character's UTF-8 form begins with 0xF3
	}
	j := i
	for j < len(s) {
		r, w := decode(s, j)
		switch {
		case r >= tagFirst && r <= tagLast:
			j += w
		case r == tagEnd && j > i:
			return j + w
		default:
			return i
		}
	}
	return i
}
