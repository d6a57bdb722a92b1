package query

import "strings"

// lintFlat is validate for the commonest query shape, a flat conjunction
// of bare words and name:value operators, each with at most one '-'
// (from:XDevelopers -is:retweet), when nothing in it is worth reporting.
// It lexes and checks in one pass without building the tree. It fills in
// r and returns true only when it can show that validateFull would report
// no diagnostic at all; it returns false, leaving r alone, the moment it
// sees anything else: parentheses, quotes, brackets, OR, "--", an unknown
// or unavailable operator, a finding of any check, invalid UTF-8, a length
// near a limit, or unknown options. validate then runs the full path from
// scratch, so everything that is reported is reported by one code path.
//
// The per-clause checks are the full path's own (termChecks,
// operatorChecks, availableQuietly); what the tree walk adds for such a
// query is repeated here: a negation of one clause (checkNot says nothing
// about a single '-' before a word or operator), the AND's language check
// (checkLangs) and the whole-query counts (checkTopLevel). The place of a
// term in the AND only changes the message for a bare "and", which is
// reported wherever it stands, so the flat path passes andNone.
// FuzzFastPathAgrees checks the two paths against each other.
func lintFlat(q string, opts Options, length, units int, format bool, r *Report) bool {
	// Most queries that are not flat say so with their first token (a
	// '(' or a '"'): that is decided before any set-up.
	lx := lexer{src: q}
	t := lx.next()
	if k := t.kind(); k != tkWord && k != tkOperator && k != tkMinus {
		return false
	}
	o, badEndpoint, badTier := normalize(opts)
	maxLen := maxLength(o)
	if badEndpoint || badTier || length > maxLen || units > maxLen || length > countsAllDocumentedLow {
		return false
	}
	var c checker // field by field: a composite literal is copied (see flatOperator)
	c.src, c.opts, c.validUTF8 = q, o, true
	c.epBit, c.level = endpointBit(o.Endpoint), levelOf(o.Tier)
	var fw *formatWriter // nil unless format
	if format {
		fw = &formatWriter{src: q}
	}
	clauses, negated := 0, false
	var lang langSeen
	for ; ; t = lx.next() {
		switch t.kind() {
		case tkEOF:
			if negated || clauses == 0 || c.positive == 0 || c.standalone == 0 {
				return false
			}
			formatted := ""
			if format {
				formatted = fw.String()
			}
			r.Valid, r.Length, r.MaxLength, r.Diagnostics, r.Formatted = true, length, maxLen, c.finish(), formatted
			return true
		case tkMinus:
			if negated {
				return false // "--x": checkNot warns
			}
			negated = true
			continue
		}
		if fw != nil { // what writeExpr prints for an And of such clauses
			if clauses > 0 {
				fw.writeByte(' ')
			}
			if negated {
				fw.writeByte('-')
			}
		}
		switch t.kind() {
		case tkWord:
			if !c.flatTerm(t, negated, fw) {
				return false
			}
		case tkOperator:
			if !c.flatOperator(t, negated, &lang, fw) {
				return false
			}
		default: // a group or a phrase
			return false
		}
		if len(c.diags) > 0 {
			return false
		}
		clauses, negated = clauses+1, false
	}
}

// langSeen is the first lang: operator of the AND not under a negation,
// which checkLangs compares the later ones with.
type langSeen struct {
	first string
	seen  bool
}

// flatTerm checks the bare word t as term does; false means fall back.
func (c *checker) flatTerm(t token, negated bool, fw *formatWriter) bool {
	w := c.src[t.start:t.end]
	if w == "OR" {
		return false // an OR of the full grammar (or a misplaced one)
	}
	var term Term
	term.Text, term.Start, term.Distance, term.Kind, term.Closed = w, t.start, -1, wordKind(w), true
	c.countAtom(negated, Standalone)
	if !c.availableQuietly(&catalogue[termIndex[term.Kind]], false) {
		return false
	}
	c.termChecks(&term, negated, andNone)
	if fw != nil {
		fw.writeString(w)
	}
	return true
}

// flatOperator checks the operator t as operator does, and the AND's
// language rule for it; false means fall back.
func (c *checker) flatOperator(t token, negated bool, lang *langSeen, fw *formatWriter) bool {
	if t.arg() != ArgBare {
		return false // quoted, bracketed or missing argument
	}
	colon := t.aux
	// Field by field, as the parser does (faster than a composite
	// literal in BenchmarkValidate).
	var op Operator
	op.Start, op.Key, op.Colon = t.start, toLowerASCII(c.src[t.start:colon]), colon
	op.Arg, op.Value, op.Closed = ArgBare, c.src[colon+1:t.end], true
	var buf [48]byte
	ref, found := findOperator(lookupKey(buf[:0], &op))
	if !found {
		return false
	}
	info := &catalogue[ref.index]
	c.countAtom(negated, info.Kind)
	if !c.availableQuietly(info, ref.streamDocsOnly) {
		return false
	}
	c.operatorChecks(&op, info, negated)
	if op.Key == "lang" && !negated {
		if !lang.seen {
			lang.first, lang.seen = op.Value, true
		} else if !strings.EqualFold(lang.first, op.Value) {
			return false // checkLangs warns
		}
	}
	if fw != nil {
		writeOperator(fw, c.src, &op)
	}
	return true
}
