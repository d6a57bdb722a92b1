package xpreflight

import (
	"bytes"
	"io"
)

// readBody reads r to its end when that is at most max bytes; otherwise it
// returns what it read and r itself as the rest, still open. A known length
// sizes the buffer once.
func readBody(r io.ReadCloser, length, max int64) (buf []byte, rest io.ReadCloser, err error) {
	if length >= 0 && length <= max {
		// One byte of room past the declared length: the read that finds
		// the end uses it rather than a byte of its own on the heap.
		buf = make([]byte, length, length+1)
		if _, err = io.ReadFull(r, buf); err != nil {
			return nil, nil, err
		}
		if n, err := io.ReadAtLeast(r, buf[length:length+1], 1); n == 0 {
			if err == io.EOF { // the declared length was all of it
				return buf, nil, nil
			}
			return nil, nil, err
		}
		buf = buf[:length+1]
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

// answerBody is a read answer's body handed on: the bytes read, with the
// methods io.NopCloser(bytes.NewReader(buf)) would have (Read, WriteTo,
// Close) and no others, held in the call rather than allocated apart.
type answerBody struct{ r bytes.Reader }

func (b *answerBody) Read(p []byte) (int, error)         { return b.r.Read(p) }
func (b *answerBody) WriteTo(w io.Writer) (int64, error) { return b.r.WriteTo(w) }
func (b *answerBody) Close() error                       { return nil }
