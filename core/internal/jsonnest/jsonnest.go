// Package jsonnest measures how deeply a JSON text nests without decoding
// it, so that callers can refuse to hand a hostile document to a recursive
// decoder or validator.
//
// encoding/json decodes into `any`, and jsonschema/v5 validates, with one
// or more Go calls per level of nesting. Compiled to WebAssembly those are
// calls on V8's own stack, which runs out at a few thousand levels (a body
// of 5,000 '[' ended the Go program in the JS package on Node 20, measured
// 2026-12-04; encoding/json's own limit is 10,000). No body X sends or takes
// nests anywhere near MaxDepth, so a deeper one is hostile or broken and is
// judged without being decoded.
package jsonnest

// MaxDepth is the nesting the callers in core/ decode: X's request and
// response bodies nest less than a dozen levels (the deepest, an expanded
// post's includes, about eight), and 64 levels of decoding and schema
// validation use a small fraction of V8's stack.
const MaxDepth = 64

// Deeper reports whether the JSON text b nests more than limit arrays and
// objects deep, and if so the byte offset of the bracket that opens level
// limit+1. It reads b once, byte by byte, in constant memory, and makes no
// judgement about whether b is valid JSON: brackets inside strings are
// skipped, any other byte is ignored.
func Deeper(b []byte, limit int) (offset int, deeper bool) {
	depth := 0
	inString := false
	for i := 0; i < len(b); i++ {
		c := b[i]
		if inString {
			switch c {
			case '\\':
				i++ // the escaped byte cannot end the string
			case '"':
				inString = false
			}
			continue
		}
		switch c {
		case '"':
			inString = true
		case '[', '{':
			depth++
			if depth > limit {
				return i, true
			}
		case ']', '}':
			if depth > 0 { // a stray closer must not buy depth for later openers
				depth--
			}
		}
	}
	return -1, false
}
