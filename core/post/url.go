package post

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// urlMatch is one URL found in a text. Start and End are byte offsets of the
// span twitter-text reports; Text is the URL it reports, which is
// text[Start:End] except in one case twitter-text keeps: a URL without
// protocol whose host has non-ASCII labels before its TLD reports the ASCII
// part of the host followed by the path, while the span covers the whole host.
type urlMatch struct {
	Start, End  int
	Text        string
	HasProtocol bool
}

// maxURLLength is twitter-text's bound on a URL with its protocol (in UTF-16
// code units); maxLabelLength is DNS's bound on a label in its ASCII form.
const (
	maxURLLength   = 4096
	maxLabelLength = 63
	maxTcoSlug     = 40
)

// urlScanner finds URLs the way twitter-text's extractor does, in one pass
// with bounded work per character: label runs and domain chains are cached, so
// hostile text (long runs of labels or dashes) costs linear time.
//
// The matches travel in a slice passed in and returned, not in a field: a
// field would make the caller's stack buffer escape to the heap.
type urlScanner struct {
	s string
	// the label run containing the last domain start tried
	runStart, runEnd, runLastUnderscore int
	memo                                map[int]int
}

type chainFrame struct {
	start, best int
	sub, dot    bool
	cond        bool
	tldEnd      int
}

// extractURLs appends the URLs of s to out.
//
// The search visits candidate starts in the order a left-to-right regular
// expression search would (a start must follow a preceding character the
// rule allows, or be the text's start, tried after the first character's
// end), resumes after each match, and jumps over starts a failed attempt
// shows cannot match (the rest of a label run without a dot, the inside of a
// word).
func extractURLs(s string, out []urlMatch) []urlMatch {
	lastDot := strings.LastIndexByte(s, '.')
	if lastDot < 0 {
		return out
	}
	sc := urlScanner{s: s, runStart: -1}
	pos := 0     // where the next search starts (the character before the URL)
	window := -1 // the dot the current stretch of candidates leads to
	for pos < lastDot {
		if pos > window {
			// A URL's first label run ends at a dot, or follows "http(s)://":
			// no start more than nine bytes before the label run that ends
			// at the next dot can match, so the search jumps there.
			dot := pos + strings.IndexByte(s[pos:], '.')
			window = dot
			if t := labelRunStart(s, dot, pos) - 9; t > pos {
				for t > pos && s[t]&0xC0 == 0x80 {
					t-- // back to the start of the preceding character
				}
				pos = t
			}
		}
		r, w := decode(s, pos)
		start := pos + w
		if r < 0x80 && isASCIIAlnum(r) && pos > 0 {
			// Inside a word: no URL starts before the next non-alphanumeric character.
			for start < len(s) && s[start] < 0x80 && isASCIIAlnum(rune(s[start])) {
				start++
			}
			pos = start - 1
			if pos >= lastDot {
				break
			}
			r, w = decode(s, pos)
			start = pos + w
		}
		next := start
		if e := plainWordEnd(s, start, lastDot); e > start {
			// An ASCII word that neither reaches a dot nor starts a protocol
			// cannot start a URL, nor can anything inside it.
			if isURLPreceder(r) && pos > 0 {
				pos = e - 1
				continue
			}
		}
		if isURLPreceder(r) {
			var end, hint int
			var ok bool
			out, end, hint, ok = sc.matchAt(out, start, r)
			if ok {
				pos = end
				continue
			}
			next = hint
		}
		if pos == 0 {
			var end int
			var ok bool
			if out, end, _, ok = sc.matchAt(out, 0, -1); ok {
				pos = end
				continue
			}
		}
		if next > start {
			// Resume so that the next start tried is next.
			_, lw := utf8.DecodeLastRuneInString(s[:next])
			pos = next - lw
			continue
		}
		pos = start
	}
	return out
}

