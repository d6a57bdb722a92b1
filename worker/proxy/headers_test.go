package proxy

import (
	"maps"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/xpreflight/xpreflight/internal/swar"
)

// parseLinesByCut is ParseHeaderLines as it was before nameEnd: the
// reference FuzzAddLinesAsCut holds it to.
func parseLinesByCut(s string) Headers {
	h := Headers{}
	for s != "" {
		var line string
		line, s, _ = strings.Cut(s, "\n")
		name, value, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		h[strings.ToLower(strings.TrimSpace(name))] = strings.TrimSpace(value)
	}
	return h
}

// FuzzAddLinesAsCut: ParseHeaderLines, and AddLines onto a map holding a
// header, read what the two strings.Cut calls and strings.ToLower read.
func FuzzAddLinesAsCut(f *testing.F) {
	for _, s := range []string{
		"Authorization: Bearer a:b\nx-empty:\nno colon here\nOrigin:  https://app.example \n",
		"x-rate-limit-reset: 1\nX-Rate-Limit-Reset: 2\n", "\u212aeep-alive: k\n", " Name : v\r\n", ":\n\n:x", "\xff:1",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, want := ParseHeaderLines(s), parseLinesByCut(s)
		if !maps.Equal(got, want) {
			t.Fatalf("ParseHeaderLines(%q) = %q, want %q", s, got, want)
		}
		kept, wantKept := Headers{"x-kept": "1"}, Headers{"x-kept": "1"}
		kept.AddLines(s)
		maps.Copy(wantKept, want)
		if !maps.Equal(kept, wantKept) {
			t.Fatalf("AddLines(%q) onto a map = %q, want %q", s, kept, wantKept)
		}
	})
}

// TestAddLinesFolded: AddLines says its names are folded exactly when each
// name it stores (lower-cased) is lower-case ASCII: the Kelvin sign
// lower-cases to k, the long s stays itself (and folds with s).
func TestAddLinesFolded(t *testing.T) {
	for _, tc := range []struct {
		lines string
		want  bool
	}{
		{"", true},
		{"accept: */*\nauthorization: Bearer A\n", true},
		{"Authorization: Bearer A\nOrigin: https://x\n", true}, // lower-cased to folded names
		{"no colon here\n", true},
		{"x-rate-limit-re\u017fet: 1\n", false}, // ſ: a spelling of x-rate-limit-reset to EqualFold
		{"\u212aeep-alive: k\n", true},          // stored as keep-alive
		{"x-a: \u212a\n", true},                 // a value is not a name
		{"\xff: 1\n", false},
		{"ok: 1\nx-\u00e9: 2\n", false},
	} {
		if got := (Headers{}).AddLines(tc.lines); got != tc.want {
			t.Errorf("AddLines(%q) folded = %v, want %v", tc.lines, got, tc.want)
		}
	}
}

// FuzzHeadersFolded: AddLines' folded is true only when every name it
// added is folded, and then lookup answers as Get for any name; Decide and
// Annotate answer the same with HeadersFolded set as without it.
func FuzzHeadersFolded(f *testing.F) {
	for _, s := range []string{
		"authorization: Bearer A\nx-preflight-tier: pro\n", "Authorization: Bearer a\nAUTHORIZATION: Bearer b\n",
		"x-rate-limit-remaining: 0\nx-rate-limit-reset: 1700000900\nx-rate-limit-limit: 1\n",
		"x-rate-limit-re\u017fet: 1700000900\nx-rate-limit-remaining: 0\n", "origin: https://public.example\ncf-connecting-ip: 1\n",
		"X-App-Limit-24hour-Remaining: 0\nx-app-limit-24hour-reset: 1700000950\n", "\u212a: 1\nk: 2\n",
	} {
		f.Add(s, "authorization")
	}
	g, err := NewGate(Config{AllowedOrigins: "https://app.example", Keys: testKey, Token: "SERVERTOKEN",
		PublicReadOrigins: "https://public.example", PublicRateLimiter: true})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, lines, name string) {
		h := Headers{}
		folded := h.AddLines(lines)
		if folded {
			for k := range h {
				if strings.ToLower(k) != k || !isASCII(k) {
					t.Fatalf("AddLines(%q) says folded, with the name %q", lines, k)
				}
			}
		}
		if got, want := h.lookup(name, folded), h.Get(name); got != want {
			t.Fatalf("lookup(%q) = %q, Get %q (headers %q)", name, got, want, lines)
		}
		for _, target := range []string{"/2/tweets/search/recent?query=cats", "/2/tweets/search/stream", "/2/users/me"} {
			in := Inbound{Method: "GET", Target: target, Headers: h, Now: 1_700_000_000_000}
			want := g.Decide(in)
			in.HeadersFolded = folded
			if got := g.Decide(in); !reflect.DeepEqual(got, want) {
				t.Fatalf("Decide(%q) with HeadersFolded %v = %+v, without %+v", lines, folded, got, want)
			}
		}
		body := `{"data":[]}`
		out := Outbound{Method: "GET", Target: "/2/tweets", Status: 429, Headers: h, Body: &body, Now: 1_700_000_000_000, Random: 0.5}
		want := Annotate(out)
		out.HeadersFolded = folded
		if got := Annotate(out); !reflect.DeepEqual(got, want) {
			t.Fatalf("Annotate(%q) with HeadersFolded %v = %+v, without %+v", lines, folded, got, want)
		}
	})
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// referenceNameEnd is nameEnd as it was, byte by byte: FuzzNameEnd and
// TestNameEndWords hold nameEnd to it.
func referenceNameEnd(line string) (colon int, lower bool) {
	lower = true
	for i := 0; i < len(line); i++ {
		switch c := line[i]; {
		case c == ':':
			return i, lower
		case 'A' <= c && c <= 'Z' || c >= utf8.RuneSelf:
			lower = false
		}
	}
	return -1, lower
}

