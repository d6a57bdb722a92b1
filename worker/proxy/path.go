package proxy

import (
	"fmt"
	"strings"

	"github.com/xpreflight/xpreflight/internal/swar"
)

// PathError says why a request target is refused. Pos is the byte offset in
// the target where the offending text starts.
type PathError struct {
	Pos    int
	Reason string
}

func (e *PathError) Error() string { return fmt.Sprintf("byte %d: %s", e.Pos, e.Reason) }

// CheckTarget accepts only a normalised origin-form target under /2/: no empty,
// "." or ".." segments (also when percent-encoded or followed by ";…"), no backslashes, no encoded
// slash or percent sign, no control or non-ASCII bytes in the path. It returns
// the path and the query (without "?"), unchanged, so the caller forwards
// exactly what it was sent. The query is only checked for bytes that a URL
// parser would silently drop or that end the request line.
func CheckTarget(target string) (path, query string, err error) {
	path, query, _ = strings.Cut(target, "?")
	if !strings.HasPrefix(path, "/2/") {
		return "", "", &PathError{0, "only paths under /2/ are forwarded"}
	}
	for i := queryWords(query); i < len(query); i++ {
		if c := query[i]; c <= 0x20 || c == 0x7f || c == '#' {
			return "", "", &PathError{len(path) + 1 + i, fmt.Sprintf("byte 0x%02x is not allowed in the query", c)}
		}
	}
	start := 1
	for seg := range strings.SplitSeq(path[1:], "/") {
		if err := checkSegment(seg, start); err != nil {
			return "", "", err
		}
		start += len(seg) + 1
	}
	return path, query, nil
}

// checkSegment runs on every forwarded call, so it does not build the
// decoded segment: a dot segment is told by counting what it decodes to.
// queryWords is how many bytes of query, in whole words, hold none of the
// bytes CheckTarget refuses there: a query string is the longest part of
// most targets, and under wasm a word test costs a third of a byte loop.
func queryWords(query string) int {
	i := 0
	for ; i+swar.Size <= len(query); i += swar.Size {
		if x := swar.Word(query[i:]); swar.Below(x, 0x21)|swar.Is(x, 0x7f)|swar.Is(x, '#') != 0 {
			break
		}
	}
	return i
}

func checkSegment(seg string, pos int) error {
	if seg == "" {
		return &PathError{pos, "empty path segment (\"//\")"}
	}
	// Of the decoded bytes before the first ';': how many, how many dots.
	decoded, dots, param := 0, 0, false
	for i := 0; i < len(seg); i++ {
		c := seg[i]
		switch {
		case c == '%':
			d, ok := unhex(seg, i)
			if !ok {
				return &PathError{pos + i, "malformed percent-encoding"}
			}
			if !isUnreserved(d) {
				return &PathError{pos + i, fmt.Sprintf("percent-encoded %q is not allowed in a path", rune(d))}
			}
			c = d
			i += 2
		case !isPathByte(c):
			return &PathError{pos + i, fmt.Sprintf("byte %q is not allowed in a path", rune(c))}
		}
		param = param || c == ';'
		if !param {
			decoded++
			if c == '.' {
				dots++
			}
		}
	}
	// A dot segment also counts with a ";parameter" after it: servers that
	// strip path parameters (RFC 3986 §3.3) would resolve "..;x" as "..".
	if (decoded == 1 || decoded == 2) && dots == decoded {
		return &PathError{pos, fmt.Sprintf("dot segment %q", seg)}
	}
	return nil
}

// isUnreserved: RFC 3986 unreserved characters, the only ones worth encoding
// that cannot change how a path is split or resolved.
func isUnreserved(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' ||
		c == '-' || c == '.' || c == '_' || c == '~'
}

// isPathByte: unreserved plus the sub-delims, ':' and '@' (RFC 3986 pchar).
func isPathByte(c byte) bool { return pathBytes[c] }

// pathBytes is isPathByte as a table: one look-up per byte of every path.
var pathBytes = func() (t [256]bool) {
	for c := range t {
		t[c] = isUnreserved(byte(c)) || strings.IndexByte("!$&'()*+,;=:@", byte(c)) >= 0
	}
	return t
}()

func unhex(s string, i int) (byte, bool) {
	if i+2 >= len(s) {
		return 0, false
	}
	hi, ok1 := hexVal(s[i+1])
	lo, ok2 := hexVal(s[i+2])
	return hi<<4 | lo, ok1 && ok2
}

func hexVal(c byte) (byte, bool) {
	switch {
	case '0' <= c && c <= '9':
		return c - '0', true
	case 'a' <= c && c <= 'f':
		return c - 'a' + 10, true
	case 'A' <= c && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}
