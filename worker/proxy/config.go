package proxy

import (
	"crypto/sha256"
	"slices"
	"strconv"
	"strings"

	"github.com/xpreflight/xpreflight/core/query"
)

// Config is the deployment's settings as the Worker's environment holds them
// (strings; "" when unset), read once per isolate. Token, Keys, Key and
// SigningKeys are secrets: they are only compared, used and attached, never
// written to a response, a log, a problem or storage.
type Config struct {
	// APIOrigin is X_API_ORIGIN: where /2/ calls go (default https://api.x.com).
	APIOrigin string `json:"apiOrigin"`
	// TimeoutMs is UPSTREAM_TIMEOUT_MS: how long to wait for X's response
	// headers before answering 504 (default 30000).
	TimeoutMs string `json:"upstreamTimeoutMs"`
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
	// is refused without it. A binding, not a setting: it has no row.
	PublicRateLimiter bool `json:"publicRateLimiter"`
	// Token is X_BEARER_TOKEN; empty means the Worker holds no token.
	Token string `json:"bearerToken"`
	// Tier is X_API_TIER, the deployment's access level (query.ParseTier:
	// pay-per-use, free, basic, pro, enterprise); empty means pay-per-use.
	Tier string `json:"apiTier"`
	// ClassifySuccessBodies is CLASSIFY_SUCCESS_BODIES: "true" (default) reads
	// a 2xx answer's body to class it (a 200 carrying partial errors is
	// "partial"); "false" streams 2xx bodies through unread and classes them
	// by status, for less CPU per call. Error answers are always read.
	ClassifySuccessBodies string `json:"classifySuccessBodies"`
	// RequestLog is REQUEST_LOG: "all" (default) writes the JSON log line of
	// every request; "problems" only those of requests that did not end in a
	// 2xx answer (refused, answered locally, X's errors, failures). Analytics
	// Engine counts every request either way.
	RequestLog string `json:"requestLog"`
}

// Settings is a checked Config: every value parsed, defaults applied.
type Settings struct {
	APIOrigin string     `json:"apiOrigin"` // scheme://host[:port], no trailing slash
	TimeoutMs int        `json:"timeoutMs"`
	Tier      query.Tier `json:"tier"`
	// ClassifySuccessBodies: read 2xx bodies to class them (CLASSIFY_SUCCESS_BODIES).
	ClassifySuccessBodies bool `json:"classifySuccessBodies"`
	// RequestLog: which requests get a log line, "all" or "problems" (REQUEST_LOG).
	RequestLog  string          `json:"requestLog"`
	origins     map[string]bool // CORS answers
	publicRead  map[string]bool // public read-only use
	keys        []string
	signingKeys []string
	token       string
}

// SettingError says which setting is wrong and why. Problem quotes the value
// of an ordinary setting (bounded in length) and never a secret's.
type SettingError struct {
	Setting string `json:"setting"`
	Problem string `json:"problem"`
}

func (e SettingError) Error() string { return e.Setting + " " + e.Problem }

// ConfigError lists every bad setting, so one redeploy can fix them all.
type ConfigError []SettingError

func (e ConfigError) Error() string {
	parts := make([]string, len(e))
	for i, s := range e {
		parts[i] = s.Error()
	}
	return strings.Join(parts, "; ")
}

// Defaults and bounds.
const (
	DefaultAPIOrigin = "https://api.x.com"
	DefaultTimeoutMs = 30000
	// MinTimeoutMs and MaxTimeoutMs bound UPSTREAM_TIMEOUT_MS: under a second
	// turns ordinary X latency into 504s; over five minutes is longer than
	// any X answer takes to start.
	MinTimeoutMs = 1000
	MaxTimeoutMs = 300000
	// MinSecretLen is the shortest server key or signing key accepted: a key
	// is a password no human types, so it can be long and random.
	MinSecretLen = 16
	maxSecretLen = 4096
	maxQuoted    = 80 // characters of a bad ordinary value quoted in a message
)

// setting is one row of the table Check runs: the environment name, where
// the value sits in Config, and how it is parsed into Settings (c is there
// for the rare rule that involves another field). A new setting is a new row.
// apply returns "" or the problem; for a secret it never contains the value.
type setting struct {
	name  string
	value func(c *Config) string
	apply func(s *Settings, v string, c *Config) string
}

