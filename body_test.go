package xpreflight

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
	"testing/iotest"
)

// TestReadBody: bounded reads, whatever the declared length says.
func TestReadBody(t *testing.T) {
	const max = 16
	tests := []struct {
		name     string
		body     string
		length   int64
		wantBuf  string
		wantRest bool
		wantErr  bool
	}{
		{"known length", "0123456789", 10, "0123456789", false, false},
		{"unknown length", "0123456789", -1, "0123456789", false, false},
		{"length 0 means unknown for requests", "0123", 0, "0123", false, false},
		{"declared short: the rest is read too", "0123456789", 4, "0123456789", false, false},
		{"over the bound", strings.Repeat("x", 20), -1, strings.Repeat("x", 17), true, false},
		{"declared short and over the bound", strings.Repeat("x", 40), 4, strings.Repeat("x", 17), true, false},
		{"declared long: broke off", "0123", 10, "", false, true},
		{"known length, empty", "", 0, "", false, false},
		{"known length at the bound", strings.Repeat("x", 16), 16, strings.Repeat("x", 16), false, false},
		{"known length at the bound, one more sent", strings.Repeat("x", 17), 16, strings.Repeat("x", 17), true, false},
		{"known length over the bound", strings.Repeat("x", 17), 17, strings.Repeat("x", 17), true, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			buf, rest, err := readBody(io.NopCloser(strings.NewReader(tc.body)), tc.length, max)
			if (err != nil) != tc.wantErr || string(buf) != tc.wantBuf || (rest != nil) != tc.wantRest {
				t.Fatalf("buf %q rest %v err %v", buf, rest != nil, err)
			}
			if rest != nil { // what was read plus the rest is the whole body
				more, _ := io.ReadAll(rest)
				if !bytes.Equal(append(buf, more...), []byte(tc.body)) {
					t.Fatal("bytes lost")
				}
			}
		})
	}
}

// readBodyByteProbe is readBody as it was before the read that finds the
// end used the buffer's spare byte (it read into a byte of its own, one
// more allocation per answer): FuzzReadBodyAgrees holds that both return
// the same bytes, rest and error.
func readBodyByteProbe(r io.ReadCloser, length, max int64) (buf []byte, rest io.ReadCloser, err error) {
	if length >= 0 && length <= max {
		buf = make([]byte, length)
		if _, err = io.ReadFull(r, buf); err != nil {
			return nil, nil, err
		}
		var one [1]byte
		if n, err := io.ReadAtLeast(r, one[:], 1); n == 0 {
			if err == io.EOF {
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

// FuzzReadBodyAgrees: readBody and readBodyByteProbe agree on any body,
// declared length and bound, read in one piece or a byte at a time, with
// or without an error after the last byte.
func FuzzReadBodyAgrees(f *testing.F) {
	f.Add([]byte("0123456789"), int64(10), int64(16), false, false)
	f.Add([]byte("0123456789"), int64(4), int64(16), true, false)
	f.Add([]byte("0123"), int64(10), int64(16), false, true)
	f.Add([]byte(""), int64(0), int64(0), false, false)
	f.Add(bytes.Repeat([]byte("x"), 17), int64(16), int64(16), true, true)
	broke := errors.New("broke off")
	f.Fuzz(func(t *testing.T, body []byte, length, max int64, oneByte, fail bool) {
		if max < 0 || max > 1<<16 || length > 1<<16 {
			return
		}
		open := func() io.ReadCloser {
			var r io.Reader = bytes.NewReader(body)
			if fail {
				r = io.MultiReader(r, iotest.ErrReader(broke))
			}
			if oneByte {
				r = iotest.OneByteReader(r)
			}
			return io.NopCloser(r)
		}
		buf, rest, err := readBody(open(), length, max)
		want, wantRest, wantErr := readBodyByteProbe(open(), length, max)
		if !bytes.Equal(buf, want) || (rest != nil) != (wantRest != nil) || !errors.Is(err, wantErr) && err != wantErr {
			t.Fatalf("readBody(%d bytes, %d, %d) = %q, rest %v, %v; before: %q, rest %v, %v",
				len(body), length, max, buf, rest != nil, err, want, wantRest != nil, wantErr)
		}
		if rest != nil {
			more, merr := io.ReadAll(rest)
			wantMore, wantMerr := io.ReadAll(wantRest)
			if !bytes.Equal(more, wantMore) || !errors.Is(merr, wantMerr) && merr != wantMerr {
				t.Fatalf("rest %q %v; before %q %v", more, merr, wantMore, wantMerr)
			}
		}
	})
}
