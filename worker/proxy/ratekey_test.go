package proxy

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
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

// referenceRateKey is RateKey as first written, plainly (a hasher, string
// concatenation, strings.Fields): the allocation-free RateKey must give
// the same key for every input, or budgets would split or merge.
func referenceRateKey(authorization, route string) string {
	identity := func() string {
		v := strings.TrimSpace(authorization)
		scheme, rest := strings.ToLower(v), ""
		if i := strings.IndexAny(v, " \t"); i >= 0 {
			scheme, rest = strings.ToLower(v[:i]), strings.TrimSpace(v[i:])
		}
		switch scheme {
		case "bearer":
			return "bearer " + rest
		case "oauth":
			var consumer, token string
			for _, p := range strings.Split(rest, ",") {
				name, value, found := strings.Cut(strings.TrimSpace(p), "=")
				if !found {
					continue
				}
				value = strings.Trim(strings.TrimSpace(value), `"`)
				switch strings.TrimSpace(name) {
				case "oauth_consumer_key":
					consumer = value
				case "oauth_token":
					token = value
				}
			}
			if consumer != "" {
				return "oauth1 " + strconv.Itoa(len(consumer)) + ":" + consumer + token
			}
		}
		return scheme + " " + strings.Join(strings.Fields(rest), " ")
	}()
	h := sha256.New()
	h.Write([]byte(identity))
	h.Write([]byte{0})
	h.Write([]byte(route))
	return hex.EncodeToString(h.Sum(nil))
}

var rateKeyCases = []string{
	"", " ", "Bearer AAAA", "BEARER  AAAA ", "bearer\tA B", "Bearer", "Basic dXNlcjpwYXNz", "basic  a \t b\u00a0c\u2003d",
	oauth1("ck1", "1-tok", "n1", "1", "s"), `OAuth oauth_consumer_key="", oauth_token="t"`, `oauth oauth_consumer_key=ck,oauth_consumer_key=`,
	"ÄRGER token", "Bearer\u0130 x", "\u212Aey v", "Be\xffarer x", strings.Repeat("Bearer ", 100), // non-ASCII schemes, a long input
}

func TestRateKeyMatchesReference(t *testing.T) {
	for _, a := range rateKeyCases {
		if got, want := RateKey(a, route), referenceRateKey(a, route); got != want {
			t.Errorf("RateKey(%q) = %s, reference %s", a, got, want)
		}
	}
	// A golden key: the hash input format is what Durable Objects are named by,
	// so a change would orphan every stored budget.
	if got := RateKey("Bearer AAAA", "GET /2/tweets/search/recent"); got != goldenRateKey {
		t.Errorf("RateKey(Bearer AAAA) = %s, want %s", got, goldenRateKey)
	}
}

// goldenRateKey is sha256("bearer AAAA\x00GET /2/tweets/search/recent").
const goldenRateKey = "deaf866f02eeecd39baa9532155482103f61096277cd3db863deaa8627c777e5"

func FuzzRateKey(f *testing.F) {
	for _, a := range rateKeyCases {
		f.Add(a, route)
	}
	f.Fuzz(func(t *testing.T, authorization, route string) {
		if got, want := RateKey(authorization, route), referenceRateKey(authorization, route); got != want {
			t.Fatalf("RateKey(%q, %q) = %s, reference %s", authorization, route, got, want)
		}
	})
}

func BenchmarkRateKey(b *testing.B) {
	b.Run("RateKey", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			RateKey("Bearer BENCH-3", "GET /2/tweets/search/recent")
		}
	})
	b.Run("reference", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			referenceRateKey("Bearer BENCH-3", "GET /2/tweets/search/recent")
		}
	})
}
