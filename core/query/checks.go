package query

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// deepNestingWarn is the group depth past which the linter warns. X states
// no limit; v1.1 rejected "too complex" queries, so very deep nesting is
// flagged as a risk, never as an error.
const deepNestingWarn = 10

// checker walks a parsed query and collects diagnostics with byte spans.
// Messages are built only when something is found, so a clean query costs
// no formatting.
type checker struct {
	src   string
	opts  Options
	diags []Diagnostic
	// opts as a bit and a flag, so the per-clause checks compare no strings
	epBit EndpointSet
	level *accessLevel

	// Past collectLimit findings are only counted: pathological input
	// (a megabyte of "") must not build a diagnostic per byte.
	dropped    int
	droppedErr bool

	lists, entities int
	deepWarned      bool
	deepSkipped     bool // too-deep reported
	suggested       int  // unknown operators looked up for a did-you-mean
	positive        int  // atoms not under a negation
	standalone      int  // of those, standalone ones
	unclear         int  // of those, operators whose kind X leaves blank
	sample          *Operator
	rootOr          *Or  // the OR at the top of the query, if any
	validUTF8       bool // the source is valid UTF-8
}

// maxSuggestions bounds the did-you-mean look-ups of one query: each
// measures the edit distance to every operator name (tens of µs under
// wasm), and a query of a thousand unknown operators must not pay for each.
const maxSuggestions = 10

// collectLimit bounds the findings kept before sorting; the report then
// keeps maxDiagnostics of them. The walk finds them in source order, so a
// small margin suffices (the whole-query findings come last); each one
// kept costs a message, and a hostile query has thousands.
const collectLimit = maxDiagnostics + 28

func (c *checker) add(sev Severity, code string, start, end int, msg, hint string) {
	if len(c.diags) >= collectLimit {
		c.dropped++
		c.droppedErr = c.droppedErr || sev == SeverityError
		return
	}
	c.diags = append(c.diags, Diagnostic{Code: code, Severity: sev, Message: msg,
		ByteSpan: Range{Start: start, End: end}, Hint: hint})
}

func (c *checker) errorAt(code string, start, end int, msg, hint string) {
	c.add(SeverityError, code, start, end, msg, hint)
}

func (c *checker) warnAt(code string, start, end int, msg, hint string) {
	c.add(SeverityWarning, code, start, end, msg, hint)
}

// checkQuery runs every tree check, then the whole-query rules.
func (c *checker) checkQuery(q *Query) {
	if q.Root == nil {
		c.errorAt(CodeEmptyQuery, 0, len(q.Src),
			"Invalid 'query':"+snippet(q.Src)+". 'query' must be a non-empty string",
			"write at least one keyword, phrase or standalone operator")
		return
	}
	c.rootOr, _ = unwrapGroups(q.Root).(*Or)
	c.walk(q.Root, false, 0, andNone)
	c.checkTopLevel(q)
	if !c.validUTF8 {
		at := firstInvalidUTF8(q.Src)
		c.warnAt(CodeInvalidUTF8, at, at+1,
			"The query is not valid UTF-8 (byte "+strconv.Itoa(at)+"); X receives it percent-encoded and may reject or alter it",
			"send the query as UTF-8 text")
	}
}

func firstInvalidUTF8(s string) int {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return 0
}

// andPlace says where a clause sits in its AND sequence; X rejects a bare
// "and" between two clauses.
type andPlace uint8

const (
	andNone    andPlace = iota // not directly inside an And
	andBetween                 // with a clause on both sides
	andEdge                    // first or last clause
)

func (c *checker) walk(x Expr, negated bool, depth int, place andPlace) {
	switch x := x.(type) {
	case *Or:
		c.checkNestedOr(x)
		for _, cl := range x.Clauses {
			c.walk(cl, negated, depth, andNone)
		}
	case *And:
		c.checkLangs(x, negated)
		for i, cl := range x.Clauses {
			p := andBetween
			if i == 0 || i == len(x.Clauses)-1 {
				p = andEdge
			}
			c.walk(cl, negated, depth, p)
		}
	case *Not:
		c.checkNot(x)
		inner, _ := unwrapNot(x)
		c.walk(inner, true, depth, andNone)
	case *Group:
		depth++
		if depth > deepNestingWarn && !c.deepWarned {
			c.deepWarned = true
			c.warnAt(CodeDeepNesting, x.Lparen, x.Lparen+1,
				"Groups nested "+strconv.Itoa(depth)+" deep: X documents no nesting limit, but very complex queries can fail on X's side",
				"flatten the query where you can")
		}
		if x.X != nil {
			c.walk(x.X, negated, depth, andNone)
		} else {
			c.countAtom(negated, Standalone) // "()" is an error already; don't pile on
		}
	case *Term:
		c.term(x, negated, place)
	case *Operator:
		c.operator(x, negated)
	case *Bad:
		if x.Deep {
			c.tooDeep(x)
		}
		c.countAtom(negated, Standalone) // a syntax error or unchecked; don't pile on
	}
}

