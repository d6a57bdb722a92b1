package apierr

import (
	"bytes"

	"github.com/xpreflight/xpreflight/internal/swar"
)

// PlainSuccess reports, without parsing, that a 2xx answer's body is a
// complete JSON object naming no "errors", "type" or "code" key (nor
// spelling a letter as a \u00XX escape, which could hide one): such a body
// carries no problem, no legacy {"code":N,"message":…} item and no partial
// error, so Classify says success. It may say no to a plain body (which the
// caller then classes in full), never yes to one Classify would class
// otherwise; FuzzPlainSuccessAgrees holds that. Callers that only need the
// class (the Worker's header, the Go Transport) skip the parse for the
// common answer; BenchmarkPlainSuccess shows what that saves.
func PlainSuccess(status int, body []byte) bool {
	if status < 200 || status > 299 {
		return false
	}
	b := bytes.TrimLeft(body, " \t\r\n")
	return len(b) > 0 && b[0] == '{' && plainScan(b)
}

// plainScan is PlainSuccess's one pass over a body: it checks the JSON
// grammar as json.Valid does (a cut-off or malformed body is no plain
// success: Classify calls it unknown) and, in the same pass, looks at every
// string for what could name a problem: one reading exactly "errors",
// "type" or "code" (a value may, which only costs a full parse), or
// escaping a letter (\u0041–\u007F could spell any of those names; no
// other escape yields a letter, so a key that decodes to one of them is
// written as it is). It is a recogniser, not a decoder: it builds
// nothing. It says no to a body nested deeper than 64 levels, which
// Classify then reads in full (its limit is the same).
// json.Valid was most of the Worker's CPU per answer under wasm (a call
// through a function value per byte); FuzzPlainScanIsValid holds that this
// never says yes where json.Valid says no.
//
// The scan is a loop over four labels (a value, a key, a string, what
// follows a value) joined by goto: under wasm a jump is cheaper than a
// switch on a state variable, and the scan took 27% less time
// (BenchmarkPlainSuccess).
func plainScan(b []byte) bool {
	var arrays uint64 // bit d: level d+1 is an array, else an object
	depth := 0
	i := 0
	var isValue bool // the string at str is a value, else a key
	var c byte
value: // a value starts at b[i], white space skipped
	if i >= len(b) {
		return false
	}
	c = b[i]
	if c == '"' {
		isValue = true
		goto str
	}
	if c == '{' || c == '[' {
		if depth == 64 {
			return false
		}
		arrays = arrays&^(1<<depth) | uint64(boolBit(c == '['))<<depth
		depth++
		i = skipSpace(b, i+1)
		if i < len(b) && b[i] == closer(c) { // empty
			depth--
			i++
			goto after
		}
		if c == '{' {
			goto key
		}
		goto value
	}
	switch c {
	case 't':
		i = literal(b, i, "true")
	case 'f':
		i = literal(b, i, "false")
	case 'n':
		i = literal(b, i, "null")
	default:
		i = number(b, i)
	}
	if i < 0 {
		return false
	}
	goto after
key: // a key starts at b[i]
	if i >= len(b) || b[i] != '"' {
		return false
	}
	isValue = false
str: // a string opens at b[i]
	{
		// Most of a body's bytes are in strings: this loop is inline (a
		// call per string cost a quarter of the scan under wasm) and reads
		// eight bytes at a time up to the first that ends a plain run
		// (stringStop), which the first match names exactly (swar.First).
		// Byte by byte, the loop was most of the scan under wasm.
		j := i + 1
		for {
			for j+swar.Size <= len(b) {
				if m := stringStop(swar.Bytes(b[j:])); m != 0 {
					j += swar.First(m)
					goto special
				}
				j += swar.Size
			}
			for j < len(b) && !stringSpecial[b[j]] {
				j++
			}
		special: // b[j] is a quote, a backslash or a control byte, or j is len(b)
			if j >= len(b) || b[j] == '"' {
				break
			}
			if j = escape(b, j); j < 0 {
				return false
			}
		}
		if j >= len(b) || mayNameProblem(b[:j]) {
			return false
		}
		i = j + 1
	}
	if isValue {
		goto after
	}
	if i = skipSpace(b, i); i >= len(b) || b[i] != ':' {
		return false
	}
	i = skipSpace(b, i+1)
	goto value
after: // a value ended before b[i]
	i = skipSpace(b, i)
	if depth == 0 {
		return i == len(b)
	}
	if i >= len(b) {
		return false
	}
	inArray := arrays&(1<<(depth-1)) != 0
	switch c = b[i]; {
	case c == ',':
		i = skipSpace(b, i+1)
		if inArray {
			goto value
		}
		goto key
	case inArray && c == ']' || !inArray && c == '}':
		depth--
		i++
		goto after
	}
	return false
}

