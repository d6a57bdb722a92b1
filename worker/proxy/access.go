package proxy

import "crypto/subtle"

// Auth says which credential goes upstream.
type Auth string

const (
	AuthCaller Auth = "caller" // the caller's own Authorization header
	AuthServer Auth = "server" // X_BEARER_TOKEN, attached by the Worker
	AuthNone   Auth = "none"   // no credential: X will answer 401
)

// Credential decides which credential a request carries upstream and returns
// the Authorization value to send ("" for none). The caller's own header
// always wins: the server token is never swapped in for it.
func (g *Gate) Credential(h Headers) (Auth, string) {
	if a := h.Get("authorization"); a != "" {
		return AuthCaller, a
	}
	if g.token != "" && g.callerTrusted(h) {
		return AuthServer, "Bearer " + g.token
	}
	return AuthNone, ""
}

func (g *Gate) callerTrusted(h Headers) bool {
	if g.OriginAllowed(h.Get("origin")) {
		return true
	}
	return g.KeyMatches(h.Get("x-preflight-key"))
}

// KeyMatches compares in constant time so the response time does not reveal
// how much of a guess was right. An unset key never matches.
func (g *Gate) KeyMatches(given string) bool {
	if g.key == "" || given == "" {
		return false
	}
	return subtle.ConstantTimeCompare([]byte(given), []byte(g.key)) == 1
}
