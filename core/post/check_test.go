package post

import (
	"strings"
	"testing"
)

// TestCheck: the decision table of doc.go, one row per finding, plus
// hostile inputs that must stay linear and in bounds.
func TestCheck(t *testing.T) {
	long := strings.Repeat("x", 281)
	cases := []struct {
		name  string
		text  string
		long  LongPosts
		valid bool
		codes string // severity:code, comma-separated
		span  Span   // of the first diagnostic
	}{
		{"fits", "hello", LongPostsUnknown, true, "", Span{}},
		{"empty", "", LongPostsDenied, true, "warning:post-empty", Span{0, 0}},
		{"281 denied", long, LongPostsDenied, false, "error:post-too-long", Span{280, 281}},
		{"281 unknown", long, LongPostsUnknown, true, "warning:post-long-form", Span{280, 281}},
		{"281 allowed", long, LongPostsAllowed, true, "", Span{}},
		{"invalid char", "ab\uFFFEcd", LongPostsUnknown, false, "error:post-invalid-character", Span{2, 3}},
		{"BOM", "\uFEFFhi", LongPostsUnknown, false, "error:post-invalid-character", Span{0, 1}},
		{"over 25,000 code points", strings.Repeat("a", 25001), LongPostsAllowed, false, "error:post-too-long", Span{25000, 25001}},
		{"25,000 CJK weigh 50,000", strings.Repeat("語", 25000), LongPostsAllowed, true, "warning:post-long-form", Span{12500, 25000}},
		{"URL counts 23", "https://example.com/" + strings.Repeat("a", 400), LongPostsDenied, true, "", Span{}},
		{"hostile dots", strings.Repeat("a.", 20000), LongPostsAllowed, false, "error:post-too-long", Span{25000, 40000}},
		{"hostile dashes", strings.Repeat("-a", 12000) + ".com", LongPostsAllowed, true, "", Span{}},
		{"hostile CJK run with dot", strings.Repeat("語", 10000) + ".x", LongPostsAllowed, true, "", Span{}},
	}
	for _, c := range cases {
		r := Check(c.text, Options{LongPosts: c.long})
		var codes []string
		for _, d := range r.Diagnostics {
			codes = append(codes, d.Severity+":"+d.Code)
			if d.Message == "" || d.ByteSpan.End > len(c.text) || d.ByteSpan.Start > d.ByteSpan.End {
				t.Errorf("%s: bad diagnostic %+v", c.name, d)
			}
		}
		if got := strings.Join(codes, ","); got != c.codes || r.Valid != c.valid {
			t.Errorf("%s: valid %v codes %q, want %v %q", c.name, r.Valid, got, c.valid, c.codes)
			continue
		}
		if len(r.Diagnostics) > 0 && r.Diagnostics[0].Span != c.span {
			t.Errorf("%s: span %v, want %v", c.name, r.Diagnostics[0].Span, c.span)
		}
	}
}

// TestNormalizationShiftsValidRange: twitter-text measures the NFC form; a
// decomposed character before the cut moves the valid end back by one.
func TestNormalizationShiftsValidRange(t *testing.T) {
	text := strings.Repeat("x", 279) + "A\u0301" + "yz" // NFC: 279 + Á + yz = 282
	r := Parse(text, V3())
	if r.WeightedLength != 282 || r.ValidRange.End != 281 || r.DisplayRange.End != 283 {
		t.Fatalf("got %d %v %v", r.WeightedLength, r.ValidRange, r.DisplayRange)
	}
}
