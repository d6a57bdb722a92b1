package proxy

import (
	"crypto/sha256"
	"fmt"
	"slices"
	"strings"

	"github.com/xpreflight/xpreflight/core/query"
)

// Config is the deployment's settings, read once per isolate from the
// Worker's environment. Token, Keys, Key and SigningKeys are secrets: they are
// only compared, used and attached, never written to a response, a log or
// storage.
type Config struct {
	// AllowedOrigins is the comma-separated ALLOWED_ORIGINS list, each an
	// exact origin ("https://app.example.com") that gets CORS answers. An
	// origin alone never earns the server token: Origin is a header any
	// script can set. "*" is refused.
	AllowedOrigins string `json:"allowedOrigins"`
	// Keys is PREFLIGHT_KEYS: comma-separated server keys (several, so they
	// can rotate); a caller sending one in x-preflight-key gets the server
	// token. Key is the older single PREFLIGHT_KEY, still accepted as one
	// more key.
	Keys string `json:"preflightKeys"`
	Key  string `json:"preflightKey"`
	// SigningKeys is PREFLIGHT_SIGNING_KEYS: comma-separated HMAC keys with
	// which an app's backend signs short-lived tokens (token.go) for its
	// browser users.
	SigningKeys string `json:"signingKeys"`
	// PublicReadOrigins is PUBLIC_READ_ORIGINS: the explicit opt-in for
	// public read-only use. A caller with no credential of its own whose
	// Origin is listed gets the server token for GET requests, rate-limited
	// per client by the PUBLIC_RATE_LIMIT binding.
	PublicReadOrigins string `json:"publicReadOrigins"`
	// PublicRateLimiter says whether the Worker has the PUBLIC_RATE_LIMIT
	// binding (Cloudflare's Workers rate-limiting API); public read-only use
	// is refused without it.
	PublicRateLimiter bool `json:"publicRateLimiter"`
	// Token is X_BEARER_TOKEN; empty means the Worker holds no token.
	Token string `json:"bearerToken"`
	// Tier is X_API_TIER, the deployment's access level (query.ParseTier:
	// pay-per-use, free, basic, pro, enterprise); empty means pay-per-use.
	Tier string `json:"apiTier"`
}

// Gate is a parsed Config.
type Gate struct {
	origins     map[string]bool // CORS answers
	publicRead  map[string]bool // public read-only use
	keyHashes   [][sha256.Size]byte
	signingKeys [][]byte
	token       string
	tier        query.Tier
}

// MinSecretLen is the shortest server key or signing key accepted: a key is
// a password no human types, so it can be long and random.
const MinSecretLen = 16

// NewGate parses the settings; a malformed one is an error naming the setting
// and the entry, never a secret's value.
func NewGate(c Config) (*Gate, error) {
	tier, ok := query.ParseTier(c.Tier)
	if !ok {
		return nil, fmt.Errorf("X_API_TIER %q is not an access level; use one of %s", c.Tier, tierNames())
	}
	g := &Gate{token: c.Token, tier: tier}
	var err error
	if g.origins, err = parseOrigins("ALLOWED_ORIGINS", c.AllowedOrigins); err != nil {
		return nil, err
	}
	if g.publicRead, err = parseOrigins("PUBLIC_READ_ORIGINS", c.PublicReadOrigins); err != nil {
		return nil, err
	}
	if len(g.publicRead) > 0 && !c.PublicRateLimiter {
		return nil, fmt.Errorf("PUBLIC_READ_ORIGINS is set but the PUBLIC_RATE_LIMIT rate-limiting binding is missing: public use is never unlimited (see worker/README.md)")
	}
	keys, err := parseSecrets("PREFLIGHT_KEYS", c.Keys)
	if err != nil {
		return nil, err
	}
	if c.Key != "" {
		if len(c.Key) < MinSecretLen {
			return nil, fmt.Errorf("PREFLIGHT_KEY is %d bytes; use at least %d random characters", len(c.Key), MinSecretLen)
		}
		keys = append(keys, c.Key)
	}
	for _, k := range keys {
		g.keyHashes = append(g.keyHashes, sha256.Sum256([]byte(k)))
	}
	signing, err := parseSecrets("PREFLIGHT_SIGNING_KEYS", c.SigningKeys)
	if err != nil {
		return nil, err
	}
	for _, k := range signing {
		g.signingKeys = append(g.signingKeys, []byte(k))
	}
	return g, nil
}

func parseOrigins(setting, list string) (map[string]bool, error) {
	out := map[string]bool{}
	for i, o := range strings.Split(list, ",") {
		o = strings.TrimSpace(o)
		if o == "" {
			continue
		}
		if err := checkOrigin(o); err != nil {
			return nil, fmt.Errorf("%s entry %d (%q): %v", setting, i+1, o, err)
		}
		out[o] = true
	}
	return out, nil
}

// parseSecrets splits a comma-separated secret list; an error names the
// entry by position and length only.
func parseSecrets(setting, list string) ([]string, error) {
	var out []string
	for i, s := range strings.Split(list, ",") {
		s = strings.TrimSpace(s)
		if s == "" {
			continue
		}
		if len(s) < MinSecretLen {
			return nil, fmt.Errorf("%s entry %d is %d bytes; use at least %d random characters", setting, i+1, len(s), MinSecretLen)
		}
		out = append(out, s)
	}
	return out, nil
}

// Tier is the deployment's access level (X_API_TIER).
func (g *Gate) Tier() query.Tier { return g.tier }

func tierNames() string {
	var names []string
	for _, t := range query.Tiers() {
		names = append(names, string(t))
	}
	return strings.Join(names, ", ")
}

func checkOrigin(o string) error {
	scheme, rest, ok := strings.Cut(o, "://")
	switch {
	case o == "*":
		return fmt.Errorf("a wildcard would answer CORS for any web page; list origins one by one")
	case !ok || (scheme != "https" && scheme != "http"):
		return fmt.Errorf("an origin starts with https:// or http://")
	case rest == "" || strings.ContainsAny(rest, "/?#@ "):
		return fmt.Errorf("an origin is scheme://host[:port] with no path")
	}
	return nil
}

// OriginAllowed reports whether a browser at origin gets CORS answers.
func (g *Gate) OriginAllowed(origin string) bool {
	return origin != "" && (g.origins[origin] || g.publicRead[origin])
}

// CORSOrigins lists, sorted, the origins that get CORS answers (allowed and
// public-read ones): the shim applies this list and parses none of its own.
func (g *Gate) CORSOrigins() []string {
	out := make([]string, 0, len(g.origins)+len(g.publicRead))
	for o := range g.origins {
		out = append(out, o)
	}
	for o := range g.publicRead {
		if !g.origins[o] {
			out = append(out, o)
		}
	}
	slices.Sort(out)
	return out
}
