package query

import "sync"

// MaxDepth is how deeply the parser nests groups. X documents no nesting
// limit, so this is not X's rule but the linter's own bound: every walk over
// the tree (parse, checks, Format) recurses once per group level, and under
// V8 the WebAssembly call stack runs out at about 1,800 levels (measured
// 2026-12-04 in the JS package on Node 20's default stack; the Worker is
// alike). 256 keeps a margin of seven and still parses every balanced query
// that fits pay-per-use's 512 characters (255 levels at most). A group
// nested deeper becomes one Bad node with Deep set, left unchecked; the
// checks warn about it (too-deep).
const MaxDepth = 256

// Syntax error codes reported by Parse.
const (
	CodeUnclosedParen     = "unclosed-paren"
	CodeUnmatchedParen    = "unmatched-paren"
	CodeEmptyGroup        = "empty-group"
	CodeUnterminatedQuote = "unterminated-quote"
	CodeUnclosedBracket   = "unclosed-bracket"
	CodeMisplacedOr       = "misplaced-or"
	CodeTooDeep           = "too-deep" // reported by Validate, not Parse: see MaxDepth
)

type parser struct {
	lx    lexer
	tok   token
	depth int
	errs  ErrorList

	// Nodes come from slabs and clause lists are gathered on one shared
	// stack, so a query costs a handful of allocations, not one per node.
	stack     []Expr
	orStack   []int
	exprs     slab[Expr]
	ints      slab[int]
	ors       slab[Or]
	ands      slab[And]
	terms     slab[Term]
	operators slab[Operator]
	nots      slab[Not]
	groups    slab[Group]
	bads      slab[Bad]

	// Past maxParseErrors syntax errors are only counted: the report
	// lists 100 findings, and a megabyte of stray ')' must not allocate
	// an Error each.
	dropped    int
	droppedErr bool // some dropped error has severity error
}

// maxParseErrors is the checker's collectLimit: no report shows more.
const maxParseErrors = collectLimit

// slab hands out elements of large backing arrays; it never moves an
// element once handed out, so pointers to them stay valid.
type slab[T any] struct{ buf []T }

func (s *slab[T]) take(n int) []T {
	if len(s.buf)+n > cap(s.buf) {
		s.buf = make([]T, 0, max(n, 2*cap(s.buf), 8))
	}
	s.buf = s.buf[:len(s.buf)+n]
	return s.buf[len(s.buf)-n : len(s.buf) : len(s.buf)]
}

func (s *slab[T]) new() *T { return &s.take(1)[0] }

// reserve makes room for n more elements in one array.
func (s *slab[T]) reserve(n int) {
	if cap(s.buf)-len(s.buf) < n {
		s.buf = make([]T, 0, n)
	}
}

// reset drops the elements handed out, zeroing them so the pool holds no
// pointers into old queries. Only the newest array is kept.
func (s *slab[T]) reset() {
	switch n := len(s.buf); {
	case n == 0:
		return // most slabs of a short query are unused: no clearing call
	case n <= 4:
		var zero T
		for i := 0; i < n; i++ { // a few stores cost less than the runtime call
			s.buf[i] = zero
		}
	default:
		clear(s.buf)
	}
	s.buf = s.buf[:0]
}

// Parse parses a search query or filtered-stream rule. It always returns a
// tree covering the whole input (unparseable text becomes Bad nodes) and the
// syntax errors found, sorted by position (the first 400; a report lists
// 100 findings). It never panics, and its recursion is bounded by MaxDepth.
func Parse(src string) (*Query, ErrorList) {
	var p parser
	root, errs := p.parse(src)
	return &Query{Src: src, Root: root}, errs
}

func (p *parser) parse(src string) (Expr, ErrorList) {
	p.lx = lexer{src: src}
	p.depth, p.errs, p.dropped, p.droppedErr = 0, nil, 0, false
	// A clause takes two bytes at least with its separator; typical queries
	// average about eight, which sizes the first slabs (they grow when
	// needed, and pooled parsers keep them).
	guess := min(len(src)/8+1, maxPooledNodes)
	p.terms.reserve(guess)
	p.operators.reserve(guess/2 + 1)
	p.exprs.reserve(guess)
	if p.stack == nil {
		p.stack = make([]Expr, 0, 16)
	}
	p.advance()
	root := p.parseOr()
	p.errs.Sort()
	return root, p.errs
}

// parserPool recycles the slabs of parsers whose tree does not outlive the
// call (Validate's): a clean query then costs almost no allocation.
var parserPool = sync.Pool{New: func() any { return new(parser) }}

// maxPooledNodes keeps a parser that handled a huge input out of the pool.
const maxPooledNodes = 4096

