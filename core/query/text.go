package query

import (
	"strings"
	"unicode/utf8"
)

// toLowerASCII lower-cases ASCII letters only; operator names are ASCII, and
// it allocates nothing when s is already lower-case.
func toLowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if 'A' <= s[i] && s[i] <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if 'A' <= b[j] && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

// unquote strips the quotes of a quoted string as the lexer delimited it
// (closed tells whether the closing quote is there) and resolves backslash
// escapes: a backslash stands for the byte after it, so \" is a quote.
func unquote(s string, closed bool) string {
	if len(s) == 0 || s[0] != '"' {
		return s
	}
	s = s[1:]
	if closed && len(s) > 0 {
		s = s[:len(s)-1]
	}
	if strings.IndexByte(s, '\\') < 0 {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) {
			i++
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// snippet quotes s for a message, shortened to about 40 bytes and made
// valid UTF-8.
func snippet(s string) string {
	const limit = 40
	if len(s) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		s = s[:cut] + "…"
	}
	return "'" + strings.ToValidUTF8(s, "\uFFFD") + "'"
}

// startsWithEmoji reports whether w begins with a pictographic emoji (the
// Unicode blocks X's examples draw from; precise enough to label a term).
func startsWithEmoji(w string) bool {
	if w == "" || w[0] < 0x80 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(w)
	return isEmojiRune(r)
}

func isEmojiRune(r rune) bool {
	switch {
	case 0x1F000 <= r && r <= 0x1FAFF, // mahjong … symbols and pictographs extended-A (flags, faces, objects)
		0x2600 <= r && r <= 0x27BF, // miscellaneous symbols, dingbats
		0x2300 <= r && r <= 0x23FF, // miscellaneous technical (⌚, ⏰)
		0x2B00 <= r && r <= 0x2BFF, // arrows and stars (⭐, ⬛)
		r == 0x00A9, r == 0x00AE, r == 0x203C, r == 0x2049, r == 0x2122, r == 0x2139,
		r == 0x3030, r == 0x303D, r == 0x3297, r == 0x3299:
		return true
	}
	return false
}

// hasEmojiModifier reports whether s holds a variation selector or a
// zero-width joiner, which X says must be quoted.
func hasEmojiModifier(s string) bool {
	return strings.Contains(s, "\uFE0F") || strings.Contains(s, "\uFE0E") || strings.Contains(s, "\u200D")
}
