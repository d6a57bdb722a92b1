package post

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzParse: no panic; every range and span lies inside the text; byte and
// UTF-16 spans agree; the weighted length never shrinks when text is
// appended (with a space between, so the appended text cannot merge into a
// URL or emoji sequence that then counts less than its parts).
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"", "Hi http://test.co", "😷👾 #tag @user $CASH", "foo.co.jp/path?q=1", "🏴󠁧󠁢󠁥󠁮󠁧󠁿 1️⃣ 👨‍👩‍👧‍👦",
		"http://あいうえお.com", "a-b_c.d-e.com", "\uFFFE\uFEFF", "RT@x:@y", "#\U00020021", "Aשּׁ",
		strings.Repeat("a.", 200), strings.Repeat("-a", 200) + ".com", "\xff\xfe",
	} {
		f.Add(s, " more text")
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		for _, cfg := range []Config{V2(), V3()} {
			ra := Parse(a, cfg)
			checkBounds(t, a, ra)
			rb := Parse(a+" "+b, cfg)
			if rb.WeightedLength < ra.WeightedLength {
				t.Fatalf("v%d: %q weighs %d but %q weighs %d", cfg.Version, a, ra.WeightedLength, a+" "+b, rb.WeightedLength)
			}
		}
	})
}

func checkBounds(t *testing.T, s string, r Result) {
	t.Helper()
	n := utf16Len(s)
	if r.DisplayRange != (Span{0, n}) {
		t.Fatalf("%q: display range %v, want [0,%d)", s, r.DisplayRange, n)
	}
	if r.ValidRange.Start != 0 || r.ValidRange.End < 0 || r.ValidRange.End > n {
		t.Fatalf("%q: valid range %v outside [0,%d)", s, r.ValidRange, n)
	}
	if r.WeightedLength < 0 || r.Permillage < 0 || r.Valid && (r.WeightedLength == 0 || r.WeightedLength > r.MaxLength) {
		t.Fatalf("%q: inconsistent %+v", s, r)
	}
	prevEnd := 0
	for _, e := range r.Entities {
		if e.Span.Start < prevEnd || e.Span.Start >= e.Span.End || e.Span.End > n {
			t.Fatalf("%q: entity %+v out of order or bounds", s, e)
		}
		if e.ByteSpan.Start < 0 || e.ByteSpan.End > len(s) || utf16Span(s, e.ByteSpan) != e.Span {
			t.Fatalf("%q: entity %+v: byte and UTF-16 spans disagree", s, e)
		}
		if e.Kind != KindURL && !utf8.ValidString(e.Text) && utf8.ValidString(s) {
			t.Fatalf("%q: entity text %q is not UTF-8", s, e.Text)
		}
		prevEnd = e.Span.End
	}
}