// release clears everything the tree referenced and returns p to the pool.
func (p *parser) release() {
	if cap(p.terms.buf) > maxPooledNodes || cap(p.exprs.buf) > maxPooledNodes || cap(p.stack) > maxPooledNodes {
		return
	}
	p.terms.reset()
	p.operators.reset()
	p.exprs.reset()
	p.nots.reset()
	p.groups.reset()
	p.bads.reset()
	p.ors.reset()
	p.ands.reset()
	p.ints.reset()
	if len(p.stack) > 0 {
		clear(p.stack) // slots past len are cleared as they are popped
	}
	p.stack, p.orStack = p.stack[:0], p.orStack[:0]
	p.lx, p.errs = lexer{}, nil
	parserPool.Put(p)
}

func (p *parser) advance() { p.tok = p.lx.next() }

func (p *parser) text(t token) string { return p.lx.src[t.start:t.end] }

func (p *parser) isOR(t token) bool {
	return t.kind() == tkWord && t.end-t.start == 2 && p.lx.src[t.start] == 'O' && p.lx.src[t.start+1] == 'R'
}

// startsClause reports whether t can begin a clause (an OR cannot).
func (p *parser) startsClause(t token) bool {
	switch t.kind() {
	case tkWord:
		return !p.isOR(t)
	case tkPhrase, tkOperator, tkLparen, tkMinus:
		return true
	}
	return false
}

// parseOr: or = and { "OR" and }. It returns nil when there is no clause.
func (p *parser) parseOr() Expr {
	first := p.parseAnd()
	if first == nil {
		return nil
	}
	if !p.isOR(p.tok) {
		return first
	}
	base, orBase := len(p.stack), len(p.orStack)
	p.stack = append(p.stack, first)
	for p.isOR(p.tok) {
		// parseAnd only stops at an OR that joins two clauses.
		p.orStack = append(p.orStack, p.tok.start)
		p.advance()
		p.stack = append(p.stack, p.parseAnd())
	}
	or := p.ors.new()
	or.Clauses = p.popClauses(base)
	or.ORs = p.ints.take(len(p.orStack) - orBase)
	copy(or.ORs, p.orStack[orBase:])
	p.orStack = p.orStack[:orBase]
	return or
}

// parseAnd: and = unary { unary }. It stops at the end of input, at a ')'
// closing an open group, and at an OR that has a clause on both sides; any
// other OR or ')' becomes a Bad clause with an error.
func (p *parser) parseAnd() Expr {
	base := len(p.stack)
	for {
		switch {
		case p.tok.kind() == tkEOF:
			return p.andOf(base)
		case p.tok.kind() == tkRparen && p.depth > 0:
			return p.andOf(base)
		case p.tok.kind() == tkRparen:
			p.stack = append(p.stack, p.strayParens())
		case p.isOR(p.tok):
			if len(p.stack) > base && p.startsClause(p.peek()) {
				return p.andOf(base)
			}
			p.syntaxError(p.tok.start, p.tok.end, CodeMisplacedOr,
				"OR must join two clauses: nothing to join on one side of this OR", "remove the OR or put a clause on each side of it")
			p.stack = append(p.stack, p.bad(p.tok.start, "OR", false))
			p.advance()
		default:
			p.stack = append(p.stack, p.parseUnary())
		}
	}
}

// andOf pops the clauses gathered since base into an And (or returns the
// single clause, or nil).
func (p *parser) andOf(base int) Expr {
	switch len(p.stack) - base {
	case 0:
		return nil
	case 1:
		x := p.stack[base]
		p.stack[base] = nil // popped slots hold no pointers (see release)
		p.stack = p.stack[:base]
		return x
	}
	and := p.ands.new()
	and.Clauses = p.popClauses(base)
	return and
}

// popClauses moves the clauses gathered since base into an exact-size
// slice.
func (p *parser) popClauses(base int) []Expr {
	clauses := p.exprs.take(len(p.stack) - base)
	copy(clauses, p.stack[base:])
	clear(p.stack[base:])
	p.stack = p.stack[:base]
	return clauses
}

func (p *parser) peek() token {
	saved := p.lx.off
	t := p.lx.next()
	p.lx.off = saved
	return t
}

// strayParens turns adjacent unmatched ')' into one Bad node.
func (p *parser) strayParens() Expr {
	start, end := p.tok.start, p.tok.end
	p.advance()
	for p.tok.kind() == tkRparen && p.tok.start == end {
		end = p.tok.end
		p.advance()
	}
	p.syntaxError(start, end, CodeUnmatchedParen,
		"missing EOF at ')': this ')' closes no '('", "remove it, or add the '(' it was meant to close")
	return p.bad(start, p.lx.src[start:end], false)
}

// syntaxError records a syntax error, or only counts it past
// maxParseErrors.
func (p *parser) syntaxError(pos, end int, code, msg, hint string) {
	if len(p.errs) >= maxParseErrors {
		p.dropped++
		p.droppedErr = p.droppedErr || syntaxSeverity(code) == SeverityError
		return
	}
	p.errs.add(pos, end, code, msg, hint)
}

