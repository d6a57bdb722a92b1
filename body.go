package xpreflight

import (
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
