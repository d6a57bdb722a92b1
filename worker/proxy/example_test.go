package proxy_test

import (
	"fmt"

	"github.com/xpreflight/xpreflight/worker/proxy"
)

func ExampleCheckTarget() {
	for _, target := range []string{"/2/tweets/search/recent?query=cats", "/2/tweets/%2e%2e/admin"} {
		path, query, err := proxy.CheckTarget(target)
		fmt.Printf("%q %q %v\n", path, query, err)
	}
	// Output:
	// "/2/tweets/search/recent" "query=cats" <nil>
	// "" "" byte 10: dot segment "%2e%2e"
}

func ExampleGate_Access() {
	g, _ := proxy.NewGate(proxy.Config{AllowedOrigins: "https://app.example", Keys: "key-one-0123456789,key-two-0123456789", Token: "T"})
	for _, h := range []proxy.Headers{
		{"origin": "https://app.example"},
		{"x-preflight-key": "key-two-0123456789"},
		{"x-preflight-key": "guess"},
	} {
		a := g.Access("GET", h, 1_700_000_000_000)
		fmt.Printf("%s %q\n", a.Auth, a.Refused)
	}
	// Output:
	// none ""
	// server ""
	// none "x-preflight-key is not one of this Worker's keys"
}

func ExampleMintToken() {
	key := []byte("signing-key-0123456789abcdef")
	token := proxy.MintToken(key, "user-42", 1_700_000_300)
	g, _ := proxy.NewGate(proxy.Config{SigningKeys: string(key), Token: "T"})
	fmt.Println(token[:len("v1.1700000300.user-42.")], g.VerifyToken(token, 1_700_000_000_000))
	fmt.Println(g.VerifyToken(token, 1_700_000_400_000))
	// Output:
	// v1.1700000300.user-42. <nil>
	// expired 100 s ago; mint a fresh one
}

func ExampleLedgerIdentity() {
	fmt.Println(proxy.LedgerIdentity("BEARER  AAAA"))
	fmt.Printf("%q\n", proxy.LedgerIdentity(`OAuth oauth_consumer_key="ck", oauth_nonce="n1", oauth_signature="s", oauth_timestamp="1", oauth_token="1-t"`))
	// Output:
	// bearer AAAA
	// "oauth1 2:ck1-t"
}

func ExampleBlockFrom() {
	b := proxy.BlockFrom(proxy.Headers{"x-rate-limit-remaining": "0", "x-rate-limit-reset": "1700000900"}, 1_700_000_000_000)
	fmt.Println(b.Until, proxy.Local(*b, 1_700_000_000_000).RetryAfterMs)
	// Output: 1700000900000 900000
}

func ExampleRateKey() {
	fmt.Println(proxy.RateKey("Bearer AAAA", "GET /2/tweets/search/recent") == proxy.RateKey("bearer  AAAA", "GET /2/tweets/search/recent"))
	// Output: true
}

func ExampleGate_Decide() {
	g, _ := proxy.NewGate(proxy.Config{Keys: "key-one-0123456789", Token: "T"})
	for _, target := range []string{
		"/2/tweets/search/recent?query=from%3AXDevelopers&max_results=10",
		"/2/tweets/search/recent?query=cats&max_results=5",
		"/2/tweets/%2e%2e/admin",
	} {
		d := g.Decide(proxy.Inbound{Method: "GET", Target: target, Headers: proxy.Headers{"x-preflight-key": "key-one-0123456789"}, Now: 1_700_000_000_000})
		fmt.Println(d.Forward, d.Status, d.Validator, d.Auth, d.Route)
	}
	// Output:
	// true 0 valid server GET /2/tweets/search/recent
	// false 400 invalid  GET /2/tweets/search/recent
	// false 400 path
}

