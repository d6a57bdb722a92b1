package post

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// The differential targets: the current code must give the reference's
// answer (reference_test.go) for every input, under both configs.

// referenceSeeds: the mixed post, every shape the fast paths special-case
// (ASCII runs ending before a keycap tail or a URL, CJK, kana, emoji
// sequences, invalid UTF-8, text needing NFC) and their neighbours.
var referenceSeeds = []string{
	"", benchPost, "a", "1\u20e3", "abc1\ufe0f\u20e3def", "#\u20e3", "12345678\u20e3", "abcdefg1\u20e3",
	"see https://t.co/abc and 1️⃣", "ありがとう、皆さん！", "中文字符测试", "🚀👩‍💻🇯🇵🙏🏽", "🏴󠁧󠁢󠁥󠁮󠁧󠁿",
	"\xff\xfe\xe3\x81", "\xe3\x81\x82\xed\xa0\x80\xf0\x9f\x9a", "\xf4\x90\x80\x80", "\xe0\x80\xaf",
	"e\u0301 cafe\u0301", "a" + strings.Repeat("\u0301\u0316\u05B0\u0345", 12) + "b\u0316\u0301", "\uFEFFbom \uFFFE", "docs.example.org/start — " + strings.Repeat("あ", 7),
	strings.Repeat("abcdefgh", 40), strings.Repeat("日本", 150), strings.Repeat("a", 279) + "é",
	"\u2030\u2031\u2032\u2037\u2038 \u200d\u200e", "example.みんな foo.COM bar.xn--p1ai",
}

// decodeAt answers what utf8.DecodeRuneInString(s[i:]) answers, at the
// end of s too (the emoji scanner reads past a sequence's last character).
func FuzzDecodeAtAgainstReference(f *testing.F) {
	for _, s := range referenceSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for i := 0; i <= len(s); i++ {
			r, w := decodeAt(s, i)
			rr, rw := utf8.DecodeRuneInString(s[i:])
			if r != rr || w != rw {
				t.Fatalf("%q at %d: decodeAt %U/%d, standard %U/%d", s, i, r, w, rr, rw)
			}
		}
	})
}

func FuzzParseAgainstReference(f *testing.F) {
	for _, s := range referenceSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, cfg := range []Config{V3(), V2(), asciiOwnWeights()} {
			got, want := Parse(s, cfg), parseRef(s, cfg)
			if !sameResult(got, want) {
				t.Fatalf("v%d %q:\n got %+v\nwant %+v", cfg.Version, s, got, want)
			}
		}
		if a, b := utf16Len(s), utf16LenRef(s); a != b {
			t.Fatalf("%q: utf16Len %d, reference %d", s, a, b)
		}
		if a, b := nfcStable(s), nfcStableRef(s); a != b {
			t.Fatalf("%q: nfcStable %v, reference %v", s, a, b)
		}
		// What Parse relies on to count UTF-16 units by byte classes.
		if nfcStable(s) && !utf8.ValidString(s) {
			t.Fatalf("%q: nfcStable accepts invalid UTF-8", s)
		}
		if n := nfcString(s); !utf8.ValidString(n) {
			t.Fatalf("%q: nfcString gives invalid UTF-8 %q", s, n)
		} else if r := nfcStringRef(s); n != r {
			t.Fatalf("%q: nfcString %q, reference %q", s, n, r)
		}
		if v := strings.ToValidUTF8(s, "\uFFFD"); utf16LenValid(v) != utf16LenRef(v) {
			t.Fatalf("%q: utf16LenValid %d, reference %d", v, utf16LenValid(v), utf16LenRef(v))
		}
		if len(s) <= 2*tldMaxBytes {
			if a, b := isTLD(s), isTLDRef(s); a != b {
				t.Fatalf("%q: isTLD %v, reference %v", s, a, b)
			}
		}
	})
}

// asciiOwnWeights is a config whose first range does not cover ASCII and
// whose ranges are unsorted, so measure's per-character path and its
// rangesTop shortcut are exercised with unusual weights.
func asciiOwnWeights() Config {
	c := V3()
	c.Version = 99
	c.Ranges = []WeightRange{{Start: 0x41, End: 0x5A, Weight: 300}, {Start: 0x3040, End: 0x309F, Weight: 50}, {Start: 0, End: 0x40, Weight: 100}}
	return c
}

