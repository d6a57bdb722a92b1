// Package jsonstr writes JSON strings byte-for-byte as encoding/json.Marshal
// does, without reflection: the Worker's hot answers (proxy.Decision) encode
// themselves with it, because under wasm encoding/json's reflection cost
// more than the decision it encoded.
//
// Escaping (encoding/json's, with its default HTML escaping):
//
//	"  \                       → \"  \\
//	\b \f \n \r \t             → the short escapes
//	other bytes below 0x20     → \u00XX (lower-case hex)
//	< > &                      → \u003c \u003e \u0026
//	U+2028 U+2029              → \u2028 \u2029 (line terminators in JavaScript)
//	a byte not valid UTF-8     → \ufffd, one per byte
//	anything else              → as is
package jsonstr

import (
	"unicode/utf8"

	"github.com/xpreflight/xpreflight/internal/swar"
)

// AppendString appends s to dst as a JSON string, quotes included.
func AppendString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	start := 0 // s[start:i] is pending, to be copied as is
	for i := 0; i < len(s); {
		i += plainPrefix(s[i:])
		if i == len(s) {
			break
		}
		c := s[i]
		if c < utf8.RuneSelf {
			dst = append(dst, s[start:i]...)
			dst = appendEscaped(dst, c)
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || r == '\u2028' || r == '\u2029' {
			dst = append(dst, s[start:i]...)
			switch r {
			case utf8.RuneError:
				dst = append(dst, `\ufffd`...)
			case '\u2028':
				dst = append(dst, `\u2028`...)
			default:
				dst = append(dst, `\u2029`...)
			}
			start = i + size
		}
		i += size
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}

// plainPrefix is the length of the run of plain ASCII bytes s starts with,
// found a word at a time (internal/swar: under wasm a byte loop cost three
// times as much on a rate key's 64 hex digits).
func plainPrefix(s string) int {
	i := 0
	for ; i+swar.Size <= len(s); i += swar.Size {
		if needsWork(swar.Word(s[i:])) {
			break
		}
	}
	for ; i < len(s); i++ {
		if !plain[s[i]] {
			break
		}
	}
	return i
}

// needsWork says whether any byte of x is not plain: a control byte,
// non-ASCII, or one of the quote, the backslash, < > &.
func needsWork(x uint64) bool {
	return swar.Below(x, 0x20)|swar.NonASCII(x)|swar.Is(x, '"')|swar.Is(x, '\\')|
		swar.Is(x, '<')|swar.Is(x, '>')|swar.Is(x, '&') != 0
}

// appendEscaped appends the escape of the ASCII byte c (one plain says is not).
func appendEscaped(dst []byte, c byte) []byte {
	switch c {
	case '"', '\\':
		return append(dst, '\\', c)
	case '\b':
		return append(dst, '\\', 'b')
	case '\f':
		return append(dst, '\\', 'f')
	case '\n':
		return append(dst, '\\', 'n')
	case '\r':
		return append(dst, '\\', 'r')
	case '\t':
		return append(dst, '\\', 't')
	}
	const hex = "0123456789abcdef"
	return append(dst, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
}

// plain says which ASCII bytes are written as they are: one table lookup
// per byte, where a chain of compares costs several under wasm.
// It has 256 entries, false past ASCII, so indexing it needs no bounds check.
var plain = func() (t [256]bool) {
	for c := range utf8.RuneSelf {
		t[c] = c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&'
	}
	return t
}()