// bad takes a Bad node from its slab: hostile input (thousands of stray
// ')') makes one per clause.
func (p *parser) bad(start int, text string, deep bool) *Bad {
	b := p.bads.new()
	b.Start, b.Text, b.Deep = start, text, deep
	return b
}

// parseUnary: unary = { "-" } primary. Negations are collected in a loop so
// a long run of '-' cannot deepen the recursion.
func (p *parser) parseUnary() Expr {
	var buf [4]int
	minuses := buf[:0]
	for p.tok.kind() == tkMinus {
		minuses = append(minuses, p.tok.start)
		p.advance()
	}
	x := p.parsePrimary()
	for i := len(minuses) - 1; i >= 0; i-- {
		not := p.nots.new()
		not.Minus, not.X = minuses[i], x
		x = not
	}
	return x
}

// parsePrimary: primary = group | phrase | operator | word. The lexer only
// emits a minus before one of these, so the current token is one of them.
func (p *parser) parsePrimary() Expr {
	t := p.tok
	switch t.kind() {
	case tkLparen:
		return p.parseGroup()
	case tkPhrase:
		p.advance()
		return p.phraseTerm(t)
	case tkOperator:
		p.advance()
		return p.operator(t)
	}
	p.advance()
	term := p.terms.new()
	term.Kind, term.Start, term.Text, term.Closed, term.Distance = wordKind(p.text(t)), t.start, p.text(t), true, -1
	return term
}

func (p *parser) parseGroup() Expr {
	lparen := p.tok.start
	if p.depth >= MaxDepth {
		return p.skipTooDeep()
	}
	p.depth++
	p.advance()
	inner := p.parseOr()
	p.depth--
	g := p.groups.new()
	*g = Group{Lparen: lparen, X: inner}
	if p.tok.kind() == tkRparen {
		g.Rparen, g.Closed = p.tok.start, true
		p.advance()
	} else {
		g.Rparen = p.tok.start
		p.syntaxError(lparen, lparen+1, CodeUnclosedParen,
			"Missing closing parenthesis: this '(' is never closed", "add a ')' where the group ends")
	}
	if inner == nil {
		p.syntaxError(lparen, g.End(), CodeEmptyGroup,
			"Empty parentheses: a group needs at least one clause", "remove the parentheses or put a clause inside")
	}
	return g
}

// skipTooDeep consumes a group nested beyond MaxDepth, up to its matching
// ')' or the end of input, as one Bad node with Deep set. It is no syntax
// error (X documents no nesting limit): Validate warns that the text was
// not checked.
func (p *parser) skipTooDeep() Expr {
	start, open := p.tok.start, 0
	end := start
	for p.tok.kind() != tkEOF {
		switch p.tok.kind() {
		case tkLparen:
			open++
		case tkRparen:
			open--
		}
		end = p.tok.end
		p.advance()
		if open == 0 {
			break
		}
	}
	return p.bad(start, p.lx.src[start:end], true)
}

func (p *parser) phraseTerm(t token) Expr {
	term := p.terms.new()
	*term = Term{Kind: Phrase, Start: t.start, Text: p.text(t), Closed: t.closed(), Distance: -1}
	if t.aux != -2 {
		term.Kind, term.Distance = Proximity, t.aux
	}
	if !t.closed() {
		p.syntaxError(t.start, t.end, CodeUnterminatedQuote,
			"Unterminated quote: the phrase "+snippet(term.Text)+" has no closing '\"'", `add a closing " (write \" for a literal quote inside a phrase)`)
	}
	return term
}

func (p *parser) operator(t token) Expr {
	colon := t.aux
	name := p.lx.src[t.start:colon]
	op := p.operators.new()
	// Every field is set one by one (faster than a composite literal in
	// BenchmarkValidate).
	op.Start, op.Key, op.Colon, op.Arg = t.start, toLowerASCII(name), colon, t.arg()
	op.Value, op.Closed = p.lx.src[colon+1:t.end], t.closed()
	if !t.closed() {
		switch t.arg() {
		case ArgQuoted:
			p.syntaxError(colon+1, t.end, CodeUnterminatedQuote,
				"Unterminated quote: the argument of "+name+": has no closing '\"'", `add a closing "`)
		case ArgBracket:
			p.syntaxError(colon+1, t.end, CodeUnclosedBracket,
				"Missing ']': the argument of "+name+": opens '[' and never closes it", "close the list with ']'")
		}
	}
	return op
}

// wordKind classifies a bare word by its first character.
func wordKind(w string) TermKind {
	if len(w) > 1 {
		switch w[0] {
		case '#':
			return Hashtag
		case '@':
			return Mention
		case '$':
			if isNameStart(w[1]) {
				return Cashtag
			}
		}
	}
	if startsWithEmoji(w) {
		return Emoji
	}
	return Keyword
}