// labelRunStart: the start of the label run that ends at end, not before floor.
func labelRunStart(s string, end, floor int) int {
	i := end
	for i > floor {
		r, w := utf8.DecodeLastRuneInString(s[floor:i])
		if !isLabelChar(r) {
			break
		}
		i -= w
	}
	return i
}

// plainWordEnd: when s[start:] begins a run of ASCII letters and digits
// ended by a character that can end no label chain (not '.', '-', '_', a
// non-ASCII or another label character), and the run does not begin
// "http", the run's end; otherwise start.
func plainWordEnd(s string, start, lastDot int) int {
	e := start
	for e < len(s) && s[e] < 0x80 && isASCIIAlnum(rune(s[e])) {
		e++
	}
	if e == start || e >= len(s) || s[e] >= 0x80 || asciiLabel[s[e]] || s[e] == '.' {
		return start
	}
	if e-start >= 4 && (s[start]|0x20) == 'h' && (s[start+1]|0x20) == 't' && (s[start+2]|0x20) == 't' && (s[start+3]|0x20) == 'p' {
		return start
	}
	return e
}

// asciiLabel marks the ASCII characters of a label run: domain characters,
// '-' and '_'.
var asciiLabel = func() (t [128]bool) {
	for c := range t {
		t[c] = c == '-' || c == '_' || isDomainChar(rune(c))
	}
	return t
}()

