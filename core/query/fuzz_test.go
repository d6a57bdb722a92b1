package query

import (
	"reflect"
	"testing"
	"unicode/utf16"
	"unicode/utf8"
)

// FuzzParse checks, for any input: no panic; Diagnose reports what
// Validate reports; Length counts code points and UTF-16 units; every node and error span lies
// within the input; Format's output parses to the same tree and is a fixed
// point; Validate's spans are in bounds in bytes and in UTF-16 units and
// its verdict agrees with its diagnostics. Seeds: X's docs examples and the
// golden inputs.
func FuzzParse(f *testing.F) {
	addSeedQueries(f)
	f.Fuzz(func(t *testing.T, src string) {
		q, errs := Parse(src)
		checkSpans(t, src, q.Root)
		for _, e := range errs {
			if e.Pos < 0 || e.Pos > e.End || e.End > len(src) {
				t.Fatalf("error %v: span [%d,%d) outside %d bytes", e, e.Pos, e.End, len(src))
			}
		}
		out := Format(q)
		q2, _ := Parse(out)
		if a, b := dump(q.Root), dump(q2.Root); a != b {
			t.Fatalf("Format(%q) = %q parses to a different tree:\n%s\n%s", src, out, a, b)
		}
		if out2 := Format(q2); out2 != out {
			t.Fatalf("Format not idempotent: %q → %q → %q", src, out, out2)
		}
		for _, opts := range []Options{{}, {Endpoint: StreamRule, Tier: Enterprise}} {
			r := Validate(src, opts)
			units := len(utf16.Encode([]rune(src)))
			hasError := false
			for _, d := range r.Diagnostics {
				hasError = hasError || d.Severity == SeverityError
				if d.ByteSpan.Start < 0 || d.ByteSpan.Start > d.ByteSpan.End || d.ByteSpan.End > len(src) ||
					d.Span.Start < 0 || d.Span.Start > d.Span.End || d.Span.End > units {
					t.Fatalf("Validate(%q): diagnostic %+v out of bounds (%d bytes, %d units)", src, d, len(src), units)
				}
			}
			if r.Valid == hasError || r.Diagnostics == nil {
				t.Fatalf("Validate(%q): valid=%v but diagnostics %+v", src, r.Valid, r.Diagnostics)
			}
			if d := Diagnose(src, opts); !reflect.DeepEqual(d, r.Diagnostics) {
				t.Fatalf("Diagnose(%q) = %+v, Validate says %+v", src, d, r.Diagnostics)
			}
			if cp, u := Length(src); cp != utf8.RuneCountInString(src) || u != units {
				t.Fatalf("Length(%q) = %d, %d; want %d, %d", src, cp, u, utf8.RuneCountInString(src), units)
			}
		}
	})
}

// checkSpans walks the tree (groups recursively, negation chains in a loop)
// and checks that every node lies within src and inside its parent.
func checkSpans(t *testing.T, src string, x Expr) {
	t.Helper()
	if x == nil {
		return
	}
	if x.Pos() < 0 || x.Pos() > x.End() || x.End() > len(src) {
		t.Fatalf("node %T spans [%d,%d) outside %d bytes of %q", x, x.Pos(), x.End(), len(src), src)
	}
	var kids []Expr
	switch x := x.(type) {
	case *Or:
		kids = x.Clauses
	case *And:
		kids = x.Clauses
	case *Not:
		inner, _ := unwrapNot(x)
		kids = []Expr{inner}
	case *Group:
		kids = []Expr{x.X}
	case *Term:
		if src[x.Start:x.End()] != x.Text {
			t.Fatalf("term text %q is not the source at its span", x.Text)
		}
	case *Operator:
		if got := src[x.Start:x.Colon]; toLowerASCII(got) != x.Key {
			t.Fatalf("operator key %q, source %q", x.Key, got)
		}
	}
	for _, k := range kids {
		if k != nil && (k.Pos() < x.Pos() || k.End() > x.End()) {
			t.Fatalf("child %T [%d,%d) outside parent %T [%d,%d)", k, k.Pos(), k.End(), x, x.Pos(), x.End())
		}
		checkSpans(t, src, k)
	}
}
