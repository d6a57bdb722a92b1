package jsonsize

import (
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestString(t *testing.T) {
	for _, s := range []string{"", "cat", `"\`, "\n\r\t\x00\x1f", "<a&b>", "é€😀", "\xff\xfe", "\u2028\u2029", "a\xe2\x82", strings.Repeat("\x01", 100)} {
		out, _ := json.Marshal(s)
		if got := String(s); got != len(out) {
			t.Errorf("String(%q) = %d, json.Marshal writes %d (%s)", s, got, len(out), out)
		}
	}
}

func TestTruncate(t *testing.T) {
	tests := []struct {
		s     string
		limit int
		want  string
	}{
		{"cat", 3, "cat"},
		{"catalogue", 6, "cat…"},
		{"ééé", 5, "é…"}, // "é" is 2 bytes, "…" 3: a second é would not fit
		{"abc", 1, "…"},
	}
	for _, tt := range tests {
		if got := Truncate(tt.s, tt.limit); got != tt.want {
			t.Errorf("Truncate(%q, %d) = %q, want %q", tt.s, tt.limit, got, tt.want)
		}
		if got := Truncate(tt.s, tt.limit); !utf8.ValidString(got) {
			t.Errorf("Truncate(%q, %d) = %q is not valid UTF-8", tt.s, tt.limit, got)
		}
	}
}

func FuzzString(f *testing.F) {
	f.Add("a<b>\x00é\xff\u2028")
	f.Fuzz(func(t *testing.T, s string) {
		out, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		if got := String(s); got != len(out) {
			t.Errorf("String(%q) = %d, json.Marshal writes %d", s, got, len(out))
		}
		if fit, _ := json.Marshal(Fit(s, 64)); len(fit) > 64 {
			t.Errorf("Fit(%q, 64) encodes to %d bytes", s, len(fit))
		}
	})
}

func TestFit(t *testing.T) {
	for _, tt := range []struct {
		s     string
		limit int
	}{
		{strings.Repeat("<", 1000), 100},
		{strings.Repeat("a", 1000), 100},
		{strings.Repeat("é\xff\x01😀", 300), 257},
		{"short", 100},
	} {
		got := Fit(tt.s, tt.limit)
		if String(got) > tt.limit || !utf8.ValidString(strings.ToValidUTF8(got, "")) {
			t.Errorf("Fit(%.20q…, %d) encodes to %d bytes", tt.s, tt.limit, String(got))
		}
		if String(tt.s) <= tt.limit && got != tt.s {
			t.Errorf("Fit changed %q, which fits", tt.s)
		}
		if String(tt.s) > tt.limit && (!strings.HasSuffix(got, "…") || String(got) < tt.limit-12) {
			t.Errorf("Fit(%.20q…, %d) = %d bytes of JSON: not marked, or cut far short", tt.s, tt.limit, String(got))
		}
	}
}
