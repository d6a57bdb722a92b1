package xpreflight

import (
	"bytes"
	"compress/gzip"
	"compress/zlib"
	"io"
	"strings"
)

// Why an answer was classed by its status alone (Result.StatusOnly): its
// body was not read, or could not be read as the JSON X sends.
const (
	// BodyTooLong: the body, or what it decodes to, is longer than the
	// bound (1 MiB); it is passed on whole, unread past the bound.
	BodyTooLong = "too-long"
	// BodyUnknownCoding: the answer's Content-Encoding is one this package
	// does not decode (br, zstd, several codings, any other).
	BodyUnknownCoding = "unknown-coding"
	// BodyBadCoding: the body is not valid in its Content-Encoding (a
	// corrupt or cut-off gzip or zlib stream).
	BodyBadCoding = "bad-coding"
)

// Go's http.Transport decodes only the gzip it asked for itself: when the
// caller sets Accept-Encoding, the answer comes back as X coded it, with its
// Content-Encoding header. Classing those bytes would read a partial or a
// usage-capped answer as unknown, so the Transport classes a decoded copy;
// the caller still gets the coded bytes.

// contentCoding reads the answer's Content-Encoding values (RFC 9110
// §8.4): "" for none (no header, empty, identity), else the one coding in
// lower case, or "*" for several codings (a list, or several header lines).
func contentCoding(values []string) string {
	coding := ""
	for _, v := range values {
		for _, c := range strings.Split(v, ",") {
			c = strings.ToLower(strings.TrimSpace(c))
			if c == "" || c == "identity" {
				continue
			}
			if coding != "" {
				return "*"
			}
			coding = c
		}
	}
	return coding
}

// decodeBody returns body decoded from coding (as contentCoding gives it)
// when that is at most max bytes, or nil and why not (BodyTooLong,
// BodyUnknownCoding, BodyBadCoding). It never produces more than max+1
// bytes, however much the body would expand to (a small body can decode
// to gigabytes): past max it stops, as readBody stops for a long answer.
// deflate is the zlib format, as RFC 9110 §8.4.1.2 defines it.
func decodeBody(coding string, body []byte, max int64) ([]byte, string) {
	var dec io.ReadCloser
	var err error
	switch coding {
	case "gzip", "x-gzip": // x-gzip: the same coding (RFC 9110 §8.4.1.3)
		dec, err = gzip.NewReader(bytes.NewReader(body))
	case "deflate":
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
	return out, ""
}
