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

func ExampleGate_Credential() {
	g, _ := proxy.NewGate(proxy.Config{AllowedOrigins: "https://app.example", Token: "T"})
	auth, _ := g.Credential(proxy.Headers{"origin": "https://app.example"})
	fmt.Println(auth)
	auth, _ = g.Credential(proxy.Headers{"origin": "https://other.example"})
	fmt.Println(auth)
	// Output:
	// server
	// none
}

func ExampleBlockFrom() {
	b := proxy.BlockFrom(proxy.Headers{"x-rate-limit-remaining": "0", "x-rate-limit-reset": "1700000900"}, 1_700_000_000_000)
	fmt.Println(b.Until, proxy.Local(*b, 1_700_000_000_000).RetryAfterMs)
	// Output: 1700000900000 900000
}

func ExampleRateKey() {
	fmt.Println(proxy.RateKey("Bearer AAAA", "GET /2/tweets/search/recent")[:16])
	// Output: e09aeed08c095a4b
}