// escape reads the escape at b[i], a byte of stringSpecial other than
// '"', and returns the index after it, or -1 when b[i] is a control byte
// or the escape is malformed or escapes a letter (\u0041–\u007F could hide
// "errors", "type" or "code").
func escape(b []byte, i int) int {
	if b[i] != '\\' || i+1 >= len(b) {
		return -1
	}
	i++
	switch b[i] {
	case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
		return i + 1
	case 'u':
		if i+4 >= len(b) || !isHex(b[i+1]) || !isHex(b[i+2]) || !isHex(b[i+3]) || !isHex(b[i+4]) ||
			b[i+1] == '0' && b[i+2] == '0' && '4' <= b[i+3] && b[i+3] <= '7' {
			return -1
		}
		return i + 5
	}
	return -1
}

// stringStop marks the word x if a lane holds a byte of stringSpecial.
func stringStop(x uint64) uint64 {
	return swar.Below(x, 0x20) | swar.Is(x, '"') | swar.Is(x, '\\')
}

// mayNameProblem: the string whose closing quote follows s reads "errors",
// "type" or "code": s ends in a quote and the name (the quote is the
// string's opening one, or an escaped quote, which only costs a full
// parse). Small enough to inline: three bytes.HasSuffix calls were a third
// of plainScan's time.
func mayNameProblem(s []byte) bool {
	n := len(s)
	if n < 5 || s[n-1] != 'e' && s[n-1] != 's' { // the last letter of every name: most strings end otherwise
		return false
	}
	return string(s[n-5:]) == `"type` || string(s[n-5:]) == `"code` || n >= 7 && string(s[n-7:]) == `"errors`
}

// stringSpecial: the bytes that end plainScan's loop over a string.
var stringSpecial = func() (t [256]bool) {
	for c := range 0x20 {
		t[c] = true
	}
	t['"'], t['\\'] = true, true
	return t
}()

// number reads the JSON number at b[i]; the index after it, or -1.
func number(b []byte, i int) int {
	if i < len(b) && b[i] == '-' {
		i++
	}
	switch {
	case i < len(b) && b[i] == '0':
		i++
	case i < len(b) && '1' <= b[i] && b[i] <= '9':
		i = digits(b, i)
	default:
		return -1
	}
	if i < len(b) && b[i] == '.' {
		if i = digits(b, i+1); i < 0 {
			return -1
		}
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		i++
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		return digits(b, i)
	}
	return i
}

// digits reads one or more digits from b[i]; the index after them, or -1.
func digits(b []byte, i int) int {
	start := i
	for i < len(b) && '0' <= b[i] && b[i] <= '9' {
		i++
	}
	if i == start {
		return -1
	}
	return i
}

// literal reads word (true, false, null) at b[i]; the index after it, or -1.
func literal(b []byte, i int, word string) int {
	if end := i + len(word); end > len(b) || string(b[i:end]) != word {
		return -1
	}
	return i + len(word)
}

// skipSpace returns the index of the first byte at or after i that is not
// JSON white space. Its first test, b[i] > ' ', ends it on almost every
// byte of a compact body: four comparisons per call were a branch each
// under wasm.
func skipSpace(b []byte, i int) int {
	for i < len(b) && b[i] <= ' ' && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r') {
		i++
	}
	return i
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func closer(open byte) byte {
	if open == '[' {
		return ']'
	}
	return '}'
}

func boolBit(v bool) int {
	if v {
		return 1
	}
	return 0
}