// decode is utf8.DecodeRuneInString with the ASCII case inline. It is
// above the inlining budget: the hottest scanning loops spell it out.
func decode(s string, i int) (rune, int) {
	if c := s[i]; c < 0x80 {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

// decodeAt is decode, or (utf8.RuneError, 0) at the end of s, as
// utf8.DecodeRuneInString(s[i:]) answers there.
func decodeAt(s string, i int) (rune, int) {
	if i >= len(s) {
		return utf8.RuneError, 0
	}
	return decode(s, i)
}

// isLabelChar: a character of a label run.
func isLabelChar(r rune) bool {
	if r < 0x80 {
		return asciiLabel[r]
	}
	return isDomainChar(r)
}

// isURLPreceder: a URL must follow one of these (or start the text).
func isURLPreceder(r rune) bool {
	if isDirectional(r) {
		return true
	}
	return !isASCIIAlnum(r) && r != '@' && r != '＠' && r != '$' && r != '#' && r != '＃' && !isInvalidChar(r)
}

// matchAt tries a URL starting at u, preceded by before (-1 at the text's
// start), appending what it extracts to out. ok reports a match, consumed up to end, whether or not it yielded
// URLs (a match twitter-text discards still moves the search past it). When
// there is no match, next is the first later start that could match.
func (sc *urlScanner) matchAt(out []urlMatch, u int, before rune) (_ []urlMatch, end, next int, ok bool) {
	s := sc.s
	if n := protocolLen(s[u:]); n > 0 {
		if d, ok := sc.domainAt(u + n); ok {
			out, end = sc.finish(out, u, u+n, d, before)
			return out, end, 0, true
		}
	}
	d, ok := sc.domainAt(u)
	if ok {
		out, end = sc.finish(out, u, u, d, before)
		return out, end, 0, true
	}
	return out, 0, sc.nextCandidate(u), false
}

// protocolLen is the length of a leading "http://" or "https://" (any case).
func protocolLen(s string) int {
	if len(s) < 7 || !strings.EqualFold(s[:4], "http") {
		return 0
	}
	n := 4
	if s[n] == 's' || s[n] == 'S' {
		n++
	}
	if strings.HasPrefix(s[n:], "://") {
		return n + 3
	}
	return 0
}

// nextCandidate: after a failed start u inside a label run, only starts just
// after a '-' or '_' (which can change the first label's validity) or at a
// protocol can do better before the run ends.
func (sc *urlScanner) nextCandidate(u int) int {
	if sc.runStart < 0 || u < sc.runStart || u >= sc.runEnd {
		return u + 1
	}
	for i := u + 1; i < sc.runEnd; i++ {
		switch c := sc.s[i]; {
		case c == 'h' || c == 'H':
			return i
		case c == '-' || c == '_':
			return i + 1
		}
	}
	return sc.runEnd
}

// labelRun returns the end of the run of label characters starting at d and
// the last '_' in it (-1 if none), cached for starts inside the same run.
func (sc *urlScanner) labelRun(d int) (end, lastUnderscore int) {
	if sc.runStart >= 0 && d >= sc.runStart && d < sc.runEnd {
		return sc.runEnd, sc.runLastUnderscore
	}
	end, lastUnderscore = d, -1
	for end < len(sc.s) {
		r, w := rune(sc.s[end]), 1 // decode, inline
		if r >= 0x80 {
			r, w = utf8.DecodeRuneInString(sc.s[end:])
		}
		if !isLabelChar(r) {
			break
		}
		if r == '_' {
			lastUnderscore = end
		}
		end += w
	}
	sc.runStart, sc.runEnd, sc.runLastUnderscore = d, end, lastUnderscore
	return end, lastUnderscore
}

// domainAt matches twitter-text's domain (subdomains, a domain name, a TLD)
// at d, taking as many subdomains as can still be followed by a name and a
// TLD; it returns the domain's end.
func (sc *urlScanner) domainAt(d int) (int, bool) {
	s := sc.s
	if d >= len(s) {
		return 0, false
	}
	r, _ := decode(s, d)
	if !isDomainChar(r) {
		return 0, false
	}
	end, lastUnderscore := sc.labelRun(d)
	if end >= len(s) || s[end] != '.' {
		return 0, false
	}
	last, _ := utf8.DecodeLastRuneInString(s[:end])
	sub := isDomainChar(last)
	name := sub && lastUnderscore < d
	if sub {
		if best := sc.chainBest(end + 1); best >= 0 {
			return best, true
		}
	}
	if name {
		if t := tldAt(s, end+1, len(s)); t >= 0 {
			return t, true
		}
	}
	return 0, false
}

// chainBest: from the label starting at p, the end of the longest domain
// whose name label is p's or a later one reached through valid subdomains;
// -1 if none. Results are memoised once chains get long.
func (sc *urlScanner) chainBest(p int) int {
	s := sc.s
	var buf [8]chainFrame
	stack := buf[:0]
	nb := -1
	for {
		if sc.memo != nil {
			if v, ok := sc.memo[p]; ok {
				nb = v
				break
			}
		}
		f := chainFrame{start: p, tldEnd: -1}
		end := p
		underscore := false
		for end < len(s) {
			r, w := rune(s[end]), 1 // decode, inline
			if r >= 0x80 {
				r, w = utf8.DecodeRuneInString(s[end:])
			}
			if !isLabelChar(r) {
				break
			}
			underscore = underscore || r == '_'
			end += w
		}
		if end > p {
			first, _ := utf8.DecodeRuneInString(s[p:])
			last, _ := utf8.DecodeLastRuneInString(s[:end])
			f.sub = isDomainChar(first) && isDomainChar(last)
		}
		f.dot = end < len(s) && s[end] == '.'
		if f.sub && !underscore && f.dot {
			if t := tldAt(s, end+1, len(s)); t >= 0 {
				f.cond, f.tldEnd = true, t
			}
		}
		stack = append(stack, f)
		if !(f.sub && f.dot) {
			break
		}
		p = end + 1
	}
	for j := len(stack) - 1; j >= 0; j-- {
		f := &stack[j]
		b := -1
		if f.sub && f.dot && nb >= 0 {
			b = nb
		} else if f.cond {
			b = f.tldEnd
		}
		nb = b
		if sc.memo != nil {
			sc.memo[f.start] = b
		}
	}
	if len(stack) > 8 && sc.memo == nil {
		sc.memo = make(map[int]int)
	}
	return nb
}

// tldAt returns the end of a top-level domain of the list starting at p and
// followed by a character that cannot continue a host name (or by limit);
// the longest such TLD wins; -1 if none.
func tldAt(s string, p, limit int) int {
	var ends [8]int
	n := 0
	q := p
	for q < limit && q-p < tldMaxBytes {
		r, w := rune(s[q]), 1 // decode, inline
		if r >= 0x80 {
			r, w = utf8.DecodeRuneInString(s[q:])
		}
		if r < 0x80 && !isASCIIAlnum(r) || isSpace(r) || r >= 0x80 && !unicode.In(r, unicode.L, unicode.M) {
			break
		}
		q += w
		if q-p > tldMaxBytes {
			break
		}
		if q == limit || !continuesHost(s, q) {
			if n < len(ends) {
				ends[n] = q
				n++
			}
		}
	}
	for i := n - 1; i >= 0; i-- {
		if isTLD(s[p:ends[i]]) {
			return ends[i]
		}
	}
	return -1
}

// continuesHost: the character at q is one a TLD may not be followed by.
func continuesHost(s string, q int) bool {
	c := s[q]
	return c < 0x80 && (isASCIIAlnum(rune(c)) || c == '@' || c == '+' || c == '-')
}

// isTLD looks t up case-insensitively.
func isTLD(t string) bool {
	if len(t) > tldMaxBytes {
		return false
	}
	var buf [tldMaxBytes + 8]byte
	b := buf[:0]
	for i := 0; i < len(t); {
		c := t[i]
		if c < 0x80 {
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(t[i:])
		b = utf8.AppendRune(b, unicode.ToLower(r))
		if len(b) > tldMaxBytes {
			return false
		}
		i += w
	}
	for h := tldHash(b); ; h = (h + 1) & (tldSlots - 1) {
		switch k := tldIndex[h]; {
		case k == 0:
			return false
		case tlds[k-1] == string(b):
			return true
		}
	}
}

// tldIndex is a hash set of the TLDs (open addressing, linear probing):
// slot values are indices into tlds plus one, 0 empty. Built at start-up;
// a lookup hashes the name once and compares one or two names, where a
// binary search of the sorted list compared about eleven.
const tldSlots = 4096 // a power of two, more than twice len(tlds)

var tldIndex = buildTLDIndex()

func buildTLDIndex() (t [tldSlots]uint16) {
	for i, name := range tlds {
		h := tldHash([]byte(name))
		for t[h] != 0 {
			h = (h + 1) & (tldSlots - 1)
		}
		t[h] = uint16(i + 1)
	}
	return t
}

// tldHash is FNV-1a, reduced to a slot.
func tldHash(b []byte) uint32 {
	h := uint32(2166136261)
	for _, c := range b {
		h = (h ^ uint32(c)) * 16777619
	}
	return h & (tldSlots - 1)
}

// finish extends a URL whose domain is s[d:dEnd] by port, path and query,
// applies twitter-text's checks, and appends what it extracts to out. It
// returns out and the match's end.
func (sc *urlScanner) finish(out []urlMatch, u, d, dEnd int, before rune) ([]urlMatch, int) {
	s := sc.s
	e := dEnd
	if e < len(s) && s[e] == ':' {
		q := e + 1
		for q < len(s) && s[q] >= '0' && s[q] <= '9' {
			q++
		}
		if q > e+1 {
			e = q
		}
	}
	hasPath := false
	if e < len(s) && s[e] == '/' {
		e = pathEnd(s, e+1)
		hasPath = true
	}
	e = queryEnd(s, e)
	protocol := s[u:d]
	if !validURL(s[u:e], protocol, s[d:dEnd]) {
		return out, e
	}
	if protocol == "" {
		if before == '-' || before == '_' || before == '.' || before == '/' {
			return out, e
		}
		var found int
		if out, found = asciiDomains(s, d, dEnd, out, true); found == 0 {
			return out, e
		}
		if hasPath {
			last := &out[len(out)-1]
			if last.End == dEnd {
				last.Text = s[last.Start:e]
			} else {
				last.Text = last.Text + s[dEnd:e]
			}
			last.End = e
		}
		return out, e
	}
	url := s[u:e]
	if n := tcoLen(url, len(protocol)); n > 0 {
		url = url[:n]
	} else if n < 0 {
		return out, e
	}
	return append(out, urlMatch{Start: u, End: u + len(url), Text: url, HasProtocol: true}), e
}

// pathEnd: the path after a '/' at start-1 runs over path characters and
// balanced parentheses and ends after its last character that may end one.
func pathEnd(s string, start int) int {
	q, good := start, start
	for q < len(s) {
		r, w := rune(s[q]), 1 // decode, inline
		if r >= 0x80 {
			r, w = utf8.DecodeRuneInString(s[q:])
		}
		switch {
		case isPathChar(r):
			q += w
			if isPathEnding(r) {
				good = q
			}
		case r == '(':
			// A parenthesised group may end the path only where the path
			// could already end just before it (twitter-text keeps
			// "/a(b)" and "/a-(b)" but only "/a" of "/a:(b)").
			n := balancedParens(s, q)
			if n == 0 {
				return good
			}
			if good == q {
				good = q + n
			}
			q += n
		default:
			return good
		}
	}
	return good
}

// balancedParens: the length of "(x)" or "(x(y)z)" at q (x, y, z path
// characters, y non-empty), or 0.
func balancedParens(s string, q int) int {
	i := q + 1
	i0 := i
	i = pathRun(s, i)
	if i < len(s) && s[i] == ')' && i > i0 {
		return i + 1 - q
	}
	if i < len(s) && s[i] == '(' {
		j := pathRun(s, i+1)
		if j > i+1 && j < len(s) && s[j] == ')' {
			k := pathRun(s, j+1)
			if k < len(s) && s[k] == ')' {
				return k + 1 - q
			}
		}
	}
	return 0
}

func pathRun(s string, i int) int {
	for i < len(s) {
		r, w := rune(s[i]), 1 // decode, inline
		if r >= 0x80 {
			r, w = utf8.DecodeRuneInString(s[i:])
		}
		if !isPathChar(r) {
			break
		}
		i += w
	}
	return i
}

// ASCII classes of URL paths: a path character, and one that may end a path.
const (
	asciiPath uint8 = 1 << iota
	asciiPathEnd
)

var asciiPathClass = func() (t [128]uint8) {
	for c := range t {
		r := rune(c)
		if isASCIIAlnum(r) || strings.ContainsRune("!*';:=+,.$/%#[]-_~&|@", r) {
			t[c] |= asciiPath
		}
		if isASCIIAlnum(r) || strings.ContainsRune("+-=_#/", r) {
			t[c] |= asciiPathEnd
		}
	}
	return t
}()

func isPathChar(r rune) bool {
	if r < 0x80 {
		return asciiPathClass[r]&asciiPath != 0
	}
	return r >= 0x400 && r <= 0x4FF || r == 0x2013 || isLatinAccent(r)
}

func isPathEnding(r rune) bool {
	if r < 0x80 {
		return asciiPathClass[r]&asciiPathEnd != 0
	}
	return r >= 0x400 && r <= 0x4FF || isLatinAccent(r)
}

// queryEnd: a query is '?' and query characters, ending at the last one
// that may end a query; without such a character there is no query.
func queryEnd(s string, e int) int {
	if e >= len(s) || s[e] != '?' {
		return e
	}
	good := e
	for q := e + 1; q < len(s); q++ {
		c := s[q]
		if c >= 0x80 || !isQueryChar(c) {
			break
		}
		if isASCIIAlnum(rune(c)) || c == '-' || c == '_' || c == '&' || c == '=' || c == '#' || c == '/' {
			good = q + 1
		}
	}
	return good
}

func isQueryChar(c byte) bool {
	return isASCIIAlnum(rune(c)) || strings.IndexByte("!?*'@();:&=+$/%#[]-_.,~|", c) >= 0
}

// tcoLen: for a t.co link, the length of its protocol, host, slug and query
// (t.co takes no further path); 0 if url is not a t.co link; -1 if its slug
// is longer than t.co's.
func tcoLen(url string, protoLen int) int {
	rest := url[protoLen:]
	if len(rest) < 6 || !strings.EqualFold(rest[:5], "t.co/") {
		return 0
	}
	i := 5
	for i < len(rest) && isASCIIAlnum(rune(rest[i])) {
		i++
	}
	if i == 5 {
		return 0
	}
	if i-5 > maxTcoSlug {
		return -1
	}
	return protoLen + queryEnd(rest, i)
}

// validURL applies twitter-text's host and length checks: every label of the
// host must have an ASCII (punycode) form of 1–63 characters, a host written
// "xn--…" must contain an ASCII host, and the URL with its protocol (https://
// when it has none) is at most 4096 UTF-16 code units.
func validURL(url, protocol, domain string) bool {
	if strings.HasPrefix(domain, "xn--") && countASCIIDomains(domain) == 0 {
		return false
	}
	for rest, more := domain, true; more; {
		var label string
		label, rest, more = strings.Cut(rest, ".")
		if n := asciiLabelLength(label); n < 1 || n > maxLabelLength {
			return false
		}
	}
	if protocol == "" {
		protocol = "https://"
	}
	// A string has at most as many UTF-16 units as bytes (an invalid byte
	// is one U+FFFD): short URLs need no count.
	if len(protocol)+len(url) <= maxURLLength {
		return true
	}
	return utf16Len(protocol)+utf16Len(url) <= maxURLLength
}

// asciiDomains appends the host names twitter-text accepts in a URL without
// protocol: runs of ASCII letters, digits, '-' and accented Latin letters
// separated by dots and ending in a TLD, found in s[d:dEnd]; it returns how
// many (keep false: only count them).
func asciiDomains(s string, d, dEnd int, out []urlMatch, keep bool) ([]urlMatch, int) {
	found := 0
	p := d
	for p < dEnd {
		r, w := rune(s[p]), 1 // decode, inline
		if r >= 0x80 {
			r, w = utf8.DecodeRuneInString(s[p:])
		}
		if !isASCIIHostChar(r) {
			p += w
			continue
		}
		// The chain of "label." from p; the furthest TLD after a dot wins.
		q := p
		best := -1
		chainEnd := p
		for {
			q = asciiRun(s, q, dEnd)
			chainEnd = q
			if q >= dEnd || s[q] != '.' {
				break
			}
			if t := tldAt(s, q+1, dEnd); t >= 0 {
				best = t
			}
			q++
			if q >= dEnd {
				break
			}
			if r, _ := utf8.DecodeRuneInString(s[q:]); !isASCIIHostChar(r) {
				break
			}
		}
		if best < 0 {
			p = max(chainEnd, p+w)
			continue
		}
		if keep {
			out = append(out, urlMatch{Start: p, End: best, Text: s[p:best]})
		}
		found++
		p = best
	}
	return out, found
}

// countASCIIDomains counts the host names asciiDomains finds in s.
func countASCIIDomains(s string) int {
	_, n := asciiDomains(s, 0, len(s), nil, false)
	return n
}

func asciiRun(s string, q, limit int) int {
	for q < limit {
		r, w := rune(s[q]), 1 // decode, inline
		if r >= 0x80 {
			r, w = utf8.DecodeRuneInString(s[q:])
		}
		if !isASCIIHostChar(r) {
			break
		}
		q += w
	}
	return q
}

func isASCIIHostChar(r rune) bool { return isASCIIAlnum(r) || r == '-' || isLatinAccent(r) }
