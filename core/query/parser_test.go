package query

import (
	"strconv"
	"strings"
	"testing"
)

// dump prints a tree without spans, for comparing trees.
func dump(x Expr) string {
	var b strings.Builder
	dumpTo(&b, x)
	return b.String()
}

func dumpTo(b *strings.Builder, x Expr) {
	switch x := x.(type) {
	case nil:
		b.WriteString("nil")
	case *Or:
		b.WriteString("Or[")
		for i, c := range x.Clauses {
			if i > 0 {
				b.WriteString(" | ")
			}
			dumpTo(b, c)
		}
		b.WriteString("]")
	case *And:
		b.WriteString("And[")
		for i, c := range x.Clauses {
			if i > 0 {
				b.WriteString(" ")
			}
			dumpTo(b, c)
		}
		b.WriteString("]")
	case *Not:
		b.WriteString("-")
		dumpTo(b, x.X)
	case *Group:
		b.WriteString("(")
		dumpTo(b, x.X)
		if x.Closed {
			b.WriteString(")")
		}
	case *Term:
		b.WriteString(x.Kind.String() + ":" + strconv.Quote(x.Text))
		if x.Kind == Proximity {
			b.WriteString("~" + strconv.Itoa(x.Distance))
		}
	case *Operator:
		b.WriteString("op:" + x.Key + "=" + strconv.Quote(x.Value))
	case *Bad:
		b.WriteString("bad:" + strconv.Quote(x.Text))
	}
}

func TestParseTrees(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", "nil"},
		{"   ", "nil"},
		{"cat", `keyword:"cat"`},
		{"cat has:media -grumpy", `And[keyword:"cat" op:has="media" -keyword:"grumpy"]`},
		{"apple OR iphone ipad", `Or[keyword:"apple" | And[keyword:"iphone" keyword:"ipad"]]`},
		{"ipad iphone OR android", `Or[And[keyword:"ipad" keyword:"iphone"] | keyword:"android"]`},
		{"(a OR b) c", `And[(Or[keyword:"a" | keyword:"b"]) keyword:"c"]`},
		{`"Toys \"R\" Us"`, `phrase:"\"Toys \\\"R\\\" Us\""`},
		{`"social media"~3 x`, `And[proximity:"\"social media\"~3"~3 keyword:"x"]`},
		{"#nowplaying @XDevelopers $TWTR $100", `And[hashtag:"#nowplaying" mention:"@XDevelopers" cashtag:"$TWTR" keyword:"$100"]`},
		{"😀 pizza", `And[emoji:"😀" keyword:"pizza"]`},
		{"point_radius:[2.355128 48.861118 16km]", `op:point_radius="[2.355128 48.861118 16km]"`},
		{"bounding_box:[-105.3 39.9 -105.1 40.1]", `op:bounding_box="[-105.3 39.9 -105.1 40.1]"`},
		{`url:"https://developer.x.com" place:"new york" entity:"Michael Jordan"`,
			`And[op:url="\"https://developer.x.com\"" op:place="\"new york\"" op:entity="\"Michael Jordan\""]`},
		{"context:10.123 followers_count:100..500 sample:10", `And[op:context="10.123" op:followers_count="100..500" op:sample="10"]`},
		{"FROM:jack", `op:from="jack"`},
		{"coca-cola", `keyword:"coca-cola"`},
		{"a - b", `And[keyword:"a" keyword:"-" keyword:"b"]`},
		{"--b", `--keyword:"b"`},
		{"-(a b)", `-(And[keyword:"a" keyword:"b"])`},
		{"a -", `And[keyword:"a" keyword:"-"]`},
		// errors keep every byte in the tree
		{"(a", `(keyword:"a"`},
		{"a)", `And[keyword:"a" bad:")"]`},
		{"a))) b", `And[keyword:"a" bad:")))" keyword:"b"]`},
		{"()", `(nil)`},
		{`"abc`, `phrase:"\"abc"`},
		{"OR a", `And[bad:"OR" keyword:"a"]`},
		{"a OR", `And[keyword:"a" bad:"OR"]`},
		{"a OR OR b", `Or[And[keyword:"a" bad:"OR"] | keyword:"b"]`},
		{"a or b", `And[keyword:"a" keyword:"or" keyword:"b"]`},
		{"-OR", `-keyword:"OR"`},
		{"from: cat", `And[op:from="" keyword:"cat"]`},
		{"point_radius:[1 2", `op:point_radius="[1 2"`},
		{"a(b)", `And[keyword:"a" (keyword:"b")]`},
	}
	for _, tt := range tests {
		q, _ := Parse(tt.in)
		if got := dump(q.Root); got != tt.want {
			t.Errorf("Parse(%q) = %s\nwant %s", tt.in, got, tt.want)
		}
		assertRoundTrip(t, tt.in)
	}
}

