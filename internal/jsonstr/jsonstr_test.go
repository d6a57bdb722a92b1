package jsonstr

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/xpreflight/xpreflight/internal/swar"
)

// marshal is the oracle: what encoding/json writes for s.
func marshal(t testing.TB, s string) string {
	t.Helper()
	b, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestAppendStringMatchesEncodingJSON(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"empty", "", `""`},
		{"plain", "GET /2/tweets", `"GET /2/tweets"`},
		{"quote and backslash", `a"b\c`, `"a\"b\\c"`},
		{"short escapes", "\b\f\n\r\t", `"\b\f\n\r\t"`},
		{"other controls", "\x00\x01\x1f", `"\u0000\u0001\u001f"`},
		{"DEL stays", "\x7f", "\"\x7f\""},
		{"html", "<a href='x'>&</a>", `"\u003ca href='x'\u003e\u0026\u003c/a\u003e"`},
		{"line separators", "a\u2028b\u2029c", `"a\u2028b\u2029c"`},
		{"multi-byte kept", "猫 é 🐈", `"猫 é 🐈"`},
		{"invalid byte", "a\xffb", `"a\ufffdb"`},
		{"each invalid byte", "\xc3\x28\xe2\x82", `"\ufffd(\ufffd\ufffd"`},
		{"truncated rune at end", "x\xe2\x80", `"x\ufffd\ufffd"`},
		{"surrogate encoded", "\xed\xa0\x80", `"\ufffd\ufffd\ufffd"`},
		{"U+FFFD itself", "\uFFFD", "\"\uFFFD\""},
		{"escape at both ends", "\"mid\"", `"\"mid\""`},
		{"long plain", strings.Repeat("abc", 100), `"` + strings.Repeat("abc", 100) + `"`},
		{"escape past a plain word", "abcdefgh<ijklmnop\"q", `"abcdefgh\u003cijklmnop\"q"`},
		{"non-ASCII in the ninth byte", "abcdefgh\u00e9\u2028ijklmnopqrstuvwxyz", "\"abcdefgh\u00e9\\u2028ijklmnopqrstuvwxyz\""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := string(AppendString(nil, tt.in))
			if got != tt.want {
				t.Errorf("AppendString(%q) = %s, want %s", tt.in, got, tt.want)
			}
			if oracle := marshal(t, tt.in); got != oracle {
				t.Errorf("AppendString(%q) = %s, encoding/json %s", tt.in, got, oracle)
			}
		})
	}
}

func TestAppendStringKeepsDst(t *testing.T) {
	if got := string(AppendString([]byte(`{"k":`), "v")); got != `{"k":"v"` {
		t.Errorf("got %s", got)
	}
}

func TestEveryASCIIByteMatchesEncodingJSON(t *testing.T) {
	for c := range 0x80 {
		s := "a" + string(rune(c)) + "b"
		if got, want := string(AppendString(nil, s)), marshal(t, s); got != want {
			t.Errorf("byte 0x%02x: got %s, encoding/json %s", c, got, want)
		}
	}
}

func FuzzAppendString(f *testing.F) {
	for _, s := range []string{"", "plain", "\x00\"\\<>&", "\u2028\u2029", "\xff\xfe", "猫\xe2\x80", "\xed\xa0\x80"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := string(AppendString(nil, s)), marshal(t, s); got != want {
			t.Fatalf("AppendString(%q) = %s, encoding/json %s", s, got, want)
		}
	})
}

func BenchmarkAppendString(b *testing.B) {
	s := "GET /2/tweets/search/recent"
	b.Run("jsonstr", func(b *testing.B) {
		buf := make([]byte, 0, 64)
		for b.Loop() {
			buf = AppendString(buf[:0], s)
		}
	})
	b.Run("encoding-json", func(b *testing.B) {
		for b.Loop() {
			json.Marshal(s)
		}
	})
}

// TestNeedsWork: the word test is exact on ASCII-only words and never
// misses a byte that needs escaping, whatever its lane and neighbours.
func TestNeedsWork(t *testing.T) {
	for fill := range 0x80 {
		for b := range 0x100 {
			for lane := range 8 {
				var w [8]byte
				for i := range w {
					w[i] = byte(fill)
				}
				w[lane] = byte(b)
				want := !plain[fill] || !plain[b]
				if got := needsWork(swar.Word(string(w[:]))); got != want {
					t.Fatalf("word %q: needsWork %v, want %v", w, got, want)
				}
			}
		}
	}
}

// BenchmarkPlainPrefix: the word test against a byte loop over a rate key's
// 64 hex digits (the longest string in the Worker's usual answer).
func BenchmarkPlainPrefix(b *testing.B) {
	key := strings.Repeat("f44e6029", 8)
	b.Run("words", func(b *testing.B) {
		for b.Loop() {
			plainPrefix(key)
		}
	})
	b.Run("bytes", func(b *testing.B) {
		for b.Loop() {
			i := 0
			for i < len(key) && plain[key[i]] {
				i++
			}
		}
	})
}
