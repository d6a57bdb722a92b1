package proxy

import (
	"maps"
	"strings"
	"testing"
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
