package params

import (
	"encoding/binary"
	"strings"

	"github.com/xpreflight/xpreflight/internal/swar"
)

// The query-string scanner: a query string is read one name=value pair at a
// time, in order, repeats kept; names and values with form escapes ('%',
// '+') are decoded into a decodeBuffer (decode_buffer.go), plain ones are
// used as they are.

// queryPair is one name=value of the query string, decoded. A pair that
// does not decode keeps its raw text and is marked bad.
type queryPair struct {
	name, value string
	bad         bool
}

// queryScanner decodes a query string one pair at a time, in order,
// keeping repeats.
//
// Text without '%' or '+' is used as it is, without copying. Escaped names
// and values are decoded into buf (see decodeBuffer), and the pairs alias
// it.
type queryScanner struct {
	raw string
	// buf is taken when the first escape is decoded: from the pool when
	// pooled (Validate returns it), else new (never reused)
	buf    *decodeBuffer
	pooled bool
	// inBuf: the value next last returned is text in buf
	inBuf bool
}

// next returns the next pair's name and value, and a finding when its
// piece is not valid percent-encoding (the pair is then marked bad and
// keeps its raw text). ok is false at the end. The pair comes back as
// loose values, not a queryPair (faster in BenchmarkValidate).
func (s *queryScanner) next() (name, value string, bad bool, finding *Diagnostic, ok bool) {
	s.inBuf = false
	for s.raw != "" {
		end, eq, nameEsc, valueEsc := splitPiece(s.raw)
		piece := s.raw[:end]
		if end < len(s.raw) {
			s.raw = s.raw[end+1:]
		} else {
			s.raw = ""
		}
		if piece == "" {
			continue
		}
		name, value = piece, ""
		if eq >= 0 {
			name, value = piece[:eq], piece[eq+1:]
		}
		if !nameEsc && !valueEsc {
			return name, value, false, nil, true
		}
		dn, dv, valid := s.decodePair(name, value, nameEsc, valueEsc)
		if !valid {
			return name, value, true, &Diagnostic{Code: CodeBadEncoding, Severity: sevWarning, Parameter: name, Value: piece,
				Message: "The query string piece [" + piece + "] is not valid percent-encoding"}, true
		}
		s.inBuf = valueEsc
		return dn, dv, false, nil, true
	}
	return "", "", false, nil, false
}

// decodePair decodes the escaped parts of a pair straight into the
// buffer's free space (decoded text is never longer than the raw text),
// validating as it goes. valid is false, and nothing is handed out, when
// a '%' does not start a valid escape.
func (s *queryScanner) decodePair(name, value string, nameEsc, valueEsc bool) (dn, dv string, valid bool) {
	if s.buf == nil && s.pooled {
		s.buf = decodePool.Get().(*decodeBuffer)
	} else if s.buf == nil {
		s.buf = new(decodeBuffer)
	}
	dst := s.buf.room(len(name) + len(value))
	n, m := 0, 0
	if nameEsc {
		if n, valid = decodeTo(dst, name); !valid {
			return "", "", false
		}
	}
	if valueEsc {
		if m, valid = decodeTo(dst[n:], value); !valid {
			return "", "", false
		}
	}
	dn, dv = name, value
	if nameEsc {
		dn = s.buf.take(n)
	}
	if valueEsc {
		dv = s.buf.take(m)
	}
	return dn, dv, true
}

// parseQuery decodes the whole query string in order, keeping repeats,
// and reports the pieces that do not decode.
func parseQuery(raw string) ([]queryPair, []Diagnostic) {
	var pairs []queryPair
	var diags []Diagnostic
	s := queryScanner{raw: raw}
	for {
		name, value, bad, finding, ok := s.next()
		if !ok {
			return pairs, diags
		}
		if finding != nil {
			diags = append(diags, *finding)
		}
		pairs = append(pairs, queryPair{name: name, value: value, bad: bad})
	}
}

