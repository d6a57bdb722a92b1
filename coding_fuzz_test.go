package xpreflight

import (
	"bytes"
	"compress/gzip"
	"compress/zlib"
	"io"
	"runtime"
	"testing"
)

// FuzzDecodeBody: for any body, coding and bound the helper never panics,
// never returns more than the bound, says why whenever it returns nothing,
// and agrees with a reference decode: the whole decoded body when it fits,
// too-long when the reference finds more than the bound.
func FuzzDecodeBody(f *testing.F) {
	plain := []byte(okBody)
	f.Add(uint8(codingGzip), gzipped(f, plain), int64(1<<20))
	f.Add(uint8(codingGzip), gzipped(f, plain), int64(len(plain)))
	f.Add(uint8(codingGzip), gzipped(f, plain), int64(len(plain)-1))
	f.Add(uint8(codingDeflate), zlibbed(f, plain), int64(100))
	f.Add(uint8(codingGzip), corrupt(gzipped(f, plain)), int64(1<<20))
	f.Add(uint8(codingGzip), gzipped(f, make([]byte, 1<<16)), int64(4096))
	f.Add(uint8(codingOther), plain, int64(1<<20))
	f.Add(uint8(codingDeflate), []byte{}, int64(0))
	f.Fuzz(func(t *testing.T, c uint8, body []byte, max int64) {
		if max < 0 || max > 1<<20 {
			max = 1 << 10
		}
		got, why := decodeBody(coding(c), body, max)
		if int64(len(got)) > max {
			t.Fatalf("%d bytes returned, bound %d", len(got), max)
		}
		if (got == nil) == (why == 0) {
			t.Fatalf("got %d bytes (nil %v) with why %v", len(got), got == nil, why)
		}
		var dec io.ReadCloser
		var err error
		switch coding(c) {
		case codingGzip:
			dec, err = gzip.NewReader(bytes.NewReader(body))
		case codingDeflate:
			dec, err = zlib.NewReader(bytes.NewReader(body))
		default:
			if why != BodyUnknownCoding {
				t.Fatalf("coding %d: why %v", c, why)
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

// TestDecodeBodyBounded: a bomb costs the bound, not what it expands to.
func TestDecodeBodyBounded(t *testing.T) {
	bomb := gzipped(t, make([]byte, 256<<20)) // 256 MiB of zeros in ~250 KiB
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, why := decodeBody(codingGzip, bomb, 1<<20)
	runtime.ReadMemStats(&after)
	if why != BodyTooLong {
		t.Fatalf("why %v", why)
	}
	if n := after.TotalAlloc - before.TotalAlloc; n > 8<<20 {
		t.Fatalf("decoding a 256 MiB bomb under a 1 MiB bound allocated %d bytes", n)
	}
}