// tooDeep warns, once, about groups nested past MaxDepth: their text was
// not parsed, so nothing in it is checked. X documents no nesting limit,
// hence a warning.
func (c *checker) tooDeep(x *Bad) {
	if c.deepSkipped {
		return
	}
	c.deepSkipped = true
	c.warnAt(CodeTooDeep, x.Start, x.End(),
		"Groups nested deeper than "+strconv.Itoa(MaxDepth)+" levels are not checked: X documents no nesting limit, but the linter stops parsing there",
		"flatten the groups; nothing inside the deepest ones was checked")
}

func (c *checker) checkNot(x *Not) {
	inner, n := unwrapNot(x)
	if n > 1 {
		c.warnAt(CodeDoubleNegation, x.Minus, x.Minus+n,
			"'"+strings.Repeat("-", n)+"' negates "+strconv.Itoa(n)+" times: X does not document double negation and treats the clause as negated",
			"use a single '-'")
	}
	if g, ok := inner.(*Group); ok {
		c.warnAt(CodeNegatedGroup, x.Minus, g.End(),
			"Negated group "+snippet(c.src[x.Minus:g.End()])+": X's docs say not to negate grouped operators",
			"negate each clause instead, e.g. skiing -snow -day instead of skiing -(snow OR day)")
	}
}

// countAtom records a clause that is not under a negation for the
// whole-query rules.
func (c *checker) countAtom(negated bool, kind OperatorKind) {
	if negated {
		return
	}
	c.positive++
	switch kind {
	case Standalone:
		c.standalone++
	case KindUnknown:
		c.unclear++
	}
}

func (c *checker) term(t *Term, negated bool, place andPlace) {
	c.countAtom(negated, Standalone)
	info := &catalogue[termIndex[t.Kind]]
	if !c.availableQuietly(info, false) { // the common case skips a call
		c.checkAvailability(info, t, false)
	}
	c.termChecks(t, negated, place)
}

// termChecks is term after the availability check. It never keeps or
// boxes t, so the flat path (flat.go) can hand it a term on its stack.
func (c *checker) termChecks(t *Term, negated bool, place andPlace) {
	switch t.Kind {
	case Keyword:
		c.keyword(t, negated, place)
	case Emoji:
		if hasEmojiModifier(t.Text) {
			c.warnAt(CodeEmojiVariant, t.Start, t.End(),
				"Emoji "+snippet(t.Text)+" carries a variation selector or joiner: X says such emoji must be double-quoted",
				"write \""+t.Text+"\"")
		}
	case Phrase:
		if t.Closed && len(t.Text) == 2 {
			c.warnAt(CodeEmptyPhrase, t.Start, t.End(), "Empty phrase \"\" matches nothing", "remove it")
		}
	case Proximity:
		c.proximity(t)
	}
}

func (c *checker) keyword(t *Term, negated bool, place andPlace) {
	w := t.Text
	switch {
	case len(w) == 3 && strings.EqualFold(w, "and") && !negated:
		msg := "Ambiguous use of " + w + " as a keyword. Use a space to logically join two clauses, or \"" + w + "\" to find occurrences of " + w + " in text"
		if place == andBetween {
			c.errorAt(CodeExplicitAnd, t.Start, t.End(), msg, "remove "+w+": clauses separated by a space are ANDed")
		} else {
			c.warnAt(CodeExplicitAnd, t.Start, t.End(), msg+" (X's rule for a leading or lone and is undocumented)", "quote it as \""+w+"\" or remove it")
		}
	case len(w) == 2 && strings.EqualFold(w, "or") && w != "OR":
		c.warnAt(CodeLowercaseOr, t.Start, t.End(),
			"'"+w+"' is matched as a keyword, not as OR: X's OR operator must be upper-case", "write OR to match either side")
	case w == "-":
		c.warnAt(CodeDanglingMinus, t.Start, t.End(),
			"'-' negates nothing: a negation must touch its clause (-word)", "remove the space after '-', or remove the '-'")
	}
	c.keywordPunctuation(t)
}

