package proxy

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Signed tokens let a browser app use the server token without holding a
// secret: the app's backend, which authenticates its own users, mints a
// short-lived token with one of PREFLIGHT_SIGNING_KEYS and the page sends it
// in x-preflight-token. Format (all ASCII):
//
//	v1.<expires>.<subject>.<signature>
//
// expires is Unix seconds; subject is the app's name for the user
// ([A-Za-z0-9_-], at most 64, may be empty; the Worker does not interpret it);
// signature is base64url without padding of HMAC-SHA256(key, "v1.<expires>.<subject>").
// A token is refused when it has expired, or when it claims to live longer
// than MaxTokenLifetimeMs from now (a backend bug must not mint a key).

// MaxTokenLifetimeMs is the longest a signed token may still be valid for.
const MaxTokenLifetimeMs = 60 * 60 * 1000

const tokenVersion = "v1"

// MintToken returns a token for subject valid until expiresSec (Unix
// seconds), signed with key: what an app's Go backend calls (worker/README.md
// shows the same in Node).
func MintToken(key []byte, subject string, expiresSec int64) string {
	payload := tokenVersion + "." + strconv.FormatInt(expiresSec, 10) + "." + subject
	return payload + "." + sign(key, payload)
}

func sign(key []byte, payload string) string {
	m := hmac.New(sha256.New, key)
	m.Write([]byte(payload))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil))
}

// VerifyToken checks a token against every signing key at nowMs. Its error
// says what is wrong without repeating the token.
func (g *Gate) VerifyToken(token string, nowMs int64) error {
	if len(g.signingKeys) == 0 {
		return errors.New("this Worker accepts no signed tokens (PREFLIGHT_SIGNING_KEYS is not set)")
	}
	parts := strings.Split(token, ".")
	if len(parts) != 4 || parts[0] != tokenVersion {
		return errors.New("not a v1.<expires>.<subject>.<signature> token")
	}
	expires, err := strconv.ParseInt(parts[1], 10, 64)
	if err != nil || expires <= 0 || expires > 1<<40 {
		return errors.New("the expiry is not Unix seconds")
	}
	if !validSubject(parts[2]) {
		return errors.New("the subject holds characters other than A-Z a-z 0-9 _ - or is over 64")
	}
	payload := strings.Join(parts[:3], ".")
	good := 0
	for _, k := range g.signingKeys {
		good |= boolInt(hmac.Equal([]byte(sign(k, payload)), []byte(parts[3])))
	}
	switch {
	case good == 0:
		return errors.New("the signature does not match any signing key")
	case expires*1000 <= nowMs:
		return fmt.Errorf("expired %d s ago; mint a fresh one", (nowMs-expires*1000)/1000)
	case expires*1000-nowMs > MaxTokenLifetimeMs:
		return fmt.Errorf("valid for more than %d minutes; mint shorter-lived tokens", MaxTokenLifetimeMs/60000)
	}
	return nil
}

func validSubject(s string) bool {
	if len(s) > 64 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' || c == '-') {
			return false
		}
	}
	return true
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
