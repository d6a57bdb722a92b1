package post

import (
	"strings"
	"unicode/utf8"
)

// Cashtags follow twitter-text: '$' at the start or after white space, one
// to six ASCII letters, optionally '.' or '_' and one or two more, then the
// end, white space or ASCII punctuation.

type cashtagMatch struct {
	Start, End int // from the dollar sign
	Tag        string
}

func extractCashtags(s string, out []cashtagMatch) []cashtagMatch {
	lastEnd := 0
	for i := 0; i < len(s); i++ {
		k := strings.IndexByte(s[i:], '$')
		if k < 0 {
			break
		}
		i += k
		if i > 0 {
			p, pw := utf8.DecodeLastRuneInString(s[:i])
			if !isSpace(p) || i-pw < lastEnd {
				continue
			}
		}
		j := letterRun(s, i+1)
		if j == i+1 || j-i-1 > 6 {
			continue
		}
		end := -1
		if j < len(s) && (s[j] == '.' || s[j] == '_') {
			if k := letterRun(s, j+1); k > j+1 && k-j-1 <= 2 && endsCashtag(s, k) {
				end = k
			}
		}
		if end < 0 && endsCashtag(s, j) {
			end = j
		}
		if end < 0 {
			continue
		}
		out = append(out, cashtagMatch{Start: i, End: end, Tag: s[i+1 : end]})
		lastEnd = end
		i = end - 1
	}
	return out
}

func letterRun(s string, i int) int {
	for i < len(s) && isASCIILetter(rune(s[i])) {
		i++
	}
	return i
}

func endsCashtag(s string, i int) bool {
	if i >= len(s) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return isJSSpace(r) || r < 0x80 && isASCIIPunct(r)
}
