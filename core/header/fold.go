package header

import (
	"unicode"
	"unicode/utf8"
)

// Folded is a header map keyed by folded names (fold): one entry per name
// however many spellings the map it came from held. Build it with Fold once
// for several lookups; each Get is then one map access, where Get on the
// raw map scans every name.
type Folded map[string]string

// IsFolded reports whether name is folded already (lower-case ASCII): a
// map whose names all are is its own Fold, and Get on it with a folded
// name is one map access.
func IsFolded(name string) bool { return isFolded(name) }

// Fold returns headers keyed by folded names, by Get's rule: of several
// spellings of one name, the value under the spelling that sorts first.
// A map whose names are all lower-case ASCII (the Worker's, wire JSON's as
// X's clients send them) is already folded and is returned as it is: one
// pass over its names, no copy.
func Fold(headers map[string]string) Folded {
	for k := range headers {
		if !isFolded(k) {
			return foldCopy(headers)
		}
	}
	return Folded(headers)
}

// Get returns the value of the named header, the name in any spelling.
func (f Folded) Get(name string) (string, bool) {
	v, ok := f[fold(name)]
	return v, ok
}

// foldCopy is Fold for a map with some name not yet folded.
func foldCopy(headers map[string]string) Folded {
	out := make(Folded, len(headers))
	spelling := make(map[string]string, len(headers)) // folded name → the spelling its value came from
	for k, v := range headers {
		f := fold(k)
		if s, seen := spelling[f]; seen && s < k {
			continue
		}
		out[f], spelling[f] = v, k
	}
	return out
}

// fold maps a name to one spelling of its case-insensitive class, so that
// fold(a) == fold(b) exactly when strings.EqualFold(a, b) (FuzzFoldIsEqualFold):
// EqualFold compares rune by rune (an invalid byte reads as U+FFFD), two
// runes matching when one Unicode simple-folding orbit holds both. Each rune
// becomes its orbit's representative: the lower-case ASCII letter when the
// orbit holds one (so "x-rate-limit-reset" folds to itself, and so do the
// Kelvin sign's and the long s's names: U+212A folds with k, U+017F with s),
// else the orbit's smallest rune.
func fold(s string) string {
	if isFolded(s) {
		return s
	}
	b := make([]byte, 0, len(s))
	for _, r := range s {
		b = utf8.AppendRune(b, representative(r))
	}
	return string(b)
}

// isFolded: lower-case ASCII, which fold leaves as it is.
func isFolded(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			return false
		}
	}
	return true
}

// representative is r's simple-folding orbit's representative (fold).
func representative(r rune) rune {
	best := r
	for o := unicode.SimpleFold(r); o != r; o = unicode.SimpleFold(o) {
		if o < best {
			best = o
		}
	}
	if 'A' <= best && best <= 'Z' {
		best += 'a' - 'A'
	}
	return best
}
