package apierr

import (
	"bytes"
	"compress/gzip"
	"compress/zlib"
	"io"
	"strings"
	"sync"
)

// An answer may come coded (Content-Encoding gzip, x-gzip or deflate) when
// the client asked for it: Go's http.Transport decodes only the gzip it
// asked for itself, and the Worker fetches X's bytes as sent to hand them on
// unchanged. Classing coded bytes would read a partial or a usage-capped
// answer as unknown, so both class a decoded copy, decoded here: one rule
// for which codings are decoded, how far, and why an answer is otherwise
// classed by its status alone.

// BodyUnread is why an answer was classed by its status alone: its body was
// not read, or could not be read as the JSON X sends. The zero value: the
// body was read (or there was none). A byte, not a string, so the result it
// sits in does not grow.
type BodyUnread uint8

const (
	// BodyTooLong: the body, or what it decodes to, is longer than the
	// bound (1 MiB in the Transport and the Worker); it is passed on whole,
	// unread past the bound.
	BodyTooLong BodyUnread = iota + 1
	// BodyUnknownCoding: the answer's Content-Encoding is one DecodeBody
	// does not decode (br, zstd, several codings, any other).
	BodyUnknownCoding
	// BodyBadCoding: the body is not valid in its Content-Encoding (a
	// corrupt or cut-off gzip or zlib stream).
	BodyBadCoding
)

// String is the reason's name: "too-long", "unknown-coding", "bad-coding",
// or "" for the zero value.
func (u BodyUnread) String() string {
	switch u {
	case BodyTooLong:
		return "too-long"
	case BodyUnknownCoding:
		return "unknown-coding"
	case BodyBadCoding:
		return "bad-coding"
	}
	return ""
}

// coding is an answer's Content-Encoding as far as DecodeBody is concerned.
type coding uint8

const (
	codingNone    coding = iota // no header, empty, or identity
	codingGzip                  // gzip or x-gzip (RFC 9110 §8.4.1.3: the same coding)
	codingDeflate               // deflate: the zlib format (RFC 9110 §8.4.1.2)
	codingOther                 // br, zstd, several codings, anything else
)

// DecodeBody returns an answer's body as X meant it, for its class: body
// itself when contentEncoding (the Content-Encoding field's values, one
// per header line or joined by commas) names no coding or body is empty
// (a 204 labelled gzip has nothing to decode); else body decoded from
// gzip, x-gzip or deflate (zlib) when that is at most max bytes. Otherwise
// it returns nil and why: BodyUnknownCoding for any other coding or
// several codings, BodyBadCoding for bytes not valid in their coding,
// BodyTooLong past max. It never produces more than max+1 bytes, however
// far the body would expand (a few KiB of gzip can decode to gigabytes),
// and never changes body.
func DecodeBody(contentEncoding []string, body []byte, max int64) ([]byte, BodyUnread) {
	c := contentCoding(contentEncoding)
	if c == codingNone || len(body) == 0 {
		return body, 0
	}
	return decodeBody(c, body, max)
}

// contentCoding reads Content-Encoding values (RFC 9110 §8.4; coding names
// are case-insensitive): several codings (a list, or several header lines)
// are codingOther, identity and empty items none. It allocates nothing:
// the Worker calls it on every answer it reads.
func contentCoding(values []string) coding {
	found := codingNone
	for _, v := range values {
		for more := true; more; {
			var c string
			c, v, more = strings.Cut(v, ",")
			c = strings.TrimSpace(c)
			this := codingOther
			switch {
			case c == "" || strings.EqualFold(c, "identity"):
				continue
			case strings.EqualFold(c, "gzip") || strings.EqualFold(c, "x-gzip"):
				this = codingGzip
			case strings.EqualFold(c, "deflate"):
				this = codingDeflate
			}
			if found != codingNone {
				return codingOther
			}
			found = this
		}
	}
	return found
}

// decodeBody decodes body from c (gzip or deflate) within max bytes, or
// says why not.
func decodeBody(c coding, body []byte, max int64) ([]byte, BodyUnread) {
	var dec io.Reader
	switch c {
	case codingGzip:
		zr := gzipReaders.Get().(*gzip.Reader)
		defer gzipReaders.Put(zr)
		if err := zr.Reset(bytes.NewReader(body)); err != nil {
			return nil, BodyBadCoding
		}
		dec = zr
	case codingDeflate:
		zr, err := newZlibReader(body)
		if err != nil {
			return nil, BodyBadCoding
		}
		defer zlibReaders.Put(zr)
		dec = zr
	default:
		return nil, BodyUnknownCoding
	}
	out, err := io.ReadAll(io.LimitReader(dec, max+1))
	switch {
	case int64(len(out)) > max:
		return nil, BodyTooLong
	case err != nil:
		return nil, BodyBadCoding
	}
	return out, 0
}

// The readers are reused: each holds a flate decompressor of about 40 KiB,
// which allocating anew was most of decoding a small answer
// (BenchmarkDecodeBody). A Reset reader keeps nothing of the last body that
// a later one could read: Reset starts its state afresh.
var (
	gzipReaders = sync.Pool{New: func() any { return new(gzip.Reader) }}
	zlibReaders sync.Pool // io.ReadCloser that are zlib.Resetter; empty until a first deflate answer
)

// newZlibReader is zlib.NewReader(body) from the pool when it holds one.
func newZlibReader(body []byte) (io.ReadCloser, error) {
	if zr, ok := zlibReaders.Get().(io.ReadCloser); ok {
		if err := zr.(zlib.Resetter).Reset(bytes.NewReader(body), nil); err != nil {
			zlibReaders.Put(zr)
			return nil, err
		}
		return zr, nil
	}
	zr, err := zlib.NewReader(bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	return zr, nil
}
