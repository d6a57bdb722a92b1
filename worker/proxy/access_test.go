package proxy

import (
	"strings"
	"testing"
)

func TestNewGateRejectsBadOrigins(t *testing.T) {
	tests := []struct{ list, want string }{
		{"*", "wildcard"},
		{"https://a.example, example.com", `entry 2 ("example.com")`},
		{"https://a.example/path", "no path"},
		{"ftp://a.example", "https:// or http://"},
	}
	for _, tt := range tests {
		if _, err := NewGate(Config{AllowedOrigins: tt.list}); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("NewGate(%q) error = %v, want it to mention %q", tt.list, err, tt.want)
		}
	}
}

func TestCredential(t *testing.T) {
	g, err := NewGate(Config{AllowedOrigins: "https://app.example, http://localhost:5173", Key: "k3y-secret", Token: "SERVERTOKEN"})
	if err != nil {
		t.Fatal(err)
	}
	noToken, _ := NewGate(Config{AllowedOrigins: "https://app.example", Key: "k3y-secret"})
	noKey, _ := NewGate(Config{Token: "SERVERTOKEN"})
	tests := []struct {
		name    string
		gate    *Gate
		headers Headers
		auth    Auth
		value   string
	}{
		{"allowed origin", g, Headers{"origin": "https://app.example"}, AuthServer, "Bearer SERVERTOKEN"},
		{"second allowed origin", g, Headers{"origin": "http://localhost:5173"}, AuthServer, "Bearer SERVERTOKEN"},
		{"right key", g, Headers{"x-preflight-key": "k3y-secret"}, AuthServer, "Bearer SERVERTOKEN"},
		{"caller's own credential wins", g, Headers{"origin": "https://app.example", "authorization": "Bearer MINE"}, AuthCaller, "Bearer MINE"},
		{"unknown origin", g, Headers{"origin": "https://evil.example"}, AuthNone, ""},
		{"origin prefix is not the origin", g, Headers{"origin": "https://app.example.evil.example"}, AuthNone, ""},
		{"wrong key", g, Headers{"x-preflight-key": "k3y-secreT"}, AuthNone, ""},
		{"key prefix", g, Headers{"x-preflight-key": "k3y"}, AuthNone, ""},
		{"empty key header", g, Headers{"x-preflight-key": ""}, AuthNone, ""},
		{"nothing", g, Headers{}, AuthNone, ""},
		{"no server token", noToken, Headers{"origin": "https://app.example"}, AuthNone, ""},
		{"no key configured: empty key never matches", noKey, Headers{"x-preflight-key": ""}, AuthNone, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			auth, value := tt.gate.Credential(tt.headers)
			if auth != tt.auth || value != tt.value {
				t.Errorf("Credential = %q, %q; want %q, %q", auth, value, tt.auth, tt.value)
			}
		})
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
