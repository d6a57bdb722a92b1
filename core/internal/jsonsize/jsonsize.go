// Package jsonsize tells how many bytes encoding/json will write for a
// string, without encoding it, so that a report can stop growing before its
// answer passes a byte budget.
package jsonsize

import "unicode/utf8"

// String is the length of s encoded by encoding/json.Marshal as a JSON
// string, quotes included: control characters, invalid UTF-8 and the
// HTML-sensitive <, > and & take six bytes (\u003c, \ufffd), U+2028 and
// U+2029 six; '"', '\\' and the short escapes (\b \f \n \r \t) two;
// everything else its UTF-8 length.
func String(s string) int {
	n := 2
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			n += int(asciiWidth[c])
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1, r == '\u2028', r == '\u2029':
			n += 6
		default:
			n += size
		}
		i += size
	}
	return n
}

// asciiWidth is the encoded width of each ASCII byte: a table lookup per
// byte, where a switch cost several compares (String runs over every
// finding's text, and under wasm each compare counts).
var asciiWidth = func() (t [utf8.RuneSelf]uint8) {
	for c := range t {
		switch {
		case c == '"' || c == '\\' || c == '\n' || c == '\r' || c == '\t' || c == '\b' || c == '\f':
			t[c] = 2
		case c < 0x20 || c == '<' || c == '>' || c == '&':
			t[c] = 6
		default:
			t[c] = 1
		}
	}
	return t
}()

// Truncate cuts s to at most limit bytes at a character boundary and
// marks the cut with "…"; a string within limit comes back unchanged.
func Truncate(s string, limit int) string {
	if len(s) <= limit {
		return s
	}
	cut := max(limit-len("…"), 0)
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

// Fit cuts s so that its JSON encoding (String) takes at most limit bytes,
// at a character boundary, marking a cut with "…"; a string that fits
// comes back unchanged. Truncate bounds bytes, Fit what the bytes become:
// 1 KiB of '<' is 6 KiB of JSON.
func Fit(s string, limit int) string {
	if len(s) <= (limit-2)/6 || String(s) <= limit {
		return s
	}
	n := 2 + len(`…`) // quotes and the mark
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		w := String(s[i:i+size]) - 2
		if r == utf8.RuneError && size == 1 {
			w = 6
		}
		if n+w > limit {
			return s[:i] + "…"
		}
		n += w
		i += size
	}
	return s
}
