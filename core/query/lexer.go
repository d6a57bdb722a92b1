package query

// tokenKind classifies a lexeme. Words cover keywords, OR, hashtags and the
// like; the parser tells them apart.
type tokenKind uint8

const (
	tkEOF      tokenKind = iota
	tkWord               // a run of non-delimiter bytes
	tkPhrase             // "…" with an optional ~N suffix
	tkOperator           // name:value
	tkLparen             // (
	tkRparen             // )
	tkMinus              // '-' directly before a clause
)

// token has four fields, no more: a fifth cost a tenth of the linter's
// time on short queries (BenchmarkValidateShort).
type token struct {
	start, end int
	// aux is, for tkPhrase, N of ~N (-2: no suffix, -1: '~' without a
	// number); for tkOperator, the offset of the colon.
	aux int
	tag tokenTag
}

// tokenTag packs a token's kind, its argument shape (for tkOperator) and
// whether its closing quote or bracket is present (for tkPhrase and
// tkOperator).
type tokenTag uint16

func tagOf(kind tokenKind, arg ArgKind, closed bool) tokenTag {
	t := tokenTag(kind) | tokenTag(arg)<<4
	if closed {
		t |= 1 << 8
	}
	return t
}

func (t token) kind() tokenKind { return tokenKind(t.tag & 0xF) }
func (t token) arg() ArgKind    { return ArgKind(t.tag >> 4 & 0xF) }
func (t token) closed() bool    { return t.tag&(1<<8) != 0 }

// lexer splits a query into tokens. It works on bytes: every delimiter is
// ASCII, so invalid UTF-8 and multi-byte runes simply land inside words.
type lexer struct {
	src string
	off int
}

// byteClass flags, looked up per byte: the lexer's inner loops run on them.
const (
	classSpace     = 1 << iota // ASCII whitespace: the only clause separators (see doc.go)
	classDelim                 // ends a bare word or bare operator value: space ( ) "
	classNameStart             // starts an operator name: letter or _
	className                  // continues an operator name: letter, digit or _
	classSuspect               // a byte some keyword check looks at: ' [ ] : or any non-ASCII byte
)

var byteClass = func() (t [256]uint8) {
	for _, c := range []byte(" \t\n\r\f\v") {
		t[c] = classSpace | classDelim
	}
	for _, c := range []byte(`()"`) {
		t[c] = classDelim
	}
	for _, c := range []byte("'[]:") {
		t[c] |= classSuspect
	}
	for c := 0; c < 256; c++ {
		if c >= 0x80 {
			t[c] |= classSuspect
		}
		switch {
		case c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
			t[c] |= classNameStart | className
		case '0' <= c && c <= '9':
			t[c] |= className
		}
	}
	return t
}()

func isSpace(c byte) bool { return byteClass[c]&classSpace != 0 }

func isDelim(c byte) bool { return byteClass[c]&classDelim != 0 }

func isNameStart(c byte) bool { return byteClass[c]&classNameStart != 0 }

func isNameByte(c byte) bool { return byteClass[c]&className != 0 }

func (l *lexer) next() token {
	for l.off < len(l.src) && isSpace(l.src[l.off]) {
		l.off++
	}
	start := l.off
	if start >= len(l.src) {
		return token{tag: tagOf(tkEOF, 0, false), start: start, end: start}
	}
	switch c := l.src[start]; c {
	case '(':
		l.off++
		return token{tag: tagOf(tkLparen, 0, false), start: start, end: l.off}
	case ')':
		l.off++
		return token{tag: tagOf(tkRparen, 0, false), start: start, end: l.off}
	case '"':
		return l.phrase()
	case '-':
		if start+1 < len(l.src) && !isSpace(l.src[start+1]) && l.src[start+1] != ')' {
			l.off++
			return token{tag: tagOf(tkMinus, 0, false), start: start, end: l.off}
		}
	}
	// One pass over the word: it is an operator when a run of name bytes,
	// starting with a letter or _, reaches a ':'. Every byte here is a
	// non-delimiter, so the word is never empty.
	i := start
	if isNameStart(l.src[i]) {
		for i++; i < len(l.src) && isNameByte(l.src[i]); i++ {
		}
		if i < len(l.src) && l.src[i] == ':' {
			return l.operator(start, i)
		}
	}
	for i < len(l.src) && !isDelim(l.src[i]) {
		i++
	}
	l.off = i
	return token{tag: tagOf(tkWord, 0, false), start: start, end: i}
}

func (l *lexer) wordLen(from int) int {
	i := from
	for i < len(l.src) && !isDelim(l.src[i]) {
		i++
	}
	return i - from
}

// quotedEnd returns the offset just past the closing quote of the string
// starting at from (a '"'), and whether the quote was closed. A backslash
// escapes the byte after it.
func (l *lexer) quotedEnd(from int) (int, bool) {
	for i := from + 1; i < len(l.src); i++ {
		switch l.src[i] {
		case '\\':
			i++
		case '"':
			return i + 1, true
		}
	}
	return len(l.src), false
}

func (l *lexer) phrase() token {
	start := l.off
	end, closed := l.quotedEnd(start)
	tok := token{tag: tagOf(tkPhrase, 0, closed), start: start, aux: -2}
	if closed && end < len(l.src) && l.src[end] == '~' {
		end++
		n, digits := 0, 0
		for end < len(l.src) && '0' <= l.src[end] && l.src[end] <= '9' {
			if n < 1_000_000 {
				n = n*10 + int(l.src[end]-'0')
			}
			end++
			digits++
		}
		tok.aux = -1
		if digits > 0 {
			tok.aux = n
		}
	}
	l.off = end
	tok.end = end
	return tok
}

// operator lexes the argument of the operator whose name spans
// [start, colon).
func (l *lexer) operator(start, i int) token {
	// The token is assembled from locals and returned whole (faster in
	// BenchmarkValidateShort than filling in a token variable).
	v := i + 1
	arg, end, closed := ArgBare, 0, true
	switch {
	case v >= len(l.src) || isSpace(l.src[v]) || l.src[v] == '(' || l.src[v] == ')':
		arg, end = ArgNone, v
	case l.src[v] == '"':
		arg = ArgQuoted
		end, closed = l.quotedEnd(v)
	case l.src[v] == '[':
		arg = ArgBracket
		end, closed = len(l.src), false
		for j := v + 1; j < len(l.src); j++ {
			if l.src[j] == ']' {
				end, closed = j+1, true
				break
			}
		}
	default:
		end = v + l.wordLen(v)
	}
	l.off = end
	return token{tag: tagOf(tkOperator, arg, closed), start: start, end: end, aux: i}
}
