package header

import (
	"strings"
	"testing"
)

// TestGetAndFold holds Get and Fold(...).Get to one table: the same rule, two ways to apply it.
func TestGetAndFold(t *testing.T) {
	for _, tc := range []struct {
		name    string
		headers map[string]string
		lookup  string
		want    string
		wantOK  bool
	}{
		{"exact", map[string]string{"date": "d"}, "date", "d", true},
		{"other case", map[string]string{"Content-Type": "application/json"}, "content-type", "application/json", true},
		{"lookup in upper case", map[string]string{"x-rate-limit-reset": "1"}, "X-RATE-LIMIT-RESET", "1", true},
		{"two spellings: the one sorting first", map[string]string{"x-rate-limit-reset": "1", "X-Rate-Limit-Reset": "2"}, "x-rate-limit-reset", "2", true},
		{"three spellings", map[string]string{"date": "c", "DATE": "a", "Date": "b"}, "Date", "a", true},
		{"Kelvin sign folds with k", map[string]string{"\u212aeep-alive": "K"}, "keep-alive", "K", true},
		{"long s folds with s", map[string]string{"x-rate-limit-re\u017fet": "7"}, "x-rate-limit-reset", "7", true},
		{"long s and s: the one sorting first", map[string]string{"x-rate-limit-re\u017fet": "7", "x-rate-limit-reset": "8"}, "X-Rate-Limit-Reset", "8", true},
		{"invalid bytes read as U+FFFD", map[string]string{"x-\xff": "1"}, "x-\xfe", "1", true},
		{"non-ASCII orbit", map[string]string{"x-\u00c9t\u00c9": "e"}, "X-\u00e9T\u00e9", "e", true},
		{"empty value is present", map[string]string{"origin": ""}, "origin", "", true},
		{"absent", map[string]string{"date": "d"}, "retry-after", "", false},
		{"nil map", nil, "date", "", false},
		{"prefix is not a match", map[string]string{"x-rate-limit": "1"}, "x-rate-limit-reset", "", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for range 20 { // map order varies between iterations
				got, ok := Fold(tc.headers).Get(tc.lookup)
				if got != tc.want || ok != tc.wantOK {
					t.Fatalf("Fold(%q).Get(%q) = %q, %v; want %q, %v", tc.headers, tc.lookup, got, ok, tc.want, tc.wantOK)
				}
				if got, ok := Get(tc.headers, tc.lookup); got != tc.want || ok != tc.wantOK {
					t.Fatalf("Get(%q, %q) = %q, %v; want %q, %v", tc.headers, tc.lookup, got, ok, tc.want, tc.wantOK)
				}
			}
		})
	}
}

// TestFoldKeepsAFoldedMap: the Worker's lower-cased map is used as it is.
func TestFoldKeepsAFoldedMap(t *testing.T) {
	h := map[string]string{"date": "d", "x-rate-limit-reset": "1"}
	f := Fold(h)
	h["retry-after"] = "5"
	if v, _ := f.Get("Retry-After"); v != "5" {
		t.Fatalf("Fold copied a map of lower-case names")
	}
	if allocs := testing.AllocsPerRun(100, func() { Fold(h).Get("x-rate-limit-reset") }); allocs != 0 {
		t.Fatalf("Fold and Get of a folded map allocate %v times", allocs)
	}
}

// FuzzFoldIsEqualFold: two names fold alike exactly when strings.EqualFold
// says they match, so Folded.Get finds what Get finds.
func FuzzFoldIsEqualFold(f *testing.F) {
	for _, p := range [][2]string{
		{"x-rate-limit-reset", "X-Rate-Limit-Reset"}, {"keep-alive", "\u212aeep-alive"}, {"s", "\u017f"},
		{"\xff", "\ufffd"}, {"\xff", "\xfe"}, {"\u00e9", "\u00c9"}, {"\u03a3", "\u03c2"}, {"a", "ab"}, {"", ""},
	} {
		f.Add(p[0], p[1])
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		if got, want := fold(a) == fold(b), strings.EqualFold(a, b); got != want {
			t.Fatalf("fold(%q) = %q, fold(%q) = %q; EqualFold says %v", a, fold(a), b, fold(b), want)
		}
		if fold(fold(a)) != fold(a) {
			t.Fatalf("fold(%q) = %q does not fold to itself", a, fold(a))
		}
		h := map[string]string{a: "a", b: "b", strings.ToUpper(a): "A"}
		for _, name := range []string{a, b, strings.ToLower(b)} {
			v1, ok1 := Fold(h).Get(name)
			v2, ok2 := Get(h, name)
			if v1 != v2 || ok1 != ok2 {
				t.Fatalf("in %q, Fold(h).Get(%q) = %q, %v but Get = %q, %v", h, name, v1, ok1, v2, ok2)
			}
		}
	})
}
