package proxy_test

import (
	"fmt"

	"github.com/xpreflight/xpreflight/worker/proxy"
)

func ExampleConfig_Check() {
	s, err := proxy.Config{APIOrigin: "https://api.x.com/", TimeoutMs: "5000"}.Check()
	fmt.Println(s.APIOrigin, s.TimeoutMs, s.Tier, err)

	_, err = proxy.Config{APIOrigin: "ftp://api.x.com", TimeoutMs: "30s", Key: "hunter2"}.Check()
	for _, e := range err.(proxy.ConfigError) {
		fmt.Println(e)
	}
	// Output:
	// https://api.x.com 5000 pay-per-use <nil>
	// X_API_ORIGIN "ftp://api.x.com": scheme "ftp" is not https or http
	// UPSTREAM_TIMEOUT_MS "30s": not a whole number of milliseconds
	// PREFLIGHT_KEY is 7 bytes; use at least 16 random characters
}
