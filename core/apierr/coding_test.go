package apierr

import (
	"bytes"
	"compress/gzip"
	"compress/zlib"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// recorded is X's partial-error answer as recorded (testdata/README.md:
// 200-partial-not-found.json, sferik/x-ruby issue #11).
func recorded(tb testing.TB) []byte {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "bodies", "200-partial-not-found.json"))
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

func gzipped(tb testing.TB, b []byte) []byte {
	tb.Helper()
	var buf bytes.Buffer
	w := gzip.NewWriter(&buf)
	if _, err := w.Write(b); err != nil {
		tb.Fatal(err)
	}
	if err := w.Close(); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

func zlibbed(tb testing.TB, b []byte) []byte {
	tb.Helper()
	var buf bytes.Buffer
	w := zlib.NewWriter(&buf)
	if _, err := w.Write(b); err != nil {
		tb.Fatal(err)
	}
	if err := w.Close(); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// corrupt flips a byte in the middle of a coded body: the stream fails its
// checksum or its block structure.
func corrupt(b []byte) []byte {
	c := bytes.Clone(b)
	c[len(c)/2] ^= 0xff
	return c
}

// TestDecodeBody: the rule's table, from the header values the Transport
// and the Worker pass, hostile inputs included.
func TestDecodeBody(t *testing.T) {
	plain := recorded(t)
	gz := gzipped(t, plain)
	tests := []struct {
		name   string
		coding []string
		body   []byte
		max    int64
		want   []byte
		why    BodyUnread
	}{
		{"no header", nil, plain, 1 << 20, plain, 0},
		{"identity", []string{"identity"}, plain, 1 << 20, plain, 0},
		{"identity past the bound: not this rule's to judge", []string{"identity"}, plain, 10, plain, 0},
		{"gzip", []string{"gzip"}, gz, 1 << 20, plain, 0},
		{"x-gzip", []string{"x-gzip"}, gz, 1 << 20, plain, 0},
		{"GZIP upper case", []string{"GZIP"}, gz, 1 << 20, plain, 0},
		{"gzip, identity: one coding", []string{"gzip, identity"}, gz, 1 << 20, plain, 0},
		{"identity and gzip on two lines", []string{"identity", "gzip"}, gz, 1 << 20, plain, 0},
		{"deflate", []string{"deflate"}, zlibbed(t, plain), 1 << 20, plain, 0},
		{"exactly the bound", []string{"gzip"}, gz, int64(len(plain)), plain, 0},
		{"one byte past the bound", []string{"gzip"}, gz, int64(len(plain)) - 1, nil, BodyTooLong},
		{"empty gzip member", []string{"gzip"}, gzipped(t, nil), 10, []byte{}, 0},
		{"gzip members concatenated", []string{"gzip"}, append(gzipped(t, plain[:10]), gzipped(t, plain[10:])...), 1 << 20, plain, 0},
		{"gzip then garbage", []string{"gzip"}, append(bytes.Clone(gz), "junk"...), 1 << 20, nil, BodyBadCoding},
		{"empty body labelled gzip: nothing to decode", []string{"gzip"}, nil, 1 << 20, nil, 0},
		{"plain JSON labelled gzip", []string{"gzip"}, plain, 1 << 20, nil, BodyBadCoding},
		{"plain JSON labelled deflate", []string{"deflate"}, plain, 1 << 20, nil, BodyBadCoding},
		{"corrupt gzip", []string{"gzip"}, corrupt(gz), 1 << 20, nil, BodyBadCoding},
		{"cut-off gzip", []string{"gzip"}, gz[:len(gz)-6], 1 << 20, nil, BodyBadCoding},
		{"deflate sent raw (not zlib)", []string{"deflate"}, zlibbed(t, plain)[2:], 1 << 20, nil, BodyBadCoding},
		{"br", []string{"br"}, plain, 1 << 20, nil, BodyUnknownCoding},
		{"zstd", []string{"zstd"}, plain, 1 << 20, nil, BodyUnknownCoding},
		{"two codings", []string{"gzip, gzip"}, gzipped(t, gz), 1 << 20, nil, BodyUnknownCoding},
		{"two codings on two lines", []string{"gzip", "deflate"}, gz, 1 << 20, nil, BodyUnknownCoding},
		{"bomb: 64 MiB of zeros", []string{"gzip"}, gzipped(t, make([]byte, 64<<20)), 1 << 20, nil, BodyTooLong},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			orig := bytes.Clone(tc.body)
			got, why := DecodeBody(tc.coding, tc.body, tc.max)
			if why != tc.why || !bytes.Equal(got, tc.want) || (tc.want != nil) != (got != nil) {
				t.Fatalf("got %d bytes (nil %v), %v; want %d bytes, %v", len(got), got == nil, why, len(tc.want), tc.why)
			}
			if !bytes.Equal(tc.body, orig) {
				t.Fatal("DecodeBody changed the caller's bytes")
			}
		})
	}
}