var settingsTable = []setting{
	{"X_API_ORIGIN", func(c *Config) string { return c.APIOrigin }, applyAPIOrigin},
	{"UPSTREAM_TIMEOUT_MS", func(c *Config) string { return c.TimeoutMs }, applyTimeout},
	{"ALLOWED_ORIGINS", func(c *Config) string { return c.AllowedOrigins }, applyAllowedOrigins},
	{"PUBLIC_READ_ORIGINS", func(c *Config) string { return c.PublicReadOrigins }, applyPublicReadOrigins},
	{"PREFLIGHT_KEYS", func(c *Config) string { return c.Keys }, applyKeys},
	{"PREFLIGHT_KEY", func(c *Config) string { return c.Key }, applyLegacyKey},
	{"PREFLIGHT_SIGNING_KEYS", func(c *Config) string { return c.SigningKeys }, applySigningKeys},
	{"X_BEARER_TOKEN", func(c *Config) string { return c.Token }, applyToken},
	{"X_API_TIER", func(c *Config) string { return c.Tier }, applyTier},
	{"CLASSIFY_SUCCESS_BODIES", func(c *Config) string { return c.ClassifySuccessBodies }, applyClassifySuccess},
	{"REQUEST_LOG", func(c *Config) string { return c.RequestLog }, applyRequestLog},
}

// Check parses every setting. The error, when not nil, is a ConfigError
// naming each bad setting; the Settings are then not to be used.
func (c Config) Check() (*Settings, error) {
	s := &Settings{origins: map[string]bool{}, publicRead: map[string]bool{}}
	var bad ConfigError
	for _, row := range settingsTable {
		if p := row.apply(s, row.value(&c), &c); p != "" {
			bad = append(bad, SettingError{Setting: row.name, Problem: p})
		}
	}
	if bad != nil {
		return nil, bad
	}
	return s, nil
}

// SettingNames lists the settings Check reads, in its order.
func SettingNames() []string {
	out := make([]string, len(settingsTable))
	for i, row := range settingsTable {
		out[i] = row.name
	}
	return out
}

func applyAPIOrigin(s *Settings, v string, _ *Config) string {
	if v == "" {
		s.APIOrigin = DefaultAPIOrigin
		return ""
	}
	trimmed := v
	if strings.HasSuffix(v, "/") && !strings.HasSuffix(v, "://") {
		trimmed = v[:len(v)-1]
	}
	o, err := parseOrigin(trimmed)
	if err != "" {
		return quote(v) + ": " + err
	}
	if o.scheme == "http" && !o.loopback() {
		return quote(v) + ": plain http is allowed only for a loopback host (a local stand-in for X); use https://"
	}
	s.APIOrigin = o.scheme + "://" + o.host
	return ""
}

func applyTimeout(s *Settings, v string, _ *Config) string {
	if v == "" {
		s.TimeoutMs = DefaultTimeoutMs
		return ""
	}
	n, err := strconv.Atoi(v)
	if err != nil || strings.TrimLeft(v, "0123456789") != "" {
		return quote(v) + ": not a whole number of milliseconds"
	}
	if n < MinTimeoutMs || n > MaxTimeoutMs {
		return quote(v) + ": out of range " + strconv.Itoa(MinTimeoutMs) + " to " + strconv.Itoa(MaxTimeoutMs) + " ms"
	}
	s.TimeoutMs = n
	return ""
}

func applyAllowedOrigins(s *Settings, v string, _ *Config) string {
	return parseOriginList(v, s.origins)
}

func applyPublicReadOrigins(s *Settings, v string, c *Config) string {
	if p := parseOriginList(v, s.publicRead); p != "" {
		return p
	}
	if len(s.publicRead) > 0 && !c.PublicRateLimiter {
		return "is set but the PUBLIC_RATE_LIMIT rate-limiting binding is missing: public use is never unlimited (see worker/README.md)"
	}
	return ""
}

// parseOriginList reads a comma-separated list of exact origins into out.
func parseOriginList(v string, out map[string]bool) string {
	for i, o := range strings.Split(v, ",") {
		o = strings.TrimSpace(o)
		if o == "" {
			continue
		}
		if p := checkListedOrigin(o); p != "" {
			return "entry " + strconv.Itoa(i+1) + " (" + quote(o) + "): " + p
		}
		out[o] = true
	}
	return ""
}

func checkListedOrigin(o string) string {
	if o == "*" {
		return "a wildcard would answer CORS for any web page; list origins one by one"
	}
	scheme, _, _ := strings.Cut(o, "://")
	if scheme != "https" && scheme != "http" {
		return "an origin starts with https:// or http://"
	}
	if _, err := parseOrigin(o); err != "" {
		return err
	}
	return ""
}

func applyKeys(s *Settings, v string, _ *Config) string {
	keys, p := parseSecretList(v)
	s.keys = append(s.keys, keys...)
	return p
}

func applyLegacyKey(s *Settings, v string, _ *Config) string {
	if v == "" {
		return ""
	}
	if p := checkKey(v); p != "" {
		return p
	}
	s.keys = append(s.keys, v)
	return ""
}

func applySigningKeys(s *Settings, v string, _ *Config) string {
	keys, p := parseSecretList(v)
	s.signingKeys = keys
	return p
}

