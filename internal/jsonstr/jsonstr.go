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
	"encoding/binary"
	"unicode/utf8"
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

// plainPrefix is the length of the run of plain ASCII bytes s starts with.
// It tests eight bytes at a time: under wasm a byte loop cost about 6 ns a
// byte (bounds checks and branches are not optimised away as natively), the
// word test less than 2.
func plainPrefix(s string) int {
	i := 0
	for ; i+8 <= len(s); i += 8 {
		if needsWork(binary.LittleEndian.Uint64([]byte(s[i : i+8]))) {
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

// Word tests (bit tricks on eight bytes at once): lanes of x that are
// zero, below n, or have their high bit set come out with 0x80 set. A set
// bit may be a false alarm, never a miss: plainPrefix then goes byte by byte.
const (
	lanes1 = 0x0101010101010101
	lanes8 = 0x8080808080808080
)

func zeroLane(x uint64) uint64            { return (x - lanes1) &^ x & lanes8 }
func laneBelow(x uint64, n uint64) uint64 { return (x - lanes1*n) &^ x & lanes8 }

// needsWork says whether any byte of x is not plain: a control byte,
// non-ASCII, or one of " \ < > &.
func needsWork(x uint64) bool {
	return laneBelow(x, 0x20)|x&lanes8|zeroLane(x^(lanes1*'"'))|zeroLane(x^(lanes1*'\\'))|
		zeroLane(x^(lanes1*'<'))|zeroLane(x^(lanes1*'>'))|zeroLane(x^(lanes1*'&')) != 0
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