// typographicQuotes are the curly and angle quotes that editors substitute
// for straight ones.
const typographicQuotes = "“”„‟‘’‚‛«»"

func (c *checker) keywordPunctuation(t *Term) {
	w := t.Text
	var classes uint8
	for i := 0; i < len(w); i++ {
		classes |= byteClass[w[i]]
	}
	if classes&classSuspect == 0 {
		return // plain ASCII without quotes, brackets or colons
	}
	switch w[0] {
	case '\'':
		c.errorAt(CodeSingleQuote, t.Start, t.Start+1,
			"no viable alternative at character ''': single quotes are not phrase quotes in "+snippet(w),
			"use double quotes for an exact phrase: \"…\"")
	case '[':
		c.errorAt(CodeUnexpectedBracket, t.Start, t.Start+1,
			"no viable alternative at input '[': brackets are only valid after point_radius: or bounding_box:",
			"remove the brackets, or quote the text")
	default:
		if i := strings.IndexByte(w, '\''); i > 0 {
			c.warnAt(CodeSingleQuote, t.Start+i, t.Start+i+1,
				"Single quote inside "+snippet(w)+": X has rejected single quotes as a syntax error (no viable alternative at character ''')",
				"double-quote the keyword: \""+w+"\"")
		}
		if i := strings.IndexAny(w, "[]"); i > 0 {
			c.warnAt(CodeUnexpectedBracket, t.Start+i, t.Start+i+1,
				"Bracket inside "+snippet(w)+": X only expects brackets after point_radius: or bounding_box:", "double-quote the keyword")
		}
	}
	if r, n := utf8.DecodeRuneInString(w); strings.ContainsRune(typographicQuotes, r) {
		c.warnAt(CodeTypographicQuote, t.Start, t.Start+n,
			"Typographic quote "+string(r)+" in "+snippet(w)+" is not a phrase quote: X only groups words inside straight double quotes",
			"replace the curly quotes with \"")
	} else if r, n := utf8.DecodeLastRuneInString(w); strings.ContainsRune(typographicQuotes, r) {
		c.warnAt(CodeTypographicQuote, t.End()-n, t.End(),
			"Typographic quote "+string(r)+" in "+snippet(w)+" is not a phrase quote: X only groups words inside straight double quotes",
			"replace the curly quotes with \"")
	}
	if i := strings.IndexByte(w, ':'); i >= 0 && w[0] != '[' {
		c.warnAt(CodeColonInKeyword, t.Start+i, t.Start+i+1,
			"Colon in keyword "+snippet(w)+": X may read the text before it as an operator name",
			"double-quote the keyword: \""+w+"\"")
	}
}

func (c *checker) proximity(t *Term) {
	switch {
	case t.Distance < 0:
		c.warnAt(CodeMalformedProximity, t.Start, t.End(),
			"Proximity "+snippet(t.Text)+" needs a number after '~' (no source records X's answer)", "write \"k1 k2\"~N with N from 1 to 6")
	case t.Distance > 6:
		c.errorAt(CodeProximityDistance, t.Start, t.End(),
			"Proximity distance ~"+strconv.Itoa(t.Distance)+" is over X's maximum of 6", "use ~6 or less")
	}
}

