package post

import (
	"strings"
	"testing"
)

// hostileRows: inputs built to find quadratic paths or panics in Parse —
// long runs of combining marks (the NFC path), invalid UTF-8, and texts of
// about 100 KB of each shape the fast paths special-case. Each row's
// generator takes a size in bytes (about).
var hostileRows = []struct {
	name string
	gen  func(n int) string
}{
	{"combining-marks-one-class", func(n int) string { return "a" + strings.Repeat("\u0301", n/2) }},
	{"combining-marks-alternating-classes", func(n int) string { return "a" + strings.Repeat("\u0301\u0316", n/4) }},
	{"combining-marks-descending-classes", func(n int) string {
		return "e" + strings.Repeat("\u0301", n/4) + strings.Repeat("\u0316", n/4)
	}},
	{"hangul-jamo", func(n int) string { return strings.Repeat("\u1100\u1161\u11A8", n/9) }},
	{"invalid-utf8", func(n int) string { return strings.Repeat("\xff\xe3\x81\xed\xa0\x80a", n/7) }},
	{"truncated-forms", func(n int) string { return strings.Repeat("\xe3\x81", n/2) + "\xf0\x9f\x9a" }},
	{"ascii", func(n int) string { return strings.Repeat("abcdefgh ", n/9) }},
	{"cjk", func(n int) string { return strings.Repeat("日本語", n/9) }},
	{"emoji-zwj", func(n int) string { return strings.Repeat("👩‍💻", n/11) }},
	{"zwj-chain", func(n int) string { return "👩" + strings.Repeat("\u200d👩", n/7) }},
	{"keycaps", func(n int) string { return strings.Repeat("1\ufe0f\u20e3", n/7) }},
	{"tag-sequence", func(n int) string { return "🏴" + strings.Repeat("\U000E0067", n/4) + "\U000E007F" }},
	{"dots", func(n int) string { return strings.Repeat("a.", n/2) }},
	{"dashed-labels", func(n int) string { return strings.Repeat("-a", n/2) + ".com" }},
	{"urls", func(n int) string { return strings.Repeat("https://example.com/a ", n/22) }},
	{"urls-without-protocol", func(n int) string { return strings.Repeat("x.co ", n/5) }},
	{"mentions-hashtags", func(n int) string { return strings.Repeat("@a #b $C ", n/9) }},
	{"invalid-chars", func(n int) string { return strings.Repeat("\uFFFE\uFEFF", n/6) }},
	{"mixed-post", func(n int) string { return strings.Repeat(benchPost+" ", n/(len(benchPost)+1)) }},
}

// TestParseHostile: on every hostile row at 100 KB, Parse does not panic
// and keeps its ranges inside the text; at 10 KB it gives the reference's
// answer (the reference sorted combining marks in quadratic time, too slow
// for the larger size: 28 s for one row).
func TestParseHostile(t *testing.T) {
	for _, row := range hostileRows {
		t.Run(row.name, func(t *testing.T) {
			big, small := row.gen(100_000), row.gen(10_000)
			if len(big) < 90_000 {
				t.Fatalf("generator made %d bytes", len(big))
			}
			for _, cfg := range []Config{V3(), V2()} {
				checkBounds(t, big, Parse(big, cfg))
				got := Parse(small, cfg)
				checkBounds(t, small, got)
				if want := parseRef(small, cfg); !sameResult(got, want) {
					t.Fatalf("v%d: differs from the reference: weighted %d vs %d, valid %v vs %v, %d vs %d entities",
						cfg.Version, got.WeightedLength, want.WeightedLength, got.ValidRange, want.ValidRange, len(got.Entities), len(want.Entities))
				}
			}
		})
	}
}

// BenchmarkParseHostile runs each hostile row at 10 KB and 100 KB: the
// ns/byte of the two sizes side by side show whether cost stays linear (a
// quadratic path shows as ten times the ns/byte at 100 KB).
func BenchmarkParseHostile(b *testing.B) {
	cfg := V3()
	for _, row := range hostileRows {
		for _, n := range []int{10_000, 100_000} {
			s := row.gen(n)
			b.Run(row.name+"/"+itoa(n/1000)+"KB", func(b *testing.B) {
				b.SetBytes(int64(len(s)))
				for b.Loop() {
					_ = Parse(s, cfg)
				}
			})
		}
	}
}