// Form escapes ('%' and '+') are found eight bytes at a time: every
// request's query string is scanned, and its names and values are mostly
// plain text between a few escapes. The trick carries the validateRequest
// budget (>= 10x kin-openapi): bench/'s BenchmarkPaired/fields, median of 4
// interleaved runs, 11.5x with it, 10.3x with plain byte loops (2026-12-04,
// loaded machine); BenchmarkDecodeTo times it alone.

// escapeMask marks (internal/swar) the byte lanes of w that hold '%' or
// '+': the lowest mark is exact, so callers use swar.First or only whether
// any is set.
func escapeMask(w uint64) uint64 { return swar.Is(w, '%') | swar.Is(w, '+') }

// splitPiece scans the first piece of a query string (up to the first '&'
// or the end) once: end is where it ends, eq its first '=' (-1 if none),
// and nameEsc and valueEsc whether the text before and after that '='
// holds a form escape. It stops at each such byte and resumes with a
// fresh word after it, so only exact lowest lanes are ever used; once
// the value is known to be escaped only the '&' is still wanted.
func splitPiece(s string) (end, eq int, nameEsc, valueEsc bool) {
	eq = -1
	for i := 0; ; {
		j := nextSpecial(s, i)
		if j == len(s) || s[j] == '&' {
			return j, eq, nameEsc, valueEsc
		}
		switch {
		case s[j] == '=' && eq < 0:
			eq = j
		case s[j] == '%' || s[j] == '+':
			if eq < 0 {
				nameEsc = true
			} else {
				valueEsc = true
				if k := strings.IndexByte(s[j:], '&'); k >= 0 {
					return j + k, eq, nameEsc, valueEsc
				}
				return len(s), eq, nameEsc, valueEsc
			}
		}
		i = j + 1
	}
}

// nextSpecial returns the index of the first '&', '=', '%' or '+' in
// s[i:], or len(s).
func nextSpecial(s string, i int) int {
	for ; i+8 <= len(s); i += 8 {
		w := swar.Word(s[i:])
		if m := escapeMask(w) | swar.Is(w, '&') | swar.Is(w, '='); m != 0 {
			return i + swar.First(m)
		}
	}
	for ; i < len(s); i++ {
		switch s[i] {
		case '&', '=', '%', '+':
			return i
		}
	}
	return len(s)
}

// decodeTo form-decodes s into dst (at least len(s) long) and returns the
// decoded length; ok is false when a '%' does not start a valid escape.
// Plain runs are copied a word at a time: a word is stored whole even when
// an escape sits inside it, and the bytes past the escape are overwritten
// by what follows (dst is scratch space up to len(s), and the decoded
// text never runs ahead of the raw text).
func decodeTo(dst []byte, s string) (n int, ok bool) {
	dst = dst[:len(s)]
	for i := 0; i < len(s); {
		if i+8 <= len(s) {
			w := swar.Word(s[i:])
			binary.LittleEndian.PutUint64(dst[n:], w)
			m := escapeMask(w)
			if m == 0 {
				n, i = n+8, i+8
				continue
			}
			k := swar.First(m)
			n, i = n+k, i+k // s[i] is now the escape
		}
		c := s[i]
		switch c {
		case '%':
			if i+2 >= len(s) {
				return n, false
			}
			hi, lo := hexValue[s[i+1]], hexValue[s[i+2]]
			if hi|lo > 0xF {
				return n, false
			}
			c = hi<<4 | lo
			i += 3
		case '+':
			c = ' '
			i++
		default:
			i++
		}
		dst[n] = c
		n++
	}
	return n, true
}

// hexValue is each byte's value as a hexadecimal digit, or 0xFF.
var hexValue = func() (t [256]byte) {
	for c := range t {
		t[c] = 0xFF
		if isHex(byte(c)) {
			t[c] = unhex(byte(c))
		}
	}
	return t
}()

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func unhex(c byte) byte {
	switch {
	case c <= '9':
		return c - '0'
	case c <= 'F':
		return c - 'A' + 10
	}
	return c - 'a' + 10
}
