package query

import "strings"

// checkTopLevel applies X's whole-query rules: at least one positive
// clause, at least one positive standalone clause, no OR alternative made
// only of negations, and sample: with its ORs grouped.
func (c *checker) checkTopLevel(q *Query) {
	root := unwrapGroups(q.Root)
	start, end := q.Root.Pos(), q.Root.End()
	switch {
	case c.positive == 0:
		c.errorAt(CodeOnlyNegations, start, end,
			"Rules must contain a non-negation term", // X's words, as its rules answer carries them
			snippet(q.Src[start:end])+" only excludes; add a keyword, phrase or standalone operator to match, e.g. cat -grumpy")
	case c.standalone == 0 && c.unclear > 0:
		c.warnAt(CodeStandaloneUnknown, start, end,
			"The query has no clause X documents as standalone; X's table leaves the type of "+c.positiveLabels(q.Root)+" blank, so it may be rejected as not standalone",
			"add a keyword, phrase or standalone operator")
	case c.standalone == 0:
		c.errorAt(CodeConjunctionOnly, start, end,
			"is/has/lang cannot be used as a standalone operator", // X's words, as its rules answer carries them
			c.positiveLabels(q.Root)+" must be combined with a keyword, phrase or standalone operator, e.g. cat has:media")
	}
	if or, ok := root.(*Or); ok {
		c.checkRootBranches(or)
	}
}

func unwrapGroups(x Expr) Expr {
	for {
		g, ok := x.(*Group)
		if !ok || g.X == nil {
			return x
		}
		x = g.X
	}
}

func (c *checker) checkRootBranches(or *Or) {
	for _, br := range or.Clauses {
		switch {
		case !hasPositive(br):
			c.errorAt(CodeNegatedOrBranch, br.Pos(), br.End(),
				"Negated ORs are not allowed: the alternative "+snippet(c.src[br.Pos():br.End()])+" has no positive clause, so the rule would request everything except it",
				"move the negation out of the OR, e.g. apple -ipad instead of apple OR -ipad")
		case c.standalone > 0 && !hasStandalone(br):
			c.warnAt(CodeConjunctionBranch, br.Pos(), br.End(),
				"The OR alternative "+snippet(c.src[br.Pos():br.End()])+" has no standalone clause; X documents the standalone rule for the whole query only",
				"add a keyword to this alternative if X rejects the query")
		}
	}
	if c.sample != nil {
		c.warnAt(CodeSampleUngroupedOr, c.sample.Start, c.sample.End(),
			"sample: applies to the whole rule and X requires OR'd terms to be grouped, but this rule's top level is an OR",
			"put the alternatives in parentheses: (a OR b) sample:10")
	}
}

// checkNestedOr warns about OR alternatives made only of negations below
// the top level: there X's "everything except" reading does not apply, so
// only a warning. (The top-level OR is checkRootBranches' job.)
func (c *checker) checkNestedOr(x *Or) {
	if x == c.rootOr {
		return
	}
	for _, br := range x.Clauses {
		if !hasPositive(br) {
			c.warnAt(CodeNegatedOrBranch, br.Pos(), br.End(),
				"The OR alternative "+snippet(c.src[br.Pos():br.End()])+" has no positive clause; X disallows negated ORs at the top of a rule and its rule for nested ones is undocumented",
				"move the negation out of the OR")
		}
	}
}

// hasPositive reports whether x matches something on its own: some clause
// in it is not negated (for an OR: in every alternative).
func hasPositive(x Expr) bool {
	switch x := x.(type) {
	case *Not:
		return false
	case *Group:
		return x.X == nil || hasPositive(x.X)
	case *And:
		for _, cl := range x.Clauses {
			if hasPositive(cl) {
				return true
			}
		}
		return false
	case *Or:
		for _, cl := range x.Clauses {
			if !hasPositive(cl) {
				return false
			}
		}
	}
	return true
}

// hasStandalone is hasPositive counting only standalone clauses (and those
// X leaves unclassified, and unknown operators, which are errors already).
func hasStandalone(x Expr) bool {
	switch x := x.(type) {
	case *Operator:
		var buf [48]byte
		ref, ok := findOperator(lookupKey(buf[:0], x))
		return !ok || catalogue[ref.index].Kind != ConjunctionRequired
	case *Not:
		return false
	case *Group:
		return x.X == nil || hasStandalone(x.X)
	case *And:
		for _, cl := range x.Clauses {
			if hasStandalone(cl) {
				return true
			}
		}
		return false
	case *Or:
		for _, cl := range x.Clauses {
			if !hasStandalone(cl) {
				return false
			}
		}
	}
	return true
}

// positiveLabels names up to three non-negated operators of x, for the
// standalone messages.
func (c *checker) positiveLabels(x Expr) string {
	var labels []string
	var visit func(Expr)
	visit = func(x Expr) {
		switch x := x.(type) {
		case *Operator:
			if len(labels) < 3 {
				labels = append(labels, c.label(x))
			}
		case *Group:
			if x.X != nil {
				visit(x.X)
			}
		case *And:
			for _, cl := range x.Clauses {
				visit(cl)
			}
		case *Or:
			for _, cl := range x.Clauses {
				visit(cl)
			}
		}
	}
	visit(x)
	return strings.Join(labels, ", ")
}
