package proxy

import (
	"strings"
	"testing"
)

const (
	testKey     = "k3y-secret-0123456789"
	testKey2    = "second-key-abcdefghij"
	testSigning = "signing-key-0123456789abcdef"
	testNow     = 1_700_000_000_000
)

func TestNewGateRejectsBadSettings(t *testing.T) {
	tests := []struct {
		name string
		c    Config
		want string
	}{
		{"wildcard", Config{AllowedOrigins: "*"}, "wildcard"},
		{"second entry", Config{AllowedOrigins: "https://a.example, example.com"}, `ALLOWED_ORIGINS entry 2 ("example.com")`},
		{"path", Config{AllowedOrigins: "https://a.example/path"}, "no path"},
		{"scheme", Config{AllowedOrigins: "ftp://a.example"}, "https:// or http://"},
		{"public wildcard", Config{PublicReadOrigins: "*", PublicRateLimiter: true}, "PUBLIC_READ_ORIGINS entry 1"},
		{"public without the binding", Config{PublicReadOrigins: "https://a.example"}, "PUBLIC_RATE_LIMIT rate-limiting binding is missing"},
		{"short key", Config{Keys: testKey + ", short"}, "PREFLIGHT_KEYS entry 2 is 5 bytes"},
		{"short legacy key", Config{Key: "k"}, "PREFLIGHT_KEY is 1 bytes"},
		{"short signing key", Config{SigningKeys: "abc"}, "PREFLIGHT_SIGNING_KEYS entry 1 is 3 bytes"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := NewGate(tt.c)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("NewGate error = %v, want it to mention %q", err, tt.want)
			}
			for _, secret := range []string{"short", testKey, "abc"} {
				if strings.Contains(err.Error(), secret) && !strings.Contains(tt.want, secret) {
					t.Errorf("the error repeats a secret: %v", err)
				}
			}
		})
	}
}

