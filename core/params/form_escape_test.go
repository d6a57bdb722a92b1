package params

import (
	"net/url"
	"strings"
	"testing"
)

// decodeTo and hasEscape against the standard library's form decoding, at
// every alignment of the escapes within a word.
func TestDecodeToMatchesQueryUnescape(t *testing.T) {
	var cases []string
	for _, core := range []string{"", "a", "%41", "+", "%2C", "%", "%4", "%zz", "%e2%9c%93", "a+b%20c", "%%41", "++", "abcdefgh"} {
		for pad := range 17 {
			cases = append(cases, strings.Repeat("x", pad)+core, core+strings.Repeat("y", pad), strings.Repeat("x", pad)+core+strings.Repeat("y", 16-pad))
		}
	}
	for _, s := range cases {
		want, err := url.QueryUnescape(s)
		dst := make([]byte, len(s))
		n, ok := decodeTo(dst, s)
		if ok != (err == nil) {
			t.Errorf("decodeTo(%q) ok = %v, QueryUnescape err = %v", s, ok, err)
			continue
		}
		if ok && string(dst[:n]) != want {
			t.Errorf("decodeTo(%q) = %q, want %q", s, dst[:n], want)
		}
		if got := hasEscape(s); got != strings.ContainsAny(s, "%+") {
			t.Errorf("hasEscape(%q) = %v", s, got)
		}
	}
}

func FuzzDecodeTo(f *testing.F) {
	for _, s := range []string{"from%3AXDevelopers+-is%3Aretweet", "created_at%2Cpublic_metrics%2Clang", "%", "a%4", "%E2%9C%93+x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want, err := url.QueryUnescape(s)
		dst := make([]byte, len(s))
		n, ok := decodeTo(dst, s)
		if ok != (err == nil) || ok && string(dst[:n]) != want {
			t.Errorf("decodeTo(%q) = %q, %v; QueryUnescape = %q, %v", s, dst[:n], ok, want, err)
		}
		if hasEscape(s) != strings.ContainsAny(s, "%+") {
			t.Errorf("hasEscape(%q) wrong", s)
		}
	})
}

func BenchmarkDecodeTo(b *testing.B) {
	pieces := []string{"from%3AXDevelopers+-is%3Aretweet", "created_at%2Cpublic_metrics%2Clang"}
	dst := make([]byte, 64)
	for b.Loop() {
		for _, s := range pieces {
			decodeTo(dst, s)
		}
	}
}
