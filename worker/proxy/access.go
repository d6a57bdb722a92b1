package proxy

import (
	"crypto/sha256"
	"crypto/subtle"
	"strings"
)

// Auth says which credential goes upstream.
type Auth string

const (
	AuthCaller Auth = "caller" // the caller's own Authorization header
	AuthServer Auth = "server" // X_BEARER_TOKEN, for a server key or a signed token
	AuthPublic Auth = "public" // X_BEARER_TOKEN for public read-only use, rate-limited per client
	AuthNone   Auth = "none"   // no credential: X will answer 401
)

// Headers the Worker reads and never forwards.
const (
	HeaderKey   = "x-preflight-key"
	HeaderToken = "x-preflight-token"
)

// Access is the gate's verdict on a request's credentials.
type Access struct {
	Auth Auth
	// Authorization is the value to send upstream ("" for none).
	Authorization string
	// Refused is set when the caller presented a Worker credential (key or
	// token) that does not hold: the request is answered 401 locally. It says
	// why without repeating what was sent.
	Refused string
	// Client is, for AuthPublic, the key the per-client rate limit counts
	// (the connecting IP Cloudflare reports).
	Client string
}

// Access decides which credential a request carries upstream (first matching
// row wins):
//
//	caller sent Authorization                → caller's own, unchanged
//	x-preflight-key sent                     → server token if it is one of the keys, else refused
//	x-preflight-token sent                   → server token if it verifies (token.go), else refused
//	GET from a PUBLIC_READ_ORIGINS origin    → server token, public (rate-limited per client;
//	                                            Decide withdraws it for stream paths)
//	otherwise                                → none
//
// Origin alone never earns the server token outside the public opt-in.
func (g *Gate) Access(method string, h Headers, nowMs int64) Access {
	return g.access(method, h, false, nowMs)
}

// access is Access, with lookups of one map access each when every name in
// h is folded (Inbound.HeadersFolded).
func (g *Gate) access(method string, h Headers, folded bool, nowMs int64) Access {
	if a := h.lookup("authorization", folded); a != "" {
		return Access{Auth: AuthCaller, Authorization: a}
	}
	server := Access{Auth: AuthServer, Authorization: g.bearer}
	if key, sent := h[HeaderKey]; sent {
		switch {
		case !g.KeyMatches(key):
			return Access{Auth: AuthNone, Refused: HeaderKey + " is not one of this Worker's keys"}
		case g.token == "":
			return Access{Auth: AuthNone}
		}
		return server
	}
	if token, sent := h[HeaderToken]; sent {
		if err := g.VerifyToken(token, nowMs); err != nil {
			return Access{Auth: AuthNone, Refused: HeaderToken + ": " + err.Error()}
		}
		if g.token == "" {
			return Access{Auth: AuthNone}
		}
		return server
	}
	if g.token != "" && strings.EqualFold(method, "GET") && g.publicRead[h.lookup("origin", folded)] {
		client := h.lookup("cf-connecting-ip", folded)
		if client == "" {
			client = "unknown" // not behind Cloudflare's edge: every such caller shares one budget
		}
		return Access{Auth: AuthPublic, Authorization: server.Authorization, Client: "ip:" + client}
	}
	return Access{Auth: AuthNone}
}

// KeyMatches compares the hash of given with the hash of every key in
// constant time (hashes, so neither the length of a key nor which key
// matched shows in the timing). No key configured never matches.
func (g *Gate) KeyMatches(given string) bool {
	if given == "" {
		return false
	}
	h := sha256.Sum256([]byte(given))
	match := 0
	for _, k := range g.keyHashes {
		match |= subtle.ConstantTimeCompare(h[:], k[:])
	}
	return match == 1
}
