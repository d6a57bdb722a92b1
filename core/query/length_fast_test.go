package query

import (
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"
)

// length's eight-bytes-at-a-time count agrees with counting rune by rune,
// wherever the multi-byte characters fall relative to the 8-byte blocks.
func TestLengthMatchesRuneCount(t *testing.T) {
	pieces := []string{"a", "é", "€", "😀", "abcdefgh", " ", "𝕏"}
	for _, lead := range []int{0, 1, 3, 7, 8, 9, 15} {
		for _, p := range pieces {
			for _, n := range []int{1, 2, 5, 9} {
				q := strings.Repeat("x", lead) + strings.Repeat(p, n) + "tail"
				wantCP := utf8.RuneCountInString(q)
				wantU := len(utf16.Encode([]rune(q)))
				if cp, u := length(q, true); cp != wantCP || u != wantU {
					t.Errorf("length(%q) = %d, %d; want %d, %d", q, cp, u, wantCP, wantU)
				}
			}
		}
	}
}
