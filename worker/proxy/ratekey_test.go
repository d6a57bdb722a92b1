package proxy

import (
	"strings"
	"testing"
)

const route = "POST /2/tweets"

// oauth1 builds a twitter-api-v2/tweepy-style OAuth 1.0a header with a fresh
// nonce, timestamp and signature each call.
func oauth1(consumer, token, nonce, ts, sig string) string {
	return `OAuth oauth_consumer_key="` + consumer + `", oauth_nonce="` + nonce + `", oauth_signature="` + sig +
		`", oauth_signature_method="HMAC-SHA1", oauth_timestamp="` + ts + `", oauth_token="` + token + `", oauth_version="1.0"`
}

func TestRateKeySharesOneIdentity(t *testing.T) {
	groups := [][]string{
		{"Bearer AAAA", "bearer AAAA", "BEARER AAAA", "Bearer  AAAA", " Bearer AAAA ", "Bearer\tAAAA"},
		{
			oauth1("ck1", "1-tok", "n1", "1700000000", "s1%3D"),
			oauth1("ck1", "1-tok", "n2", "1700000001", "s2%3D"),
			`oauth oauth_token="1-tok",oauth_consumer_key="ck1",oauth_nonce="x",oauth_signature="y",oauth_timestamp="1"`,
			`OAuth realm="https://api.x.com/", oauth_consumer_key="ck1", oauth_token="1-tok", oauth_nonce="z"`,
		},
		{oauth1("ck1", "", "n1", "1", "s"), `OAuth oauth_consumer_key="ck1", oauth_nonce="n9"`},
		{"Basic dXNlcjpwYXNz", "basic   dXNlcjpwYXNz"},
		{""},
	}
	seen := map[string]int{}
	for i, g := range groups {
		want := RateKey(g[0], route)
		for _, a := range g {
			got := RateKey(a, route)
			if got != want {
				t.Errorf("group %d: %q keys %s, %q keys %s", i, a, got[:12], g[0], want[:12])
			}
		}
		if j, dup := seen[want]; dup {
			t.Errorf("groups %d and %d share a key", j, i)
		}
		seen[want] = i
	}
}

func TestRateKeyKeepsIdentitiesApart(t *testing.T) {
	keys := []string{
		"Bearer AAAA", "Bearer AAAB", "Bearer aaaa", // tokens are case-sensitive
		oauth1("ck1", "1-tok", "n", "1", "s"), oauth1("ck2", "1-tok", "n", "1", "s"), oauth1("ck1", "2-tok", "n", "1", "s"),
		oauth1("ck", "11-tok", "n", "1", "s"), oauth1("ck1", "1-tok2", "n", "1", "s"), // no ambiguity where the two meet
		"OAuth no-params-here", "Basic AAAA", "Bearer",
	}
	seen := map[string]string{}
	for _, a := range keys {
		k := RateKey(a, route)
		if other, dup := seen[k]; dup {
			t.Errorf("%q and %q share a key", a, other)
		}
		seen[k] = a
		if strings.Contains(k, "AAAA") || len(k) != 64 {
			t.Errorf("RateKey(%q) = %q, want 64 hex digits", a, k)
		}
	}
	if RateKey("Bearer A", "GET /2/tweets/search/recent") == RateKey("Bearer A", "GET /2/tweets/search/all") {
		t.Error("routes share a key")
	}
}

// FuzzLedgerIdentity: two OAuth 1.0a calls that differ only in nonce,
// timestamp and signature share an identity; white space around a value never
// changes it; no input panics.
func FuzzLedgerIdentity(f *testing.F) {
	f.Add("ck1", "1-tok", "n1", "n2", "Bearer  AAAA ")
	f.Add("oauth_nonce=0", "", "x", "y", `OAuth oauth_consumer_key=,=,"",oauth_token`)
	f.Fuzz(func(t *testing.T, consumer, token, nonce1, nonce2, other string) {
		if LedgerIdentity(" "+other+"\t") != LedgerIdentity(other) {
			t.Fatalf("surrounding white space changed the identity of %q", other)
		}
		clean := func(s string) bool { return !strings.ContainsAny(s, `,"`) && strings.TrimSpace(s) == s }
		if consumer == "" || !clean(consumer) || !clean(token) || !clean(nonce1) || !clean(nonce2) {
			return
		}
		a := LedgerIdentity(oauth1(consumer, token, nonce1, "1", nonce1))
		b := LedgerIdentity(oauth1(consumer, token, nonce2, "2", nonce2))
		if a != b {
			t.Fatalf("nonce, timestamp or signature split one caller: %q vs %q", a, b)
		}
		if c := LedgerIdentity(oauth1(consumer+"x", token, nonce1, "1", nonce1)); c == a {
			t.Fatalf("another consumer key shares the identity %q", a)
		}
	})
}
