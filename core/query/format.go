package query

import "strings"

// Format prints q in canonical form: clauses separated by one space, " OR "
// between alternatives, the names of X's operators in lower case (unknown
// names, often words ending in a colon, as written), terms and arguments
// exactly as written. Parsing the result yields the same tree (spans aside),
// including for queries with syntax errors: Bad nodes and unclosed groups or
// quotes print as they were.
func Format(q *Query) string {
	if q == nil || q.Root == nil {
		return ""
	}
	var b strings.Builder
	b.Grow(len(q.Src))
	writeExpr(&b, q.Src, q.Root)
	return b.String()
}

// writeExpr recurses only through groups (bounded by MaxDepth) and through
// And/Or, which only nest inside groups; chains of '-' are printed in a loop.
func writeExpr(b *strings.Builder, src string, x Expr) {
	switch x := x.(type) {
	case *Or:
		for i, c := range x.Clauses {
			if i > 0 {
				b.WriteString(" OR ")
			}
			writeExpr(b, src, c)
		}
	case *And:
		for i, c := range x.Clauses {
			if i > 0 {
				b.WriteByte(' ')
			}
			writeExpr(b, src, c)
		}
	case *Not:
		inner, n := unwrapNot(x)
		for range n {
			b.WriteByte('-')
		}
		writeExpr(b, src, inner)
	case *Group:
		b.WriteByte('(')
		if x.X != nil {
			writeExpr(b, src, x.X)
		}
		if x.Closed {
			b.WriteByte(')')
		}
	case *Term:
		b.WriteString(x.Text)
	case *Operator:
		if x.Colon > len(src) || x.Start > x.Colon || src[x.Start:x.Colon] == x.Key {
			b.WriteString(x.Key) // already lower case (or not from src)
		} else if _, known := operatorIndex[x.Key]; known || x.Key == "is" || x.Key == "has" {
			b.WriteString(x.Key)
		} else {
			b.WriteString(src[x.Start:x.Colon])
		}
		b.WriteByte(':')
		b.WriteString(x.Value)
	case *Bad:
		b.WriteString(x.Text)
	}
}

// unwrapNot strips a chain of negations and returns what they negate and
// how many there were.
func unwrapNot(x Expr) (Expr, int) {
	n := 0
	for {
		not, ok := x.(*Not)
		if !ok {
			return x, n
		}
		x = not.X
		n++
	}
}
