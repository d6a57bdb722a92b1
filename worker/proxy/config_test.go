package proxy

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/xpreflight/xpreflight/core/query"
)

const (
	goodKey   = "k3y-0123456789abcdef"
	goodToken = "AAAAAAAAAAAAAAAAAAAAAtoken%2Bvalue%3D"
)

func TestCheckAcceptsGoodSettings(t *testing.T) {
	tests := []struct {
		name      string
		c         Config
		origin    string
		timeoutMs int
		tier      query.Tier
	}{
		{"all unset: defaults", Config{}, "https://api.x.com", 30000, query.PayPerUse},
		{"trailing slash dropped", Config{APIOrigin: "https://api.x.com/"}, "https://api.x.com", 30000, query.PayPerUse},
		{"https with port", Config{APIOrigin: "https://x.example:8443"}, "https://x.example:8443", 30000, query.PayPerUse},
		{"http on 127.0.0.1", Config{APIOrigin: "http://127.0.0.1:9000"}, "http://127.0.0.1:9000", 30000, query.PayPerUse},
		{"http on 127.3.4.5", Config{APIOrigin: "http://127.3.4.5"}, "http://127.3.4.5", 30000, query.PayPerUse},
		{"http on localhost", Config{APIOrigin: "http://localhost:8080"}, "http://localhost:8080", 30000, query.PayPerUse},
		{"http on [::1]", Config{APIOrigin: "http://[::1]:8080"}, "http://[::1]:8080", 30000, query.PayPerUse},
		{"timeout lower bound", Config{TimeoutMs: "1000"}, "https://api.x.com", 1000, query.PayPerUse},
		{"timeout upper bound", Config{TimeoutMs: "300000"}, "https://api.x.com", 300000, query.PayPerUse},
		{"enterprise", Config{Tier: "enterprise"}, "https://api.x.com", 30000, query.Enterprise},
		{"everything set", Config{
			APIOrigin: "https://api.x.com", TimeoutMs: "1500", AllowedOrigins: " https://app.example , http://localhost:5173,,",
			Keys: goodKey + ", " + goodKey + "-old", Key: goodKey + "-legacy", SigningKeys: goodKey + "-signing",
			PublicReadOrigins: "https://public.example", PublicRateLimiter: true, Token: goodToken, Tier: "pay-per-use",
		}, "https://api.x.com", 1500, query.PayPerUse},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := tt.c.Check()
			if err != nil {
				t.Fatalf("Check: %v", err)
			}
			if s.APIOrigin != tt.origin || s.TimeoutMs != tt.timeoutMs || s.Tier != tt.tier {
				t.Errorf("Check = %q, %d, %q; want %q, %d, %q", s.APIOrigin, s.TimeoutMs, s.Tier, tt.origin, tt.timeoutMs, tt.tier)
			}
		})
	}
}

