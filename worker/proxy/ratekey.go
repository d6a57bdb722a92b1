package proxy

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"
)

// RateKey names one rate-limit budget: X counts per credential and endpoint.
// The credential is first reduced to the identity X counts (LedgerIdentity),
// so spelling variants of one token share a budget and OAuth 1.0a's
// per-request nonce and signature do not split it. Only the hash leaves this
// function, so the Durable Object (and its storage) never holds a credential
// in clear.
func RateKey(authorization, route string) string {
	h := sha256.New()
	h.Write([]byte(LedgerIdentity(authorization)))
	h.Write([]byte{0}) // a separator no header value contains
	h.Write([]byte(route))
	return hex.EncodeToString(h.Sum(nil))
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
	scheme, rest := splitScheme(authorization)
	switch scheme {
	case "bearer":
		return "bearer " + rest
	case "oauth":
		if consumer, token, ok := oauth1Identity(rest); ok {
			return "oauth1 " + strconv.Itoa(len(consumer)) + ":" + consumer + token
		}
	}
	return scheme + " " + strings.Join(strings.Fields(rest), " ")
}

// splitScheme returns the lower-case auth scheme and the trimmed rest.
func splitScheme(v string) (string, string) {
	v = strings.TrimSpace(v)
	i := strings.IndexAny(v, " \t")
	if i < 0 {
		return strings.ToLower(v), ""
	}
	return strings.ToLower(v[:i]), strings.TrimSpace(v[i:])
}

// oauth1Identity reads oauth_consumer_key and oauth_token from OAuth 1.0a
// parameters (RFC 5849 §3.5.1: name="value" pairs separated by commas). The
// values are compared as sent (percent-encoded): one client encodes one key
// the same way every time. ok is false without a consumer key.
func oauth1Identity(params string) (consumer, token string, ok bool) {
	for _, p := range strings.Split(params, ",") {
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
