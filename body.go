package xpreflight

import (
	"bytes"
	"encoding/json"
	"io"
)

// readBody reads r to its end when that is at most max bytes; otherwise it
// returns what it read and r itself as the rest, still open. A known length
// sizes the buffer once.
func readBody(r io.ReadCloser, length, max int64) (buf []byte, rest io.ReadCloser, err error) {
	if length >= 0 && length <= max {
		buf = make([]byte, length)
		if _, err = io.ReadFull(r, buf); err != nil {
			return nil, nil, err
		}
		var one [1]byte
		if n, err := io.ReadAtLeast(r, one[:], 1); n == 0 {
			if err == io.EOF { // the declared length was all of it
				return buf, nil, nil
			}
			return nil, nil, err
		}
		buf = append(buf, one[0])
		more, err := io.ReadAll(io.LimitReader(r, max+1-int64(len(buf))))
		if err != nil {
			return nil, nil, err
		}
		buf = append(buf, more...)
	} else {
		buf, err = io.ReadAll(io.LimitReader(r, max+1))
		if err != nil {
			return nil, nil, err
		}
	}
	if int64(len(buf)) > max {
		return buf, r, nil
	}
	return buf, nil, nil
}

// plainObject reports whether body is a JSON object that names no
// "errors" and no "type" key (nor spells a letter as a \u00XX escape,
// which could hide one): such a body carries no problem and no partial
// error, so core/apierr would class it success. It only looks for the two
// names after a quote, so it may say no to a plain body (which is then
// classed in full), never yes to one holding a problem.
func plainObject(body []byte) bool {
	b := bytes.TrimLeft(body, " \t\r\n")
	if len(b) == 0 || b[0] != '{' {
		return false
	}
	// Backslashes are rare, so IndexByte finds them fast.
	for i := 0; ; {
		j := bytes.IndexByte(b[i:], '\\')
		if j < 0 {
			break
		}
		i += j + 1
		if rest := b[i:]; len(rest) >= 4 && rest[0] == 'u' && rest[1] == '0' && rest[2] == '0' && rest[3] >= '4' && rest[3] <= '7' {
			return false
		}
	}
	// Any "errors" or "type" key contains these; searching for them skips
	// the quotes, which are everywhere, and is several times faster.
	if bytes.Contains(b, []byte(`rrors"`)) || bytes.Contains(b, []byte(`ype"`)) {
		return false
	}
	// A body cut off or malformed is no plain success: core/apierr calls it
	// unknown, and core/retry must be asked about it.
	return json.Valid(b)
}
