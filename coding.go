package xpreflight

import (
	"bytes"
	"compress/gzip"
	"compress/zlib"
	"io"
	"strings"
)

// BodyUnread is why an answer was classed by its status alone
// (Result.StatusOnly): its body was not read, or could not be read as the
// JSON X sends. The zero value: the body was read (or there was none).
// A byte, not a string, so the Result it sits in does not grow.
type BodyUnread uint8

const (
	// BodyTooLong: the body, or what it decodes to, is longer than the
	// bound (1 MiB); it is passed on whole, unread past the bound.
	BodyTooLong BodyUnread = iota + 1
	// BodyUnknownCoding: the answer's Content-Encoding is one this package
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

// coding is an answer's Content-Encoding as far as the Transport is
// concerned (a byte in the call, for the same reason as BodyUnread).
type coding uint8

const (
	codingNone    coding = iota // no header, empty, or identity
	codingGzip                  // gzip or x-gzip (RFC 9110 §8.4.1.3: the same coding)
	codingDeflate               // deflate: the zlib format (RFC 9110 §8.4.1.2)
	codingOther                 // br, zstd, several codings, anything else
)

// Go's http.Transport decodes only the gzip it asked for itself: when the
// caller sets Accept-Encoding, the answer comes back as X coded it, with its
// Content-Encoding header. Classing those bytes would read a partial or a
// usage-capped answer as unknown, so the Transport classes a decoded copy;
// the caller still gets the coded bytes.

// contentCoding reads the answer's Content-Encoding values (RFC 9110
// §8.4; coding names are case-insensitive): several codings (a list, or
// several header lines) are codingOther, identity and empty items none.
func contentCoding(values []string) coding {
	found := codingNone
	for _, v := range values {
		for _, c := range strings.Split(v, ",") {
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

// decodeBody returns body decoded from c when that is at most max bytes,
// or nil and why not (BodyTooLong,
// BodyUnknownCoding, BodyBadCoding). It never produces more than max+1
// bytes, however much the body would expand to (a small body can decode
// to gigabytes): past max it stops, as readBody stops for a long answer.
func decodeBody(c coding, body []byte, max int64) ([]byte, BodyUnread) {
	var dec io.ReadCloser
	var err error
	switch c {
	case codingGzip:
		dec, err = gzip.NewReader(bytes.NewReader(body))
	case codingDeflate:
		dec, err = zlib.NewReader(bytes.NewReader(body))
	default:
		return nil, BodyUnknownCoding
	}
	if err != nil {
		return nil, BodyBadCoding
	}
	defer dec.Close()
	out, err := io.ReadAll(io.LimitReader(dec, max+1))
	switch {
	case int64(len(out)) > max:
		return nil, BodyTooLong
	case err != nil:
		return nil, BodyBadCoding
	}
	return out, 0
}