// parseSecretList splits a comma-separated secret list; a problem names the
// entry by position (and length) only.
func parseSecretList(v string) ([]string, string) {
	var out []string
	for i, k := range strings.Split(v, ",") {
		k = strings.TrimSpace(k)
		if k == "" {
			continue
		}
		if p := checkKey(k); p != "" {
			return nil, "entry " + strconv.Itoa(i+1) + " " + p
		}
		out = append(out, k)
	}
	return out, ""
}

// checkKey describes what is wrong with a key without showing it.
func checkKey(k string) string {
	if p := checkSecret(k); p != "" {
		return p
	}
	if len(k) < MinSecretLen {
		return "is " + strconv.Itoa(len(k)) + " bytes; use at least " + strconv.Itoa(MinSecretLen) + " random characters"
	}
	return ""
}

func applyToken(s *Settings, v string, _ *Config) string {
	if v == "" {
		return ""
	}
	if len(v) > 7 && strings.EqualFold(v[:7], "bearer ") {
		return `starts with "Bearer ": set the token alone; the Worker adds the scheme`
	}
	if p := checkSecret(v); p != "" {
		return p
	}
	s.token = v
	return ""
}

func applyTier(s *Settings, v string, _ *Config) string {
	t, ok := query.ParseTier(v)
	if !ok {
		return quote(v) + " is not an access level; use one of " + tierNames()
	}
	s.Tier = t
	return ""
}

func applyClassifySuccess(s *Settings, v string, _ *Config) string {
	switch v {
	case "", "true":
		s.ClassifySuccessBodies = true
	case "false":
		s.ClassifySuccessBodies = false
	default:
		return quote(v) + `: expected "true" (read 2xx bodies to class them) or "false" (stream them unread)`
	}
	return ""
}

// Values of REQUEST_LOG.
const (
	RequestLogAll      = "all"
	RequestLogProblems = "problems"
)

func applyRequestLog(s *Settings, v string, _ *Config) string {
	switch v {
	case "", RequestLogAll:
		s.RequestLog = RequestLogAll
	case RequestLogProblems:
		s.RequestLog = RequestLogProblems
	default:
		return quote(v) + `: expected "all" (a log line per request) or "problems" (only requests that did not end in a 2xx answer)`
	}
	return ""
}

func tierNames() string {
	var names []string
	for _, t := range query.Tiers() {
		names = append(names, string(t))
	}
	return strings.Join(names, ", ")
}

// checkSecret describes what is wrong with a secret without showing it: a
// header value carries it, so only visible ASCII; a space or newline is
// almost always a copy-paste accident.
func checkSecret(v string) string {
	if len(v) > maxSecretLen {
		return "is longer than " + strconv.Itoa(maxSecretLen) + " bytes"
	}
	for i := 0; i < len(v); i++ {
		switch c := v[i]; {
		case c == ' ' || c == '\t':
			return "contains a space or tab (at byte " + strconv.Itoa(i+1) + ")"
		case c == '\n' || c == '\r':
			return "contains a line break (at byte " + strconv.Itoa(i+1) + "; a trailing newline from a pasted file?)"
		case c < 0x21 || c > 0x7e:
			return "contains a byte that is not visible ASCII (at byte " + strconv.Itoa(i+1) + ")"
		}
	}
	return ""
}

// quote shows an ordinary (non-secret) value, bounded so a huge setting
// cannot make a huge answer.
func quote(v string) string {
	if q := strconv.Quote(v); len(q) <= maxQuoted+2 {
		return q
	}
	// The bound is on the quoted form: an invalid byte quotes as four ("\xb7").
	n := min(len(v), maxQuoted)
	for len(strconv.Quote(v[:n])) > maxQuoted+2 {
		n /= 2
	}
	return strconv.Quote(v[:n]) + "…"
}

// Gate is the access rule (access.go) and access level of checked Settings.
type Gate struct {
	origins     map[string]bool // CORS answers
	publicRead  map[string]bool // public read-only use
	keyHashes   [][sha256.Size]byte
	signingKeys [][]byte
	token       string
	// bearer is the Authorization that carries token upstream, built once
	// rather than on every request that uses it.
	bearer string
	tier   query.Tier
}

// Gate returns the access rule and access level of s.
func (s *Settings) Gate() *Gate {
	g := &Gate{origins: s.origins, publicRead: s.publicRead, token: s.token, bearer: "Bearer " + s.token, tier: s.Tier}
	for _, k := range s.keys {
		g.keyHashes = append(g.keyHashes, sha256.Sum256([]byte(k)))
	}
	for _, k := range s.signingKeys {
		g.signingKeys = append(g.signingKeys, []byte(k))
	}
	return g
}

// NewGate checks c and returns its access rule; a bad setting is a
// ConfigError naming it (never a secret's value).
func NewGate(c Config) (*Gate, error) {
	s, err := c.Check()
	if err != nil {
		return nil, err
	}
	return s.Gate(), nil
}

// Tier is the deployment's access level (X_API_TIER).
func (g *Gate) Tier() query.Tier { return g.tier }

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
