package apierr

import (
	"bytes"
	"compress/gzip"
	"compress/zlib"
	"io"
	"testing"
)

// FuzzDecodeBody: for any Content-Encoding, body and bound DecodeBody never
// panics, never changes the body, never returns more than the bound once
// decoding, says why whenever it returns nothing, and agrees with a
// reference decode by the standard library's readers made afresh: the
// whole decoded body when it fits, too-long when the reference finds more
// than the bound.
func FuzzDecodeBody(f *testing.F) {
	plain := recorded(f)
	f.Add("gzip", gzipped(f, plain), int64(1<<20))
	f.Add("x-gzip", gzipped(f, plain), int64(len(plain)))
	f.Add("gzip, identity", gzipped(f, plain), int64(len(plain)-1))
	f.Add("deflate", zlibbed(f, plain), int64(100))
	f.Add("gzip", corrupt(gzipped(f, plain)), int64(1<<20))
	f.Add("gzip", gzipped(f, make([]byte, 1<<16)), int64(4096))
	f.Add("br", plain, int64(1<<20))
	f.Add("identity", plain, int64(1<<20))
	f.Add("deflate", []byte{}, int64(0))
	f.Fuzz(func(t *testing.T, ce string, body []byte, max int64) {
		if max < 0 || max > 1<<20 {
			max = 1 << 10
		}
		orig := bytes.Clone(body)
		got, why := DecodeBody([]string{ce}, body, max)
		if !bytes.Equal(body, orig) {
			t.Fatal("DecodeBody changed the caller's bytes")
		}
		if (got == nil && len(body) > 0) == (why == 0) {
			t.Fatalf("got %d bytes (nil %v) with why %v", len(got), got == nil, why)
		}
		c := contentCoding([]string{ce})
		if c == codingNone || len(body) == 0 {
			if why != 0 || !bytes.Equal(got, body) {
				t.Fatalf("%q: nothing to decode, got %d bytes, %v", ce, len(got), why)
			}
			return
		}
		if int64(len(got)) > max {
			t.Fatalf("%d bytes returned, bound %d", len(got), max)
		}
		var dec io.ReadCloser
		var err error
		switch c {
		case codingGzip:
			dec, err = gzip.NewReader(bytes.NewReader(body))
		case codingDeflate:
			dec, err = zlib.NewReader(bytes.NewReader(body))
		default:
			if why != BodyUnknownCoding {
				t.Fatalf("coding %q: why %v", ce, why)
			}
			return
		}
		if err != nil {
			if why != BodyBadCoding {
				t.Fatalf("reference header error %v, why %v", err, why)
			}
			return
		}
		ref, err := io.ReadAll(io.LimitReader(dec, max+4096))
		switch {
		case int64(len(ref)) > max:
			if why != BodyTooLong {
				t.Fatalf("reference decodes to more than %d bytes, why %v", max, why)
			}
		case err != nil:
			if why != BodyBadCoding {
				t.Fatalf("reference error %v, why %v", err, why)
			}
		case !bytes.Equal(got, ref):
			t.Fatalf("decoded %d bytes, reference %d", len(got), len(ref))
		}
	})
}