func ExampleAnnotate() {
	body := `{"title":"Too Many Requests","type":"about:blank","status":429,"detail":"Too Many Requests"}`
	a := proxy.Annotate(proxy.Outbound{
		Method: "GET", Target: "/2/tweets/search/recent?query=cats", Status: 429, Body: &body,
		Headers: proxy.Headers{"x-rate-limit-limit": "450", "x-rate-limit-remaining": "0", "x-rate-limit-reset": "1700000900"},
		Now:     1_700_000_000_000, Random: 0.5,
	})
	fmt.Println(a.Class, a.Block.Until, a.RetryAfterMs != nil)
	// Output: rate-limited 1700000900000 true
}

// A plain 200: only its rate-limit lines are read, into the second map.
func ExampleAnnotateLines() {
	body := `{"data":[{"id":"1","text":"cats"}]}`
	all, rate := proxy.Headers{}, proxy.Headers{}
	a := proxy.AnnotateLines(proxy.Outbound{Method: "GET", Target: "/2/tweets/search/recent?query=cats", Status: 200, Body: &body,
		Now: 1_700_000_000_000, Random: 0.5},
		"content-type: application/json\nx-rate-limit-remaining: 449\nx-rate-limit-reset: 1700000900\n", all, rate)
	fmt.Println(a.Class, a.RoomUntil, len(all), len(rate))
	// Output: success 1700000060000 0 2
}

func ExampleParseHeaderLines() {
	h := proxy.ParseHeaderLines("Authorization: Bearer x\nOrigin: https://app.example\n")
	fmt.Println(h.Get("origin"), len(h))
	// Output: https://app.example 2
}

func ExampleRoomUntil() {
	h := proxy.Headers{"x-rate-limit-remaining": "449", "x-rate-limit-reset": "1700000900"}
	fmt.Println(proxy.RoomUntil(h, 1_700_000_000_000))
	// Output: 1700000060000
}

func ExampleGate_CORSOrigins() {
	g, _ := proxy.NewGate(proxy.Config{AllowedOrigins: "https://b.example, https://a.example"})
	fmt.Println(g.CORSOrigins())
	// Output: [https://a.example https://b.example]
}

// The access level comes from X_API_TIER, or per request from the
// x-preflight-tier header; warnings come back as codes, never a refusal.
func ExampleGate_Tier() {
	g, err := proxy.NewGate(proxy.Config{Tier: "enterprise"})
	fmt.Println(g.Tier(), err)
	_, err = proxy.NewGate(proxy.Config{Tier: "gold"})
	fmt.Println(err)
	ppu, _ := proxy.NewGate(proxy.Config{})
	d := ppu.Decide(proxy.Inbound{Method: "GET", Target: "/2/tweets/search/recent?query=place_country%3AUS%20cat", Now: 1_700_000_000_000})
	fmt.Println(d.Forward, d.Validator, d.Warnings)
	d = ppu.Decide(proxy.Inbound{Method: "GET", Target: "/2/brand/new/endpoint", Now: 1_700_000_000_000})
	fmt.Println(d.Forward, d.Validator, d.Warnings)
	// Output:
	// enterprise <nil>
	// X_API_TIER "gold" is not an access level; use one of pay-per-use, free, basic, pro, enterprise
	// true valid operator-tier-unclear
	// true unknown-route unknown-route
}

func ExampleGate_KeyMatches() {
	g, _ := proxy.NewGate(proxy.Config{Keys: "key-one-0123456789, key-two-0123456789"})
	fmt.Println(g.KeyMatches("key-two-0123456789"), g.KeyMatches("key-two"), g.KeyMatches(""))
	// Output: true false false
}

func ExampleGate_VerifyToken() {
	key := "signing-key-0123456789abcdef"
	g, _ := proxy.NewGate(proxy.Config{SigningKeys: key})
	fmt.Println(g.VerifyToken(proxy.MintToken([]byte(key), "u1", 1_700_090_000), 1_700_000_000_000))
	// Output: valid for more than 60 minutes; mint shorter-lived tokens
}
