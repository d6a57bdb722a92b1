package params

import (
	"net/url"
	"strings"
	"testing"
)

// decodeTo against the standard library's form decoding, at
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

// splitPiece against the obvious splitting with the strings package.
func checkSplitPiece(t *testing.T, s string) {
	end, eq, nameEsc, valueEsc := splitPiece(s)
	wantEnd := strings.IndexByte(s, '&')
	if wantEnd < 0 {
		wantEnd = len(s)
	}
	piece := s[:wantEnd]
	wantEq := strings.IndexByte(piece, '=')
	name, value := piece, ""
	if wantEq >= 0 {
		name, value = piece[:wantEq], piece[wantEq+1:]
	}
	if end != wantEnd || eq != wantEq || nameEsc != strings.ContainsAny(name, "%+") || valueEsc != strings.ContainsAny(value, "%+") {
		t.Errorf("splitPiece(%q) = %d, %d, %v, %v; want %d, %d, %v, %v", s, end, eq, nameEsc, valueEsc,
			wantEnd, wantEq, strings.ContainsAny(name, "%+"), strings.ContainsAny(value, "%+"))
	}
}

func TestSplitPiece(t *testing.T) {
	for _, core := range []string{"", "a", "=", "&", "a=b", "a%3D=b", "a=b%26c", "a+b=c+d&e", "==", "=&=", "%&", "x=%2C&y=1", "max_results=50&query=from%3AX"} {
		for pad := range 17 {
			checkSplitPiece(t, strings.Repeat("x", pad)+core)
			checkSplitPiece(t, core+strings.Repeat("y", pad))
			checkSplitPiece(t, strings.Repeat("x", pad)+core+strings.Repeat("=", 16-pad))
		}
	}
}

func FuzzSplitPiece(f *testing.F) {
	for _, s := range []string{"max_results=50&query=from%3AXDevelopers+-is%3Aretweet", "a=b", "%=&+", "tweet.fields=created_at%2Clang"} {
		f.Add(s)
	}
	f.Fuzz(checkSplitPiece)
}
