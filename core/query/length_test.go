package query

import (
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"
)

// length's byte count agrees with counting rune by rune, for every kind of
// character at every offset.
func TestLengthMatchesRuneCount(t *testing.T) {
	pieces := []string{"a", "é", "€", "😀", "abcdefgh", " ", "𝕏"}
	for _, lead := range []int{0, 1, 3, 7, 8, 9, 15} {
		for _, p := range pieces {
			for _, n := range []int{1, 2, 5, 9} {
				q := strings.Repeat("x", lead) + strings.Repeat(p, n) + "tail"
				wantCP := utf8.RuneCountInString(q)
				wantU := len(utf16.Encode([]rune(q)))
				if cp, u := length(q); cp != wantCP || u != wantU {
					t.Errorf("length(%q) = %d, %d; want %d, %d", q, cp, u, wantCP, wantU)
				}
			}
		}
	}
}

// measure agrees with the validity check and the count, invalid bytes
// included, at every offset.
func TestMeasureMatchesValidAndLength(t *testing.T) {
	for _, odd := range []string{"", "é", "😀", "\xff", "\x80"} {
		for lead := range 18 {
			q := strings.Repeat("a", lead) + odd + "bc"
			valid, cp, u := measure(q)
			wantCP, wantU := length(q)
			if valid != utf8.ValidString(q) || cp != wantCP || u != wantU {
				t.Errorf("measure(%q) = %v, %d, %d; want %v, %d, %d", q, valid, cp, u, utf8.ValidString(q), wantCP, wantU)
			}
		}
	}
}