// checkAvailability reports an operator or term the endpoint or tier does
// not offer.
func (c *checker) checkAvailability(info *OperatorInfo, x Expr, streamDocsAlias bool) {
	if c.availableQuietly(info, streamDocsAlias) {
		return
	}
	ep := c.opts.Endpoint
	switch {
	case info.Endpoints&c.epBit == 0:
		// X's operator pages list each endpoint's operators, but no
		// source records X rejecting one from another page (sample: was
		// even listed for search in 2024-12): a warning.
		where, hint := "filtered-stream rules", "use it in a filtered-stream rule (endpoint stream_rule)"
		switch {
		case ep == StreamRule:
			where, hint = "search and counts queries", "use it in search or counts queries"
		case info.Endpoints != OnStream:
			where, hint = "other endpoints", "check X's operator list for "+string(ep)
		}
		c.warnAt(CodeWrongEndpoint, x.Pos(), x.End(),
			"X documents "+c.label(x)+" only for "+where+", not for "+string(ep)+"; where it is not taken, X answers 400 with: Reference to invalid operator "+c.label(x), hint)
		return
	case streamDocsAlias && c.epBit != OnStream:
		c.warnAt(CodeEndpointUnclear, x.Pos(), x.End(),
			"The name "+c.label(x)+" is documented only for filtered-stream rules", "use the search name "+info.Name)
	case (c.epBit == OnSearchAll || c.epBit == OnCountsAll) && info.Name == "entity:":
		c.warnAt(CodeEndpointUnclear, x.Pos(), x.End(),
			"entity: is documented as available with recent search only", "use search_recent, or check that "+string(ep)+" accepts it")
	}
	switch {
	case info.Availability == Advanced && c.level.advanced == accessNo:
		c.errorAt(CodeWrongTier, x.Pos(), x.End(),
			"Reference to invalid operator "+c.label(x)+". Operator is not available in current product or product packaging (advanced operators are not available on "+string(c.opts.Tier)+")",
			"remove it, or send the query with Enterprise access")
	case info.Availability == Advanced && c.level.advanced == accessUnknown:
		c.warnAt(CodeTierUnclear, x.Pos(), x.End(),
			"X does not document whether the advanced operator "+c.label(x)+" is available on "+string(c.opts.Tier)+
				" (its docs say only \"available when using a Project with certain access levels\"); where it is not, X answers 400 with: Reference to invalid operator "+
				c.label(x)+". Operator is not available in current product or product packaging",
			"Enterprise has it; on "+string(c.opts.Tier)+" send it once and see whether X accepts it")
	case info.Availability == EmbeddingTier && c.level.embedding == accessNo:
		c.errorAt(CodeWrongTier, x.Pos(), x.End(),
			"Reference to invalid operator "+c.label(x)+". Operator is not available in current product or product packaging (it needs Enterprise with the Embedding tier)",
			"remove it")
	case info.Availability == EmbeddingTier:
		c.warnAt(CodeEmbeddingTier, x.Pos(), x.End(),
			c.label(x)+" needs the Embedding tier on top of Enterprise; without it X answers with an unavailable-operator error", "")
	}
}

// availableQuietly reports whether checkAvailability has nothing to say
// about info: every case below it that reports is excluded here.
func (c *checker) availableQuietly(info *OperatorInfo, streamDocsAlias bool) bool {
	return info.Endpoints&c.epBit != 0 &&
		!(streamDocsAlias && c.epBit != OnStream) &&
		!((c.epBit == OnSearchAll || c.epBit == OnCountsAll) && info.Name == "entity:") &&
		!(info.Availability == Advanced && c.level.advanced != accessYes) &&
		info.Availability != EmbeddingTier
}

// label names a clause in messages: 'lang:' for operators, the value too
// for is:/has:, and the kind and text for terms.
func (c *checker) label(x Expr) string {
	switch x := x.(type) {
	case *Operator:
		// X names operators without the colon: 'point_radius', 'has:polls'.
		return "'" + strings.TrimSuffix(x.Label(), ":") + "'"
	case *Term:
		return x.Kind.String() + " " + snippet(x.Text)
	}
	return snippet(c.src[x.Pos():x.End()])
}

// checkLangs warns when one AND sequence requires two different languages:
// a Post has one language, so it matches nothing.
func (c *checker) checkLangs(x *And, negated bool) {
	if negated {
		return
	}
	var first *Operator
	for _, cl := range x.Clauses {
		op, ok := cl.(*Operator)
		if !ok || op.Key != "lang" || op.Arg != ArgBare {
			continue
		}
		if first == nil {
			first = op
		} else if !strings.EqualFold(first.Value, op.Value) {
			c.warnAt(CodeMultipleLang, op.Start, op.End(),
				"lang:"+first.Value+" and lang:"+op.Value+" are both required: a Post has one language, so this matches nothing",
				"join them with OR: (lang:"+first.Value+" OR lang:"+op.Value+")")
			return
		}
	}
}
