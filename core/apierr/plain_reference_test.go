package apierr

import (
	"strings"
	"testing"

	"github.com/xpreflight/xpreflight/internal/swar"
)

// referencePlainScan is plainScan as it was before it read strings eight
// bytes at a time (byte by byte, escapes in referenceEscapedString), with
// skipSpace and mayNameProblem as they were then:
// FuzzPlainScanReference holds that plainScan answers as it does on every
// body, and BenchmarkPlainScan compares the two.
func referencePlainScan(b []byte) bool {
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
		i = referenceSkipSpace(b, i+1)
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
		// call per string cost a quarter of the scan under wasm).
		j := i + 1
		for j < len(b) && !stringSpecial[b[j]] {
			j++
		}
		if j < len(b) && b[j] != '"' {
			j = referenceEscapedString(b, j)
		}
		if j < 0 || j >= len(b) || referenceMayNameProblem(b[:j]) {
			return false
		}
		i = j + 1
	}
	if isValue {
		goto after
	}
	if i = referenceSkipSpace(b, i); i >= len(b) || b[i] != ':' {
		return false
	}
	i = referenceSkipSpace(b, i+1)
	goto value
after: // a value ended before b[i]
	i = referenceSkipSpace(b, i)
	if depth == 0 {
		return i == len(b)
	}
	if i >= len(b) {
		return false
	}
	inArray := arrays&(1<<(depth-1)) != 0
	switch c = b[i]; {
	case c == ',':
		i = referenceSkipSpace(b, i+1)
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

// escapedString reads the rest of a string from b[i], a byte of
// stringSpecial other than '"', and returns the index of its closing
// quote, or -1 when it is malformed or escapes a letter (\u0041–\u007F
// could hide "errors", "type" or "code").
func referenceEscapedString(b []byte, i int) int {
	for ; i < len(b); i++ {
		c := b[i]
		if !stringSpecial[c] {
			continue
		}
		if c == '"' {
			return i
		}
		if c < 0x20 || i+1 >= len(b) {
			return -1
		}
		i++ // c == '\\'
		switch b[i] {
		case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
		case 'u':
			if i+4 >= len(b) || !isHex(b[i+1]) || !isHex(b[i+2]) || !isHex(b[i+3]) || !isHex(b[i+4]) ||
				b[i+1] == '0' && b[i+2] == '0' && '4' <= b[i+3] && b[i+3] <= '7' {
				return -1
			}
			i += 4
		default:
			return -1
		}
	}
	return -1
}

// referenceSkipSpace is skipSpace as it was, four comparisons a byte.
func referenceSkipSpace(b []byte, i int) int {
	for i < len(b) && (b[i] == ' ' || b[i] == '\t' || b[i] == '\n' || b[i] == '\r') {
		i++
	}
	return i
}

// referenceMayNameProblem is mayNameProblem as it was, without the test of
// the last letter first.
func referenceMayNameProblem(s []byte) bool {
	n := len(s)
	return n >= 5 && (string(s[n-5:]) == `"type` || string(s[n-5:]) == `"code`) || n >= 7 && string(s[n-7:]) == `"errors`
}

// TestPlainScanWordEdges: plainScan's word loop against hostile strings,
// each stop byte, escape and cut-off at every offset of the eight-byte
// words (and in the byte-by-byte tail), with its answer and the
// reference's.
func TestPlainScanWordEdges(t *testing.T) {
	for _, tc := range []struct {
		body string
		want bool
	}{
		{`{"a":"1234567"}`, true},
		{`{"a":"12345678"}`, true},
		{`{"a":"123456789abcdefg"}`, true},
		{`{"a":"1234567\u0041"}`, false},           // an escaped letter in the tail
		{`{"a":"12345678\u0041"}`, false},          // at a word's start
		{`{"a":"123456789abcde\u0074ype"}`, false}, // straddling two words
		{`{"a":"12345678\"type"}`, false},          // an escaped quote, then a name
		{`{"a":"12345678\"","type":1}`, false},
		{`{"a":"1234567` + "\x01" + `"}`, false},  // a control byte in the last lane
		{`{"a":"12345678` + "\x1f" + `"}`, false}, // in the first
		{`{"a":"12345678` + "\x7f\x80\xff" + `"}`, true},
		{`{"a":"漢字かな交じり文のテキスト"}`, true},
		{`{"a":"漢字\n\t\\\/\"かな"}`, true},
		{`{"a":"12345678`, false},         // cut off at a word's end
		{`{"a":"123456789abcdef\`, false}, // cut off inside an escape
		{`{"a":"123456789abcde\u004`, false},
		{`{"a":"123456789abcde\u00e9`, false},
		{`{"a":"123456789abcde\u00e9"}`, true},
		{`{"a":"123456789a\q"}`, false},
		{`{"12345678errors":1}`, true},
		{`{"1234567\"errors":1}`, false},
		{`{"abcdefgh":"errors"}`, false}, // a value reading errors: classed in full
	} {
		if got, ref := plainScan([]byte(tc.body)), referencePlainScan([]byte(tc.body)); got != tc.want || ref != tc.want {
			t.Errorf("plainScan(%q) = %v, reference %v, want %v", tc.body, got, ref, tc.want)
		}
	}
	// Every stop byte and escape at every offset from the string's start, and
	// every cut-off of those bodies.
	for _, inner := range []string{"\x00", "\x1f", `"`, `\`, `\n`, `\u0041`, `\u00e9`, `\u12`, `\x`, "\x7f", "é", `"type`, `\"type`} {
		for pre := range 2*swar.Size + 1 {
			for post := range swar.Size + 1 {
				body := `{"k":"` + strings.Repeat("p", pre) + inner + strings.Repeat("q", post) + `"}`
				for n := range len(body) + 1 {
					b := []byte(body[:n])
					if got, ref := plainScan(b), referencePlainScan(b); got != ref {
						t.Fatalf("plainScan(%q) = %v, reference %v", b, got, ref)
					}
				}
			}
		}
	}
}

// FuzzPlainScanReference: plainScan answers as referencePlainScan, the
// byte-by-byte scan it replaced.
func FuzzPlainScanReference(f *testing.F) {
	for _, s := range []string{`{"a":"12345678\u0041"}`, `{"a":"1234567` + "\x01" + `"}`, `{"a":"漢字\n"}`, `{"errors":[]}`,
		`{"a":[1,-0.5e3,true,null,"\u00e9"]}`, `{"a":"123456789abcde\u0074ype"}`} {
		f.Add([]byte(s))
	}
	for _, b := range fixtureBodies(f) {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		if got, ref := plainScan(body), referencePlainScan(body); got != ref {
			t.Fatalf("plainScan(%q) = %v, reference %v", body, got, ref)
		}
	})
}

// BenchmarkPlainScan: plainScan against the byte-by-byte reference on a
// search answer like X's (short ids, Japanese text, escaped line breaks).
func BenchmarkPlainScan(b *testing.B) {
	post := `{"edit_history_tweet_ids":["1585948467641618434"],"id":"1585948467641618434","text":"綺麗\n\n将棋ウォーズ棋譜(ekusiadadus:三段 vs piropiro99:二段) #shogiwars #棋神解析\nhttps://t.co/VyfPoaPIGR https://t.co/yYvoJOyORL"}`
	body := []byte(`{"data":[` + strings.TrimSuffix(strings.Repeat(post+",", 10), ",") + `],"meta":{"newest_id":"1586363172692594690","oldest_id":"1585948467641618434","result_count":10}}`)
	for _, s := range []struct {
		name string
		scan func([]byte) bool
	}{{"plainScan", plainScan}, {"reference", referencePlainScan}} {
		b.Run(s.name, func(b *testing.B) {
			for b.Loop() {
				if !s.scan(body) {
					b.Fatal("not plain")
				}
			}
		})
	}
}