// TestNameEndWords: the colon, an upper-case letter, its neighbours '@' and
// '[', and non-ASCII bytes (those whose carry reaches the next lane among
// them) at every lane of the first two words, on either side of the colon.
func TestNameEndWords(t *testing.T) {
	for _, tc := range []struct {
		line  string
		colon int
		lower bool
	}{
		{"x-rate-limit-reset: 1", 18, true},
		{"x-rate-limit-Reset: 1", 18, false},
		{"x-rate-l: 1", 8, true},
		{"Accept:x", 6, false},
		{"accept:X", 6, true},
		{"x-\u00e9: 1", 4, false},
		{"abcdefg:\xff", 7, true},
		{"\xffbcdefg:", 7, false},
		{"@[`{:", 4, true},
		{"no colon here", -1, true},
		{"NO COLON", -1, false},
		{"", -1, true},
	} {
		colon, lower := nameEnd(tc.line)
		if colon != tc.colon || lower != tc.lower {
			t.Errorf("nameEnd(%q) = %d, %v, want %d, %v", tc.line, colon, lower, tc.colon, tc.lower)
		}
	}
	for _, b := range []byte{':', 'A', 'Z', '@', '[', 'a', 0x7f, 0x80, 0xc0, 0xc1, 0xff} {
		for _, fill := range []byte{'x', 0xff, 'Q'} {
			for at := range 2*swar.Size + 1 {
				for colonAt := range 2*swar.Size + 2 {
					line := []byte(strings.Repeat(string(rune(0)), 2*swar.Size+2))
					for i := range line {
						line[i] = fill
					}
					line[colonAt] = ':'
					if at != colonAt {
						line[at] = b
					}
					colon, lower := nameEnd(string(line))
					rcolon, rlower := referenceNameEnd(string(line))
					if colon != rcolon || lower != rlower {
						t.Fatalf("nameEnd(%q) = %d, %v, reference %d, %v", line, colon, lower, rcolon, rlower)
					}
				}
			}
		}
	}
}

func FuzzNameEnd(f *testing.F) {
	for _, s := range []string{"x-rate-limit-reset: 1", "Accept: x", "\xffbcdefg:", "abc", "@[`{:Z"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		colon, lower := nameEnd(line)
		if rcolon, rlower := referenceNameEnd(line); colon != rcolon || lower != rlower {
			t.Fatalf("nameEnd(%q) = %d, %v, reference %d, %v", line, colon, lower, rcolon, rlower)
		}
	})
}

// BenchmarkNameEnd: nameEnd against the byte-by-byte reference on X's
// header lines.
func BenchmarkNameEnd(b *testing.B) {
	lines := strings.Split("api-version: 2.167\nconnection: keep-alive\ncontent-type: application/json; charset=utf-8\n"+
		"date: Tue, 14 Nov 2023 22:13:20 GMT\nkeep-alive: timeout=5\nset-cookie: guest_id=v1%3A1; Path=/, lang=en; Path=/\n"+
		"transfer-encoding: chunked\nx-access-level: read\nx-rate-limit-limit: 450\nx-rate-limit-remaining: 449\n"+
		"x-rate-limit-reset: 1900000900\nx-transaction-id: a1b2c3d4e5", "\n")
	for _, f := range []struct {
		name string
		end  func(string) (int, bool)
	}{{"nameEnd", nameEnd}, {"reference", referenceNameEnd}} {
		b.Run(f.name, func(b *testing.B) {
			for b.Loop() {
				for _, l := range lines {
					f.end(l)
				}
			}
		})
	}
}