// TestDecodeBodyReuse: a pooled reader decodes each body afresh: a body
// after a corrupt one, a deflate after a gzip, a short one after a long one.
func TestDecodeBodyReuse(t *testing.T) {
	plain := recorded(t)
	long := bytes.Repeat(plain, 20)
	steps := []struct {
		coding string
		body   []byte
		want   []byte
		why    BodyUnread
	}{
		{"gzip", gzipped(t, long), long, 0},
		{"gzip", corrupt(gzipped(t, plain)), nil, BodyBadCoding},
		{"gzip", gzipped(t, plain[:40]), plain[:40], 0},
		{"deflate", zlibbed(t, long), long, 0},
		{"deflate", corrupt(zlibbed(t, plain)), nil, BodyBadCoding},
		{"deflate", []byte{0x78}, nil, BodyBadCoding},
		{"deflate", zlibbed(t, plain[:40]), plain[:40], 0},
		{"gzip", gzipped(t, plain), plain, 0},
	}
	for i, s := range steps {
		got, why := DecodeBody([]string{s.coding}, s.body, 1<<20)
		if why != s.why || !bytes.Equal(got, s.want) {
			t.Fatalf("step %d (%s): %d bytes, %v; want %d bytes, %v", i, s.coding, len(got), why, len(s.want), s.why)
		}
	}
}

func TestContentCoding(t *testing.T) {
	tests := []struct {
		values []string
		want   coding
	}{
		{nil, codingNone},
		{[]string{""}, codingNone},
		{[]string{"identity"}, codingNone},
		{[]string{"IDENTITY , "}, codingNone},
		{[]string{"gzip"}, codingGzip},
		{[]string{" X-GZip "}, codingGzip},
		{[]string{"Deflate"}, codingDeflate},
		{[]string{"identity, gzip"}, codingGzip},
		{[]string{"gzip, identity"}, codingGzip},
		{[]string{"gzip, br"}, codingOther},
		{[]string{"gzip", "gzip"}, codingOther},
		{[]string{"br"}, codingOther},
		{[]string{"zstd"}, codingOther},
		{[]string{"gzip;q=1"}, codingOther},
		{[]string{",,"}, codingNone},
		{[]string{"gzip,"}, codingGzip},
	}
	for _, tc := range tests {
		if got := contentCoding(tc.values); got != tc.want {
			t.Errorf("contentCoding(%q) = %d, want %d", tc.values, got, tc.want)
		}
	}
	if n := testing.AllocsPerRun(100, func() { contentCoding([]string{"identity, gzip"}) }); n != 0 {
		t.Errorf("contentCoding allocated %v times per call", n)
	}
}

// TestDecodeBodyBounded: a bomb costs the bound, not what it expands to.
func TestDecodeBodyBounded(t *testing.T) {
	bomb := gzipped(t, make([]byte, 256<<20)) // 256 MiB of zeros in ~250 KiB
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, why := DecodeBody([]string{"gzip"}, bomb, 1<<20)
	runtime.ReadMemStats(&after)
	if why != BodyTooLong {
		t.Fatalf("why %v", why)
	}
	if n := after.TotalAlloc - before.TotalAlloc; n > 8<<20 {
		t.Fatalf("decoding a 256 MiB bomb under a 1 MiB bound allocated %d bytes", n)
	}
}
