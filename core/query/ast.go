package query

// Query is a parsed search query or filtered-stream rule. Root is nil when
// the query holds no clause at all (empty or only whitespace).
type Query struct {
	Src  string
	Root Expr
}

// Expr is a node of the query tree. Pos and End are byte offsets into the
// source, half-open.
type Expr interface {
	Pos() int
	End() int
	expr()
}

// Or is a disjunction of two or more clauses joined by upper-case OR.
type Or struct {
	Clauses []Expr
	// ORs holds the byte offset of each OR keyword, len(Clauses)-1 of them.
	ORs []int
}

// And is two or more clauses joined by whitespace (implicit AND).
type And struct {
	Clauses []Expr
}

// Not is a clause negated by a leading '-'.
type Not struct {
	Minus int // offset of '-'
	X     Expr
}

// Group is a parenthesized clause. X is nil for "()". Closed is false when
// the input ended before the ')'.
type Group struct {
	Lparen int
	X      Expr
	Rparen int // offset of ')', or the end of input when !Closed
	Closed bool
}

// TermKind tells the kinds of plain (non-operator) clause apart.
type TermKind uint8

// The kinds of term.
const (
	Keyword   TermKind = iota // a bare word, matched tokenized
	Phrase                    // "exact phrase"
	Proximity                 // "k1 k2"~N (filtered stream only)
	Hashtag                   // #tag
	Mention                   // @user
	Cashtag                   // $TAG
	Emoji                     // a bare word starting with an emoji
)

var termKindNames = [...]string{"keyword", "phrase", "proximity", "hashtag", "mention", "cashtag", "emoji"}

// String names the kind in lower case, as messages do: "keyword", "hashtag"….
func (k TermKind) String() string {
	if int(k) < len(termKindNames) {
		return termKindNames[k]
	}
	return "term"
}

// Term is a keyword, phrase, proximity phrase, hashtag, mention, cashtag or
// emoji. Text is the source text exactly as written (quotes and escapes
// included).
type Term struct {
	Text     string
	Start    int
	Distance int // for proximity: N in ~N, -1 when missing or not a number
	Kind     TermKind
	Closed   bool // for phrases: the closing quote is present
}

// ArgKind is the lexical shape of an operator's argument.
type ArgKind uint8

// The shapes an operator argument can take.
const (
	ArgNone    ArgKind = iota // "name:" followed by nothing
	ArgBare                   // name:value
	ArgQuoted                 // name:"value"
	ArgBracket                // name:[a b c]
)

// Operator is a name:value clause such as from:jack, lang:en,
// url:"https://x.com" or point_radius:[2.35 48.86 16km].
type Operator struct {
	Start int    // offset of the name
	Key   string // lower-cased name, e.g. "has" for "Has:"
	Value string // argument text as written, quotes/brackets included
	Colon int    // offset of ':'; the name as written is src[Start:Colon]
	Arg   ArgKind
	// Closed is false for a quoted or bracketed argument cut off by the end of input.
	Closed bool
}

// Bad is source text the parser could not place in the tree (a stray ')'
// or a misplaced OR, each reported as an error), or a group nested deeper
// than MaxDepth, kept unparsed (Deep; no error: X documents no nesting
// limit).
type Bad struct {
	Start int
	Text  string
	Deep  bool
}

// Pos and End give each node's byte span, half-open.
func (x *Or) Pos() int       { return x.Clauses[0].Pos() }
func (x *Or) End() int       { return x.Clauses[len(x.Clauses)-1].End() }
func (x *And) Pos() int      { return x.Clauses[0].Pos() }
func (x *And) End() int      { return x.Clauses[len(x.Clauses)-1].End() }
func (x *Not) Pos() int      { return x.Minus }
func (x *Group) Pos() int    { return x.Lparen }
func (x *Term) Pos() int     { return x.Start }
func (x *Term) End() int     { return x.Start + len(x.Text) }
func (x *Operator) Pos() int { return x.Start }
func (x *Operator) End() int { return x.Colon + 1 + len(x.Value) }
func (x *Bad) Pos() int      { return x.Start }
func (x *Bad) End() int      { return x.Start + len(x.Text) }

// End of a negation is the end of what it negates; chains of '-' are
// walked in a loop, not recursively.
func (x *Not) End() int {
	inner, _ := unwrapNot(x)
	return inner.End()
}

// End of a group is just past its ')' (or the end of input when unclosed).
func (x *Group) End() int {
	if x.Closed {
		return x.Rparen + 1
	}
	return x.Rparen
}

// ValueStart is the byte offset of the operator's argument.
func (x *Operator) ValueStart() int { return x.Colon + 1 }

// Label is the operator as users name it in messages, e.g. "has:media" for
// is:/has: (whose value selects the operator) and "lang:" for the rest.
func (x *Operator) Label() string {
	if x.Key == "is" || x.Key == "has" {
		return x.Key + ":" + toLowerASCII(x.Value)
	}
	return x.Key + ":"
}

// Unquoted is the argument without its surrounding quotes, with \" and \\
// escapes resolved; for other shapes it is Value itself.
func (x *Operator) Unquoted() string {
	if x.Arg != ArgQuoted {
		return x.Value
	}
	return unquote(x.Value, x.Closed)
}

// expr seals Expr to this package's node types.
func (*Or) expr()       {}
func (*And) expr()      {}
func (*Not) expr()      {}
func (*Group) expr()    {}
func (*Term) expr()     {}
func (*Operator) expr() {}
func (*Bad) expr()      {}