// Every bad value names its setting; a secret's value never appears in the
// message, the value of an ordinary setting does (so the operator sees it).
func TestCheckRejectsBadSettings(t *testing.T) {
	tests := []struct {
		name    string
		c       Config
		setting string
		want    string
	}{
		{"origin not a URL", Config{APIOrigin: "not a url"}, "X_API_ORIGIN", `"not a url": not a URL`},
		{"origin ftp", Config{APIOrigin: "ftp://api.x.com"}, "X_API_ORIGIN", `scheme "ftp" is not https or http`},
		{"origin plain http elsewhere", Config{APIOrigin: "http://api.x.com"}, "X_API_ORIGIN", "only for a loopback host"},
		{"origin http on a 127 look-alike", Config{APIOrigin: "http://127.0.0.1.evil.example"}, "X_API_ORIGIN", "only for a loopback host"},
		{"origin http on localhost look-alike", Config{APIOrigin: "http://localhost.evil.example"}, "X_API_ORIGIN", "only for a loopback host"},
		{"origin with path", Config{APIOrigin: "https://api.x.com/2"}, "X_API_ORIGIN", "no path"},
		{"origin with query", Config{APIOrigin: "https://api.x.com?x=1"}, "X_API_ORIGIN", "no path, query"},
		{"origin with userinfo", Config{APIOrigin: "https://user:pw@api.x.com"}, "X_API_ORIGIN", "no user name"},
		{"origin no host", Config{APIOrigin: "https://"}, "X_API_ORIGIN", "has no host"},
		{"origin empty port", Config{APIOrigin: "https://api.x.com:"}, "X_API_ORIGIN", "empty port"},
		{"origin port 0", Config{APIOrigin: "https://api.x.com:0"}, "X_API_ORIGIN", "port is not a number"},
		{"origin port too big", Config{APIOrigin: "https://api.x.com:65536"}, "X_API_ORIGIN", "port is not a number"},
		{"origin port letters", Config{APIOrigin: "https://api.x.com:ab"}, "X_API_ORIGIN", "port is not a number"},
		{"origin upper case", Config{APIOrigin: "https://API.x.com"}, "X_API_ORIGIN", "upper-case"},
		{"origin bad IPv6", Config{APIOrigin: "https://[zz]"}, "X_API_ORIGIN", "IPv6"},
		{"origin space in host", Config{APIOrigin: "https://api x.com"}, "X_API_ORIGIN", "character other than"},
		{"origin label too long", Config{APIOrigin: "https://" + strings.Repeat("a", 64) + ".example"}, "X_API_ORIGIN", "longer than 63"},
		{"origin empty label", Config{APIOrigin: "https://api..x.com"}, "X_API_ORIGIN", "empty label"},
		{"origin long value bounded", Config{APIOrigin: "https://" + strings.Repeat("a.", 200) + "x/"}, "X_API_ORIGIN", "…"},
		{"timeout letters", Config{TimeoutMs: "abc"}, "UPSTREAM_TIMEOUT_MS", `"abc": not a whole number`},
		{"timeout negative", Config{TimeoutMs: "-5"}, "UPSTREAM_TIMEOUT_MS", "not a whole number"},
		{"timeout plus sign", Config{TimeoutMs: "+5000"}, "UPSTREAM_TIMEOUT_MS", "not a whole number"},
		{"timeout fraction", Config{TimeoutMs: "1500.5"}, "UPSTREAM_TIMEOUT_MS", "not a whole number"},
		{"timeout with unit", Config{TimeoutMs: "30s"}, "UPSTREAM_TIMEOUT_MS", "not a whole number"},
		{"timeout too small", Config{TimeoutMs: "10"}, "UPSTREAM_TIMEOUT_MS", "out of range 1000 to 300000"},
		{"timeout too big", Config{TimeoutMs: "3000000"}, "UPSTREAM_TIMEOUT_MS", "out of range"},
		{"timeout overflow", Config{TimeoutMs: "99999999999999999999999"}, "UPSTREAM_TIMEOUT_MS", "not a whole number"},
		{"origins wildcard", Config{AllowedOrigins: "*"}, "ALLOWED_ORIGINS", `entry 1 ("*"): a wildcard`},
		{"origins bare host", Config{AllowedOrigins: "https://a.example, example.com"}, "ALLOWED_ORIGINS", `entry 2 ("example.com")`},
		{"origins path", Config{AllowedOrigins: "https://a.example/path"}, "ALLOWED_ORIGINS", "no path"},
		{"origins ftp", Config{AllowedOrigins: "ftp://a.example"}, "ALLOWED_ORIGINS", "https:// or http://"},
		{"origins trailing slash never matches", Config{AllowedOrigins: "https://a.example/"}, "ALLOWED_ORIGINS", "no path"},
		{"origins upper case never matches", Config{AllowedOrigins: "https://App.example"}, "ALLOWED_ORIGINS", "upper-case"},
		{"key too short", Config{Key: "zq7x9w"}, "PREFLIGHT_KEY", "is 6 bytes; use at least 16"},
		{"key with newline", Config{Key: goodKey + "\n"}, "PREFLIGHT_KEY", "line break"},
		{"key with space", Config{Key: "abcdefgh\tijklmnopq"}, "PREFLIGHT_KEY", "space or tab"},
		{"key non-ASCII", Config{Key: "abcdefghijklmnopé"}, "PREFLIGHT_KEY", "not visible ASCII"},
		{"key huge", Config{Key: strings.Repeat("k", 5000)}, "PREFLIGHT_KEY", "longer than 4096"},
		{"second key too short", Config{Keys: goodKey + ", zq7x9w-old"}, "PREFLIGHT_KEYS", "entry 2 is 10 bytes"},
		{"key in a list with a newline", Config{Keys: goodKey + "\n" + goodKey}, "PREFLIGHT_KEYS", "entry 1 contains a line break"},
		{"signing key too short", Config{SigningKeys: "zq7x9w"}, "PREFLIGHT_SIGNING_KEYS", "entry 1 is 6 bytes"},
		{"public origins without the limiter", Config{PublicReadOrigins: "https://public.example"}, "PUBLIC_READ_ORIGINS", "PUBLIC_RATE_LIMIT"},
		{"public origins wildcard", Config{PublicReadOrigins: "*", PublicRateLimiter: true}, "PUBLIC_READ_ORIGINS", `entry 1 ("*"): a wildcard`},
		{"token with Bearer", Config{Token: "Bearer " + goodToken}, "X_BEARER_TOKEN", `starts with "Bearer "`},
		{"token with lower-case bearer", Config{Token: "bearer " + goodToken}, "X_BEARER_TOKEN", `starts with "Bearer "`},
		{"token with trailing newline", Config{Token: goodToken + "\r\n"}, "X_BEARER_TOKEN", "line break"},
		{"token with control byte", Config{Token: goodToken + "\x00"}, "X_BEARER_TOKEN", "not visible ASCII"},
		{"tier unknown", Config{Tier: "gold"}, "X_API_TIER", `"gold" is not an access level; use one of pay-per-use, `},
		{"tier case", Config{Tier: "Enterprise"}, "X_API_TIER", "is not an access level"},
		{"classify not a boolean", Config{ClassifySuccessBodies: "yes"}, "CLASSIFY_SUCCESS_BODIES", `"yes": expected "true"`},
		{"classify case", Config{ClassifySuccessBodies: "False"}, "CLASSIFY_SUCCESS_BODIES", "expected"},
		{"request log unknown", Config{RequestLog: "errors"}, "REQUEST_LOG", `"errors": expected "all"`},
		{"request log case", Config{RequestLog: "All"}, "REQUEST_LOG", "expected"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := tt.c.Check()
			var ce ConfigError
			if !errors.As(err, &ce) || s != nil {
				t.Fatalf("Check = %v, %v; want a ConfigError", s, err)
			}
			if len(ce) != 1 || ce[0].Setting != tt.setting || !strings.Contains(ce[0].Problem, tt.want) {
				t.Fatalf("Check error = %+v; want one error on %s mentioning %q", ce, tt.setting, tt.want)
			}
			if !strings.HasPrefix(err.Error(), tt.setting+" ") {
				t.Errorf("message %q does not start with the setting's name", err)
			}
			for _, secret := range []string{tt.c.Key, tt.c.Keys, tt.c.SigningKeys, tt.c.Token, goodKey, goodToken, "zq7x9w"} {
				if secret != "" && strings.Contains(err.Error(), strings.TrimSpace(secret)) {
					t.Errorf("message %q shows a secret", err)
				}
			}
			if len(err.Error()) > 400 {
				t.Errorf("message is %d bytes; a bad setting must not make a huge answer", len(err.Error()))
			}
		})
	}
}