// assertRoundTrip checks that Format's output parses to the same tree and
// is a fixed point of Format.
func assertRoundTrip(t *testing.T, in string) {
	t.Helper()
	q, _ := Parse(in)
	out := Format(q)
	q2, _ := Parse(out)
	if a, b := dump(q.Root), dump(q2.Root); a != b {
		t.Errorf("Format(%q) = %q, which parses differently:\n  %s\n  %s", in, out, a, b)
	}
	if out2 := Format(q2); out2 != out {
		t.Errorf("Format is not idempotent on %q: %q then %q", in, out, out2)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		in    string
		codes string // codes in position order
	}{
		{"(a", CodeUnclosedParen},
		{"a)", CodeUnmatchedParen},
		{"()", CodeEmptyGroup},
		{`"abc`, CodeUnterminatedQuote},
		{`url:"abc`, CodeUnterminatedQuote},
		{"point_radius:[1 2 3km", CodeUnclosedBracket},
		{"OR a", CodeMisplacedOr},
		{"a OR", CodeMisplacedOr},
		{"(a OR) b", CodeMisplacedOr},
		{"((a) b", CodeUnclosedParen},
		{"a b (c OR d)", ""},
	}
	for _, tt := range tests {
		_, errs := Parse(tt.in)
		var codes []string
		for _, e := range errs {
			codes = append(codes, e.Code)
			if e.Pos < 0 || e.End > len(tt.in) || e.Pos > e.End {
				t.Errorf("Parse(%q): error span [%d,%d) out of bounds", tt.in, e.Pos, e.End)
			}
		}
		if got := strings.Join(codes, ","); got != tt.codes {
			t.Errorf("Parse(%q) codes = %q, want %q", tt.in, got, tt.codes)
		}
	}
}

func TestParseSpans(t *testing.T) {
	src := `cat -(from:jack OR "x y") #go`
	q, _ := Parse(src)
	and := q.Root.(*And)
	want := []string{"cat", `-(from:jack OR "x y")`, "#go"}
	for i, c := range and.Clauses {
		if got := src[c.Pos():c.End()]; got != want[i] {
			t.Errorf("clause %d spans %q, want %q", i, got, want[i])
		}
	}
	or := and.Clauses[1].(*Not).X.(*Group).X.(*Or)
	if got := src[or.ORs[0] : or.ORs[0]+2]; got != "OR" {
		t.Errorf("OR offset points at %q", got)
	}
	op := or.Clauses[0].(*Operator)
	if got := src[op.ValueStart():op.End()]; got != "jack" {
		t.Errorf("operator value spans %q", got)
	}
}

func TestParseDeepNesting(t *testing.T) {
	for _, n := range []int{MaxDepth - 1, MaxDepth, MaxDepth + 1, 10_000} {
		src := strings.Repeat("(", n) + "a" + strings.Repeat(")", n)
		q, errs := Parse(src)
		if Format(q) != src {
			t.Errorf("depth %d: Format changed the query", n)
		}
		if len(errs) != 0 {
			t.Errorf("depth %d: syntax errors %v, want none (nesting has no documented limit)", n, errs)
		}
		bad := deepestBad(q.Root)
		if deep := n > MaxDepth; (bad != nil) != deep {
			t.Fatalf("depth %d: unparsed deep group = %v, want %v", n, bad, deep)
		}
		if bad != nil && (bad.Start != MaxDepth || bad.End() != len(src)-MaxDepth || !bad.Deep) {
			t.Errorf("depth %d: deep group spans [%d,%d) deep=%v, want [%d,%d) deep", n, bad.Start, bad.End(), bad.Deep, MaxDepth, len(src)-MaxDepth)
		}
	}
	// unclosed, and a million minus signs, stay bounded too
	if _, errs := Parse(strings.Repeat("(", 10_000)); len(errs) == 0 {
		t.Error("10,000 unclosed parentheses gave no error")
	}
	q, _ := Parse(strings.Repeat("-", 1<<20) + "a")
	if _, n := unwrapNot(q.Root); n != 1<<20 {
		t.Errorf("got %d negations", n)
	}
}

// deepestBad follows single-clause groups down to a Bad node.
func deepestBad(x Expr) *Bad {
	for {
		switch y := x.(type) {
		case *Group:
			x = y.X
		case *Bad:
			return y
		default:
			return nil
		}
	}
}
