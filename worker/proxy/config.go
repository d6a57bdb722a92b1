package proxy

import (
	"fmt"
	"slices"
	"strings"

	"github.com/xpreflight/xpreflight/core/query"
)

// Config is the deployment's settings, read once per isolate from the
// Worker's environment. Token and Key are secrets: they are only compared and
// attached, never written to a response, a log or storage.
type Config struct {
	// AllowedOrigins is the comma-separated ALLOWED_ORIGINS list, each an
	// exact origin ("https://app.example.com"); "*" is refused because it
	// would hand the server token to every web page.
	AllowedOrigins string `json:"allowedOrigins"`
	// Key is PREFLIGHT_KEY; empty disables key-based access.
	Key string `json:"preflightKey"`
	// Token is X_BEARER_TOKEN; empty means the Worker holds no token.
	Token string `json:"bearerToken"`
	// Tier is X_API_TIER, the deployment's access level (query.ParseTier:
	// pay-per-use, free, basic, pro, enterprise); empty means pay-per-use.
	Tier string `json:"apiTier"`
}

// Gate is a parsed Config.
type Gate struct {
	origins map[string]bool
	key     string
	token   string
	tier    query.Tier
}

// NewGate parses the allow list; a malformed entry is an error naming it.
func NewGate(c Config) (*Gate, error) {
	tier, ok := query.ParseTier(c.Tier)
	if !ok {
		return nil, fmt.Errorf("X_API_TIER %q is not an access level; use one of %s", c.Tier, tierNames())
	}
	g := &Gate{origins: map[string]bool{}, key: c.Key, token: c.Token, tier: tier}
	for i, o := range strings.Split(c.AllowedOrigins, ",") {
		o = strings.TrimSpace(o)
		if o == "" {
			continue
		}
		if err := checkOrigin(o); err != nil {
			return nil, fmt.Errorf("ALLOWED_ORIGINS entry %d (%q): %v", i+1, o, err)
		}
		g.origins[o] = true
	}
	return g, nil
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
		return fmt.Errorf("a wildcard would attach the server token for any web page; list origins one by one")
	case !ok || (scheme != "https" && scheme != "http"):
		return fmt.Errorf("an origin starts with https:// or http://")
	case rest == "" || strings.ContainsAny(rest, "/?#@ "):
		return fmt.Errorf("an origin is scheme://host[:port] with no path")
	}
	return nil
}

// OriginAllowed reports whether CORS answers and the server token are granted
// to a browser at origin.
func (g *Gate) OriginAllowed(origin string) bool { return origin != "" && g.origins[origin] }

// CORSOrigins lists, sorted, the origins that get CORS answers: the shim
// applies this list and parses none of its own.
func (g *Gate) CORSOrigins() []string {
	out := make([]string, 0, len(g.origins))
	for o := range g.origins {
		out = append(out, o)
	}
	slices.Sort(out)
	return out
}
