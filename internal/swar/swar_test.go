package swar

import (
	"strings"
	"testing"
)

// TestExactAsYesOrNo: for every byte value in every lane among every
// neighbour value, each test says yes exactly when a lane matches.
func TestExactAsYesOrNo(t *testing.T) {
	for fill := range 0x100 {
		for b := range 0x100 {
			for lane := range Size {
				w := []byte(strings.Repeat(string(rune(0)), Size))
				for i := range w {
					w[i] = byte(fill)
				}
				w[lane] = byte(b)
				x := Word(string(w))
				check := func(name string, got uint64, want bool) {
					if (got != 0) != want {
						t.Fatalf("%s on %q: %#x, want a match %v", name, w, got, want)
					}
				}
				check("Is '#'", Is(x, '#'), fill == '#' || b == '#')
				check("Is 0x7f", Is(x, 0x7f), fill == 0x7f || b == 0x7f)
				check("Is 0", Is(x, 0), fill == 0 || b == 0)
				check("Below 0x21", Below(x, 0x21), fill < 0x21 || b < 0x21)
				check("Below 0x80", Below(x, 0x80), fill < 0x80 || b < 0x80)
				check("NonASCII", NonASCII(x), fill >= 0x80 || b >= 0x80)
			}
		}
	}
}

func TestWordIsLittleEndian(t *testing.T) {
	if got := Word("\x01\x02\x03\x04\x05\x06\x07\x08rest"); got != 0x0807060504030201 {
		t.Errorf("Word = %#x", got)
	}
	if got := Bytes([]byte("\x01\x02\x03\x04\x05\x06\x07\x08rest")); got != 0x0807060504030201 {
		t.Errorf("Bytes = %#x", got)
	}
}

// BenchmarkScan: finding the end of a run of plain bytes in a query string
// word by word against byte by byte.
func BenchmarkScan(b *testing.B) {
	s := strings.Repeat("query=from%3AXDevelopers%20-is%3Aretweet", 2)
	b.Run("words", func(b *testing.B) {
		for b.Loop() {
			i := 0
			for ; i+Size <= len(s); i += Size {
				if x := Word(s[i:]); Below(x, 0x21)|Is(x, '#') != 0 {
					break
				}
			}
		}
	})
	b.Run("bytes", func(b *testing.B) {
		for b.Loop() {
			i := 0
			for ; i < len(s) && s[i] > 0x20 && s[i] != '#'; i++ {
			}
		}
	})
}

// TestFirstIsTheFirstMatch: with matches in two lanes, First names the
// lower one, whatever the bytes around them.
func TestFirstIsTheFirstMatch(t *testing.T) {
	for fill := range 0x100 {
		if fill == '%' {
			continue
		}
		for lo := range Size {
			for hi := lo; hi < Size; hi++ {
				w := make([]byte, Size)
				for i := range w {
					w[i] = byte(fill)
				}
				w[lo], w[hi] = '%', '%'
				if got := First(Is(Word(string(w)), '%')); got != lo {
					t.Fatalf("%q: First = %d, want %d", w, got, lo)
				}
			}
		}
	}
}
