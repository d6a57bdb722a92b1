package post

import (
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// TestNFCStableRanges: every code point nfcStable trusts is its own NFC form,
// has combining class 0 and starts a new composition (so nothing before it
// can absorb it).
func TestNFCStableRanges(t *testing.T) {
	for _, rr := range nfcStableRanges {
		for r := rr.lo; r <= rr.hi; r++ {
			s := string(r)
			p := norm.NFC.PropertiesString(s)
			if p.CCC() != 0 || !p.BoundaryBefore() || norm.NFC.String(s) != s || !norm.NFC.IsNormalString("a"+s) || !norm.NFC.IsNormalString("\u1100"+s) {
				t.Errorf("U+%04X is not NFC-stable", r)
			}
		}
	}
}

// TestNFCAgrees: every code point alone, and each BMP one after a base
// letter and before combining marks, normalizes as x/text does. (x/text
// v0.14 composes an astral starter with a following mark as if it were the
// BMP character of its low 16 bits — U+10041 U+0301 becomes Á — which ICU
// does not; TestNFCAstral pins ICU's answers instead.)
func TestNFCAgrees(t *testing.T) {
	bad := 0
	for r := rune(0); r <= 0x10FFFF; r++ {
		if r >= 0xD800 && r <= 0xDFFF {
			continue
		}
		cases := []string{string(r)}
		if r < 0x10000 {
			cases = append(cases, "a"+string(r)+"\u0301", "\u1100"+string(r), string(r)+"\u0327\u0301")
		}
		for _, s := range cases {
			if got, want := nfcString(s), norm.NFC.String(s); got != want {
				if bad++; bad <= 10 {
					t.Errorf("NFC(%+q) = %+q, x/text says %+q", s, got, want)
				}
			}
		}
	}
}

// TestNFCAstral: astral starters never compose with marks (answers of
// Node 20's String.prototype.normalize, ICU).
func TestNFCAstral(t *testing.T) {
	for in, want := range map[string]string{
		"a\U00010041\u0301":      "a\U00010041\u0301",
		"\U00010043\u0327\u0301": "\U00010043\u0327\u0301",
		"\U0001F600\u0301":       "\U0001F600\u0301",
		"\U000110A5\U000110BA":   "\U000110AB", // KAITHI LETTER VA + NUKTA composes (an astral primary composite)
	} {
		if got := nfcString(in); got != want {
			t.Errorf("NFC(%+q) = %+q, want %+q", in, got, want)
		}
	}
}

func hasAstral(s string) bool {
	for _, r := range s {
		if r >= 0x10000 {
			return true
		}
	}
	return false
}

func FuzzNFC(f *testing.F) {
	for _, s := range []string{"A\u0301", "Aשּׁ", "\u1100\u1161\u11A8", "e\u0327\u0301", "\u0344", "Å", "ḳ́", "\xff\u0301"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := nfcString(s), norm.NFC.String(s); got != want && utf8.ValidString(s) && !hasAstral(s) {
			t.Fatalf("NFC(%+q) = %+q, x/text says %+q", s, got, want)
		}
		if nfcStable(s) && norm.NFC.String(s) != s && utf8.ValidString(s) {
			t.Fatalf("nfcStable(%+q) but it is not in NFC", s)
		}
	})
}