func TestAccess(t *testing.T) {
	full, err := NewGate(Config{
		AllowedOrigins: "https://app.example, http://localhost:5173", Keys: testKey + "," + testKey2,
		SigningKeys: "old-signing-key-0123456789, " + testSigning, PublicReadOrigins: "https://public.example",
		PublicRateLimiter: true, Token: "SERVERTOKEN",
	})
	if err != nil {
		t.Fatal(err)
	}
	noToken, _ := NewGate(Config{Keys: testKey, PublicReadOrigins: "https://public.example", PublicRateLimiter: true})
	legacy, _ := NewGate(Config{Key: testKey, Token: "SERVERTOKEN"})
	token := MintToken([]byte(testSigning), "user-42", testNow/1000+300)
	tests := []struct {
		name    string
		gate    *Gate
		method  string
		headers Headers
		auth    Auth
		value   string
		refused string
		client  string
	}{
		{name: "allowed origin alone earns nothing", gate: full, headers: Headers{"origin": "https://app.example"}, auth: AuthNone},
		{name: "first key", gate: full, headers: Headers{HeaderKey: testKey}, auth: AuthServer, value: "Bearer SERVERTOKEN"},
		{name: "second key (rotation)", gate: full, headers: Headers{HeaderKey: testKey2}, auth: AuthServer, value: "Bearer SERVERTOKEN"},
		{name: "legacy PREFLIGHT_KEY", gate: legacy, headers: Headers{HeaderKey: testKey}, auth: AuthServer, value: "Bearer SERVERTOKEN"},
		{name: "wrong key refused", gate: full, headers: Headers{HeaderKey: testKey + "x"}, auth: AuthNone, refused: "not one of this Worker's keys"},
		{name: "key prefix refused", gate: full, headers: Headers{HeaderKey: testKey[:8]}, auth: AuthNone, refused: "not one of"},
		{name: "empty key refused", gate: full, headers: Headers{HeaderKey: ""}, auth: AuthNone, refused: "not one of"},
		{name: "right key, no server token", gate: noToken, headers: Headers{HeaderKey: testKey}, auth: AuthNone},
		{name: "signed token", gate: full, headers: Headers{HeaderToken: token}, auth: AuthServer, value: "Bearer SERVERTOKEN"},
		{name: "signed token with the old key", gate: full, headers: Headers{HeaderToken: MintToken([]byte("old-signing-key-0123456789"), "", testNow/1000+60)}, auth: AuthServer, value: "Bearer SERVERTOKEN"},
		{name: "forged token", gate: full, headers: Headers{HeaderToken: MintToken([]byte("not-the-signing-key-000"), "user-42", testNow/1000+300)}, auth: AuthNone, refused: "signature does not match"},
		{name: "expired token", gate: full, headers: Headers{HeaderToken: MintToken([]byte(testSigning), "u", testNow/1000-5)}, auth: AuthNone, refused: "expired 5 s ago"},
		{name: "token for a day", gate: full, headers: Headers{HeaderToken: MintToken([]byte(testSigning), "u", testNow/1000+86400)}, auth: AuthNone, refused: "more than 60 minutes"},
		{name: "token with its expiry moved", gate: full, headers: Headers{HeaderToken: strings.Replace(token, ".", ".1", 1)}, auth: AuthNone, refused: "signature does not match"},
		{name: "token with a bad subject", gate: full, headers: Headers{HeaderToken: MintToken([]byte(testSigning), "a.b", testNow/1000+60)}, auth: AuthNone, refused: "not a v1."},
		{name: "garbage token", gate: full, headers: Headers{HeaderToken: "hello"}, auth: AuthNone, refused: "not a v1."},
		{name: "token to a Worker without signing keys", gate: legacy, headers: Headers{HeaderToken: token}, auth: AuthNone, refused: "accepts no signed tokens"},
		{name: "caller's own credential wins", gate: full, headers: Headers{"origin": "https://public.example", HeaderKey: testKey, "authorization": "Bearer MINE"}, auth: AuthCaller, value: "Bearer MINE"},
		{name: "public read GET", gate: full, method: "GET", headers: Headers{"origin": "https://public.example", "cf-connecting-ip": "203.0.113.9"}, auth: AuthPublic, value: "Bearer SERVERTOKEN", client: "ip:203.0.113.9"},
		{name: "public read without an edge IP", gate: full, method: "get", headers: Headers{"origin": "https://public.example"}, auth: AuthPublic, value: "Bearer SERVERTOKEN", client: "ip:unknown"},
		{name: "public origin POST gets nothing", gate: full, method: "POST", headers: Headers{"origin": "https://public.example"}, auth: AuthNone},
		{name: "public origin DELETE gets nothing", gate: full, method: "DELETE", headers: Headers{"origin": "https://public.example"}, auth: AuthNone},
		{name: "public look-alike", gate: full, method: "GET", headers: Headers{"origin": "https://public.example.evil.example"}, auth: AuthNone},
		{name: "public, no server token", gate: noToken, method: "GET", headers: Headers{"origin": "https://public.example"}, auth: AuthNone},
		{name: "nothing", gate: full, headers: Headers{}, auth: AuthNone},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			method := tt.method
			if method == "" {
				method = "GET"
			}
			a := tt.gate.Access(method, tt.headers, testNow)
			if a.Auth != tt.auth || a.Authorization != tt.value || a.Client != tt.client || !strings.Contains(a.Refused, tt.refused) || (tt.refused == "") != (a.Refused == "") {
				t.Errorf("Access = %+v; want auth %q value %q client %q refused ~%q", a, tt.auth, tt.value, tt.client, tt.refused)
			}
			if strings.Contains(a.Refused, "SERVERTOKEN") || strings.Contains(a.Refused, testKey[:8]) {
				t.Errorf("the refusal repeats a secret: %q", a.Refused)
			}
		})
	}
}

func TestCORSOrigins(t *testing.T) {
	g, err := NewGate(Config{AllowedOrigins: "https://b.example, https://a.example", PublicReadOrigins: "https://a.example, https://c.example", PublicRateLimiter: true})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(g.CORSOrigins(), " "); got != "https://a.example https://b.example https://c.example" {
		t.Errorf("CORSOrigins = %s", got)
	}
	for origin, want := range map[string]bool{"https://a.example": true, "https://c.example": true, "https://d.example": false, "": false} {
		if g.OriginAllowed(origin) != want {
			t.Errorf("OriginAllowed(%q) = %v", origin, !want)
		}
	}
}

func TestParseHeaderLines(t *testing.T) {
	got := ParseHeaderLines("Authorization: Bearer a:b\nx-empty:\nno colon here\nOrigin:  https://app.example \n")
	want := Headers{"authorization": "Bearer a:b", "x-empty": "", "origin": "https://app.example"}
	if len(got) != len(want) {
		t.Fatalf("ParseHeaderLines = %v, want %v", got, want)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s = %q, want %q", k, got[k], v)
		}
	}
}