func TestCheckListsEveryBadSetting(t *testing.T) {
	_, err := Config{APIOrigin: "ftp://x", TimeoutMs: "abc", Key: "short", Tier: "gold"}.Check()
	var ce ConfigError
	if !errors.As(err, &ce) {
		t.Fatalf("Check error = %v, want a ConfigError", err)
	}
	var names []string
	for _, e := range ce {
		names = append(names, e.Setting)
	}
	want := []string{"X_API_ORIGIN", "UPSTREAM_TIMEOUT_MS", "PREFLIGHT_KEY", "X_API_TIER"}
	if !slices.Equal(names, want) {
		t.Errorf("bad settings = %v, want %v (in table order)", names, want)
	}
}

// Every Config field is read by exactly one row of the table, so a field
// added to Config without a row (unchecked) fails here.
func TestEverySettingHasARow(t *testing.T) {
	names := SettingNames()
	if len(names) != 11 {
		t.Errorf("SettingNames = %v: a Config field was added or removed; add its row and update this count", names)
	}
	seen := map[string]bool{}
	for _, n := range names {
		if seen[n] {
			t.Errorf("setting %s has two rows", n)
		}
		seen[n] = true
	}
}

func TestClassifySuccessBodies(t *testing.T) {
	for v, want := range map[string]bool{"": true, "true": true, "false": false} {
		s, err := Config{ClassifySuccessBodies: v}.Check()
		if err != nil || s.ClassifySuccessBodies != want {
			t.Errorf("CLASSIFY_SUCCESS_BODIES=%q: %v, %v; want %v", v, s, err, want)
		}
	}
}

func TestRequestLog(t *testing.T) {
	for v, want := range map[string]string{"": "all", "all": "all", "problems": "problems"} {
		s, err := Config{RequestLog: v}.Check()
		if err != nil || s.RequestLog != want {
			t.Errorf("REQUEST_LOG=%q: %v, %v; want %q", v, s, err, want)
		}
	}
}

func TestEveryListedKeyOpens(t *testing.T) {
	g, err := NewGate(Config{Keys: goodKey + ", " + goodKey + "-old", Key: goodKey + "-legacy", Token: "T"})
	if err != nil {
		t.Fatal(err)
	}
	for key, want := range map[string]bool{goodKey: true, goodKey + "-old": true, goodKey + "-legacy": true, goodKey + "-new": false, "": false} {
		if got := g.KeyMatches(key); got != want {
			t.Errorf("KeyMatches(%q) = %v, want %v", key, got, want)
		}
	}
}
