package post

import (
	"unicode"
	"unicode/utf8"
)

// Hashtags follow twitter-text: # or ＃ (not followed by U+FE0F or U+20E3,
// which make a keycap emoji), preceded by the start, U+FE0E/U+FE0F, or a
// character that is neither a hashtag character nor '&'; then a run of
// letters, marks, decimal digits, '_' and a few joiners and punctuation marks
// of scripts that use them inside words, with at least one letter or mark. A
// candidate followed by another # or by "://" is no hashtag, and hashtags
// inside URLs are dropped.

type hashtagMatch struct {
	Start, End int // from the hash sign
	Tag        string
}

func isHashSign(r rune) bool { return r == '#' || r == '＃' }

func isHashtagAlpha(r rune) bool { return unicode.In(r, unicode.L, unicode.M) }

func isHashtagChar(r rune) bool {
	if r < 0x80 {
		return isASCIIAlnum(r) || r == '_'
	}
	switch r {
	case 0x200C, 0x200D, 0xA67E, 0x05BE, 0x05F3, 0x05F4, 0xFF5E, 0x301C, 0x309B, 0x309C, 0x30A0, 0x30FB, 0x3003, 0x0F0B, 0x0F0C, 0x00B7:
		return true
	}
	return unicode.In(r, unicode.L, unicode.M, unicode.Nd)
}

func extractHashtags(s string, out []hashtagMatch) []hashtagMatch {
	lastEnd := 0
	signs := newSignFinder(s, '#')
	for i := 0; i < len(s); {
		if j := signs.next(i); j < 0 {
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
		if w == 0 || !hashtagBoundary(s, i, lastEnd) {
			i++
			continue
		}
		n := i + w
		if next, _ := utf8.DecodeRuneInString(s[n:]); next == vs16 || next == keycap {
			i = n
			continue
		}
		j, alpha := n, false
		for j < len(s) {
			c, cw := utf8.DecodeRuneInString(s[j:])
			if !isHashtagChar(c) {
				break
			}
			alpha = alpha || isHashtagAlpha(c)
			j += cw
		}
		if !alpha {
			i = n
			continue
		}
		lastEnd, i = j, j
		after, _ := utf8.DecodeRuneInString(s[j:])
		if j < len(s) && (isHashSign(after) || len(s)-j >= 3 && s[j:j+3] == "://") {
			continue
		}
		out = append(out, hashtagMatch{Start: n - w, End: j, Tag: s[n:j]})
	}
	return out
}

func hashtagBoundary(s string, i, lastEnd int) bool {
	if i == 0 {
		return true
	}
	p, pw := utf8.DecodeLastRuneInString(s[:i])
	if i-pw < lastEnd {
		return false
	}
	return p == 0xFE0E || p == vs16 || !isHashtagChar(p) && p != '&'
}
