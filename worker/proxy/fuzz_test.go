package proxy

import (
	"encoding/json"
	"strings"
	"testing"
)

// FuzzDecide: whatever arrives, Decide answers (no panic), forwards only what
// the path guard accepts, rejects only with a JSON problem body, and
// encodes its answer as encoding/json would.
func FuzzDecide(f *testing.F) {
	f.Add("GET", "/2/tweets/search/recent?query=cats&max_results=10", "origin: https://app.example\n", "")
	f.Add("GET", "/2/tweets/search/recent?query=cats&max_results=5", "", "")
	f.Add("POST", "/2/tweets", "content-type: application/json\nauthorization: Bearer U\n", `{"text":"hi"}`)
	f.Add("DELETE", "/2/tweets/%2e%2e", "x-preflight-key: k\n", "")
	f.Add("GET", "/2/tweets/search/recent?query=cats", "origin: https://public.example\ncf-connecting-ip: 203.0.113.9\n", "")
	f.Add("GET", "//evil/2/x", "", "")
	g, err := NewGate(Config{AllowedOrigins: "https://app.example", Keys: testKey, Token: "SERVERTOKEN",
		PublicReadOrigins: "https://public.example", PublicRateLimiter: true})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, method, target, headerLines, body string) {
		d := g.Decide(Inbound{Method: method, Target: target, Headers: ParseHeaderLines(headerLines), Body: body, Now: 1_700_000_000_000})
		checkDecisionJSON(t, d) // its own encoding is encoding/json's
		if d.Forward {
			if _, _, err := CheckTarget(target); err != nil {
				t.Fatalf("forwarded %q, which the path guard refuses: %v", target, err)
			}
			if d.Auth == AuthPublic && (strings.ToUpper(method) != "GET" || d.Client == "") {
				t.Fatalf("public use for %s with client %q", method, d.Client)
			}
			if len(d.Key) != 64 || d.Path != target {
				t.Fatalf("forwarded with key %q path %q", d.Key, d.Path)
			}
			return
		}
		if (d.Status != 400 && d.Status != 401) || !json.Valid(d.Problem) {
			t.Fatalf("rejected with status %d and problem %q", d.Status, d.Problem)
		}
		if strings.Contains(string(d.Problem), "SERVERTOKEN") {
			t.Fatalf("the problem echoes the server token: %s", d.Problem)
		}
	})
}

func FuzzParseHeaderLines(f *testing.F) {
	f.Add("Authorization: Bearer a:b\nOrigin: https://x\n")
	f.Add("no colon\n:\n\n  X-A :  v \n")
	f.Fuzz(func(t *testing.T, s string) {
		for k, v := range ParseHeaderLines(s) {
			if k != strings.ToLower(strings.TrimSpace(k)) || strings.Contains(k+v, "\n") || v != strings.TrimSpace(v) {
				t.Fatalf("ParseHeaderLines(%q) gave %q: %q", s, k, v)
			}
		}
	})
}
