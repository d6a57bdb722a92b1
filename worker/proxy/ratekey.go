package proxy

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"
	"unicode/utf8"
)

// RateKey names one rate-limit budget: X counts per credential and endpoint.
// The credential is first reduced to the identity X counts (LedgerIdentity),
// so spelling variants of one token share a budget and OAuth 1.0a's
// per-request nonce and signature do not split it. Only the hash leaves this
// function, so the Durable Object (and its storage) never holds a credential
// in clear.
//
// It runs on every forwarded call, so it allocates only its answer: the
// hash input is built in a stack buffer (a longer one spills to the heap)
// and the digest is hex-encoded into a fixed array. Nothing is cached: a
// cache keyed by credential would hold credentials in clear.
func RateKey(authorization, route string) string {
	var buf [256]byte
	in := appendLedgerIdentity(buf[:0], authorization)
	in = append(in, 0) // a separator no header value contains
	in = append(in, route...)
	sum := sha256.Sum256(in)
	var out [2 * sha256.Size]byte
	hex.Encode(out[:], sum[:])
	return string(out[:])
}

// LedgerIdentity reduces an Authorization value to the identity X counts
// calls against (decision table, first matching row wins):
//
//	Bearer <token> (any case, any spacing)   → "bearer " + token
//	OAuth with oauth_consumer_key            → "oauth1 " + consumer key and oauth_token, length-prefixed
//	                                            (never nonce, timestamp or signature)
//	anything else                            → lower-case scheme + " " + the rest, white space folded
//
// It is not a secret-free value: RateKey hashes it.
func LedgerIdentity(authorization string) string {
	return string(appendLedgerIdentity(nil, authorization))
}

// appendLedgerIdentity appends LedgerIdentity(authorization) to dst.
func appendLedgerIdentity(dst []byte, authorization string) []byte {
	scheme, rest := splitScheme(authorization)
	start := len(dst)
	dst = appendLower(dst, scheme)
	switch string(dst[start:]) {
	case "bearer":
		return append(append(dst, ' '), rest...)
	case "oauth":
		if consumer, token, ok := oauth1Identity(rest); ok {
			dst = append(dst[:start], "oauth1 "...)
			dst = strconv.AppendInt(dst, int64(len(consumer)), 10)
			dst = append(dst, ':')
			dst = append(dst, consumer...)
			return append(dst, token...)
		}
	}
	dst = append(dst, ' ')
	first := true
	for field := range strings.FieldsSeq(rest) { // white space folded to one space
		if !first {
			dst = append(dst, ' ')
		}
		dst = append(dst, field...)
		first = false
	}
	return dst
}

// splitScheme returns the auth scheme as sent and the trimmed rest.
func splitScheme(v string) (string, string) {
	v = strings.TrimSpace(v)
	i := strings.IndexAny(v, " \t")
	if i < 0 {
		return v, ""
	}
	return v[:i], strings.TrimSpace(v[i:])
}

// appendLower appends strings.ToLower(s): ASCII in place, without the
// string ToLower allocates for "Bearer"; anything else through ToLower.
func appendLower(dst []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return append(dst, strings.ToLower(s)...)
		}
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}

// oauth1Identity reads oauth_consumer_key and oauth_token from OAuth 1.0a
// parameters (RFC 5849 §3.5.1: name="value" pairs separated by commas). The
// values are compared as sent (percent-encoded): one client encodes one key
// the same way every time. ok is false without a consumer key.
func oauth1Identity(params string) (consumer, token string, ok bool) {
	for p := range strings.SplitSeq(params, ",") {
		name, value, found := strings.Cut(strings.TrimSpace(p), "=")
		if !found {
			continue
		}
		value = strings.Trim(strings.TrimSpace(value), `"`)
		switch strings.TrimSpace(name) {
		case "oauth_consumer_key":
			consumer, ok = value, value != ""
		case "oauth_token":
			token = value
		}
	}
	return consumer, token, ok
}