func sameResult(a, b Result) bool {
	if a.WeightedLength != b.WeightedLength || a.MaxLength != b.MaxLength || a.Permillage != b.Permillage ||
		a.Valid != b.Valid || a.ValidRange != b.ValidRange || a.DisplayRange != b.DisplayRange ||
		a.FirstInvalid != b.FirstInvalid || a.OverflowStart != b.OverflowStart || len(a.Entities) != len(b.Entities) {
		return false
	}
	for i := range a.Entities {
		if a.Entities[i] != b.Entities[i] {
			return false
		}
	}
	return true
}

// TestNFCStableEveryBMPCodePoint: the fast paths of nfcStable (two-byte
// range, nfcStable3) answer nfcStableRune for every code point below
// U+10000, and reject every ill-formed three-byte form (overlong,
// surrogate, bad continuation) as the reference does.
func TestNFCStableEveryBMPCodePoint(t *testing.T) {
	for r := rune(0x80); r < 0x10000; r++ {
		s := string(r)
		if r >= 0xD800 && r <= 0xDFFF {
			s = string([]byte{0xED, byte(0x80 | (r>>6)&0x3F), byte(0x80 | r&0x3F)})
		}
		if got, want := nfcStable(s), nfcStableRef(s); got != want {
			t.Fatalf("%U (% x): nfcStable %v, reference %v", r, s, got, want)
		}
	}
	for c0 := 0xE0; c0 <= 0xEF; c0++ {
		for c1 := range 0x100 {
			for _, c2 := range []byte{0x00, 0x7F, 0x80, 0x9F, 0xA0, 0xBF, 0xC0, 0xFF} {
				s := string([]byte{byte(c0), byte(c1), c2})
				if got, want := nfcStable(s), nfcStableRef(s); got != want {
					t.Fatalf("% x: nfcStable %v, reference %v", s, got, want)
				}
			}
		}
	}
}

// FuzzExtractorsInTextOrder: entities merges the extractors' lists, which
// is the reference's stable sort only while each list is in text order.
func FuzzExtractorsInTextOrder(f *testing.F) {
	for _, s := range referenceSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		starts := func(kind string, xs []int) {
			for i := 1; i < len(xs); i++ {
				if xs[i] < xs[i-1] {
					t.Fatalf("%q: %s out of text order: %v", s, kind, xs)
				}
			}
		}
		var u, m, h, c []int
		for _, x := range extractURLs(s, nil) {
			u = append(u, x.Start)
		}
		for _, x := range extractMentions(s, nil) {
			m = append(m, x.Start)
		}
		for _, x := range extractHashtags(s, nil) {
			h = append(h, x.Start)
		}
		for _, x := range extractCashtags(s, nil) {
			c = append(c, x.Start)
		}
		starts("URLs", u)
		starts("mentions", m)
		starts("hashtags", h)
		starts("cashtags", c)
	})
}

// TestEmojiPropertiesEveryCodePoint: the pictograph bitmaps answer what the
// reference's range searches answer, for every code point.
func TestEmojiPropertiesEveryCodePoint(t *testing.T) {
	for r := rune(0); r <= utf8.MaxRune; r++ {
		if got, want := isEmojiRune(r), isEmojiRuneRef(r); got != want {
			t.Fatalf("%U: isEmojiRune %v, reference %v", r, got, want)
		}
		if got, want := isPresentationRune(r), inRangesRef(emojiPresentationRanges[:], r); got != want {
			t.Fatalf("%U: isPresentationRune %v, reference %v", r, got, want)
		}
	}
}

// TestTLDIndex: every TLD is found under every case, the table keeps the
// load below one half, and names that are not TLDs are not found.
func TestTLDIndex(t *testing.T) {
	if 2*len(tlds) >= tldSlots {
		t.Fatalf("%d TLDs fill more than half of %d slots", len(tlds), tldSlots)
	}
	for _, name := range tlds {
		if !isTLD(name) || !isTLD(strings.ToUpper(name)) {
			t.Fatalf("TLD %q not found", name)
		}
		if isTLD(name+"x") != isTLDRef(name+"x") || isTLD(name[1:]) != isTLDRef(name[1:]) {
			t.Fatalf("neighbours of %q: answer differs from the reference", name)
		}
	}
}
