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
	b := formatWriter{src: q.Src}
	writeExpr(&b, q.Src, q.Root)
	return b.String()
}

// formatWriter builds Format's output, but while the output matches the
// source byte for byte it only advances through the source: a query that is
// already canonical comes back as the source string itself, without a copy.
type formatWriter struct {
	src      string
	n        int // bytes of output so far that equal src[:n]
	diverged bool
	b        strings.Builder
}

func (w *formatWriter) writeString(s string) {
	if !w.diverged {
		if len(s) <= len(w.src)-w.n && w.src[w.n:w.n+len(s)] == s {
			w.n += len(s)
			return
		}
		w.diverge()
	}
	w.b.WriteString(s)
}

func (w *formatWriter) writeByte(c byte) {
	if !w.diverged {
		if w.n < len(w.src) && w.src[w.n] == c {
			w.n++
			return
		}
		w.diverge()
	}
	w.b.WriteByte(c)
}

func (w *formatWriter) diverge() {
	w.diverged = true
	w.b.Grow(len(w.src) + 16)
	w.b.WriteString(w.src[:w.n])
}

func (w *formatWriter) String() string {
	if !w.diverged {
		return w.src[:w.n]
	}
	return w.b.String()
}

// writeExpr recurses only through groups (bounded by MaxDepth) and through
// And/Or, which only nest inside groups; chains of '-' are printed in a loop.
func writeExpr(b *formatWriter, src string, x Expr) {
	switch x := x.(type) {
	case *Or:
		for i, c := range x.Clauses {
			if i > 0 {
				b.writeString(" OR ")
			}
			writeExpr(b, src, c)
		}
	case *And:
		for i, c := range x.Clauses {
			if i > 0 {
				b.writeByte(' ')
			}
			writeExpr(b, src, c)
		}
	case *Not:
		inner, n := unwrapNot(x)
		for range n {
			b.writeByte('-')
		}
		writeExpr(b, src, inner)
	case *Group:
		b.writeByte('(')
		if x.X != nil {
			writeExpr(b, src, x.X)
		}
		if x.Closed {
			b.writeByte(')')
		}
	case *Term:
		b.writeString(x.Text)
	case *Operator:
		writeOperator(b, src, x)
	case *Bad:
		b.writeString(x.Text)
	}
}

func writeOperator(b *formatWriter, src string, x *Operator) {
	if x.Colon > len(src) || x.Start > x.Colon || src[x.Start:x.Colon] == x.Key {
		b.writeString(x.Key) // already lower case (or not from src)
	} else if _, known := findOperatorName(x.Key); known || x.Key == "is" || x.Key == "has" {
		b.writeString(x.Key)
	} else {
		b.writeString(src[x.Start:x.Colon])
	}
	b.writeByte(':')
	b.writeString(x.Value)
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
