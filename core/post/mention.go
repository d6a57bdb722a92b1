package post

import (
	"strings"
	"unicode/utf8"
)

// Mentions and lists follow twitter-text: an at sign (@ or ＠) not preceded
// by a letter, digit or one of _!#$%&*@＠ (except "RT"/"RT:" itself preceded
// by start or a character outside [A-Za-z0-9_+~.-]), a name of 1–20
// [A-Za-z0-9_] (a longer run yields its first 20), optionally "/" and a list
// slug of a letter and up to 24 [A-Za-z0-9_-]. A candidate followed by an at
// sign, an accented Latin letter or "://" is no mention (an e-mail address or
// a URL), and the text it covered is not searched again.

// mentionMatch: byte offsets of the mention (from its at sign).
type mentionMatch struct {
	Start, End int
	Name, List string
}

func isAtSign(r rune) bool { return r == '@' || r == '＠' }

// signFinder finds, left to right, the ASCII sign c or a byte 0xEF (which
// starts its full-width form): a fast skip to candidates. It remembers the
// next occurrence of each, so a text is searched once however many
// positions ask (searching afresh from each made a text full of 0xEF bytes
// and no sign, or the reverse, cost quadratic time). Positions asked must
// not decrease.
type signFinder struct {
	s    string
	c    byte
	a, b int // next index of c, of 0xEF; -1 none left, -2 not searched yet
}

func newSignFinder(s string, c byte) signFinder { return signFinder{s: s, c: c, a: -2, b: -2} }

// next is the first index ≥ i of c or 0xEF, or -1.
func (f *signFinder) next(i int) int {
	if f.a != -1 && f.a < i {
		f.a = indexByteFrom(f.s, i, f.c)
	}
	if f.b != -1 && f.b < i {
		f.b = indexByteFrom(f.s, i, 0xEF)
	}
	switch a, b := f.a, f.b; {
	case a < 0 && b < 0:
		return -1
	case a < 0:
		return b
	case b < 0 || a < b:
		return a
	}
	return f.b
}

func indexByteFrom(s string, i int, c byte) int {
	if j := strings.IndexByte(s[i:], c); j >= 0 {
		return i + j
	}
	return -1
}

// atSignAt is the byte length of an at sign starting at byte i, or 0.
func atSignAt(s string, i int) int {
	switch {
	case s[i] == '@':
		return 1
	case s[i] == 0xEF && len(s)-i >= 3 && s[i:i+3] == "＠":
		return 3
	}
	return 0
}

func isNameChar(c byte) bool { return isASCIIAlnum(rune(c)) || c == '_' }

func extractMentions(s string, out []mentionMatch) []mentionMatch {
	lastEnd := 0
	signs := newSignFinder(s, '@')
	for i := 0; i < len(s); {
		if j := signs.next(i); j < 0 {
			break
		} else {
			i = j
		}
		w := atSignAt(s, i)
		if w == 0 || !mentionBoundary(s, i, lastEnd) {
			i++
			continue
		}
		n := i + w
		j := n
		for j < len(s) && j-n < 20 && isNameChar(s[j]) {
			j++
		}
		if j == n {
			i += w
			continue
		}
		m := mentionMatch{Start: i, Name: s[n:j]}
		if j+1 < len(s) && s[j] == '/' && isASCIILetter(rune(s[j+1])) {
			k := j + 2
			for k < len(s) && k-j-1 < 25 && (isNameChar(s[k]) || s[k] == '-') {
				k++
			}
			m.List, j = s[j:k], k
		}
		m.End = j
		lastEnd, i = j, j
		if !endsMention(s[j:]) {
			out = append(out, m)
		}
	}
	return out
}

// mentionBoundary: what precedes the at sign at i allows a mention. The
// preceding character belongs to the match, so it must lie past the last one.
func mentionBoundary(s string, i, lastEnd int) bool {
	if i == 0 {
		return true
	}
	p, pw := utf8.DecodeLastRuneInString(s[:i])
	if i-pw < lastEnd {
		return false
	}
	if !(isASCIIAlnum(p) || p == '_' || p == '!' || p == '#' || p == '$' || p == '%' || p == '&' || p == '*' || isAtSign(p)) {
		return true
	}
	// "RT" or "RT:" right before the at sign.
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
	return j-qw >= lastEnd && !(isASCIIAlnum(q) || q == '_' || q == '+' || q == '~' || q == '.' || q == '-')
}

func endsMention(after string) bool {
	if after == "" {
		return false
	}
	r, _ := utf8.DecodeRuneInString(after)
	return isAtSign(r) || isLatinAccent(r) || len(after) >= 3 && after[:3] == "://"
}
