package retry_test

import (
	"encoding/json"
	"fmt"

	"github.com/xpreflight/xpreflight/core/retry"
)

func ExampleAdvise() {
	a := retry.Advise(retry.Input{
		Attempt: 1,
		Status:  429,
		Headers: map[string]string{
			"date":                   "Tue, 14 Nov 2023 22:13:20 GMT",
			"x-rate-limit-remaining": "0",
			"x-rate-limit-reset":     "1700000120",
		},
		Now: 1_700_000_000_000,
	})
	out, _ := json.MarshalIndent(a, "", "  ")
	fmt.Println(string(out))
	// Output:
	// {
	//   "retry": true,
	//   "delayMs": 121000,
	//   "notBefore": 1700000121000,
	//   "reason": "rate-limit-reset",
	//   "detail": "x-rate-limit-remaining is 0; waiting for x-rate-limit-reset 1700000120 (measured from the response's Date header)",
	//   "parked": false
	// }
}

func ExampleAdvise_nonIdempotent() {
	a := retry.Advise(retry.Input{Attempt: 1, Method: "POST", URL: "https://api.x.com/2/tweets", Status: 503, Now: 1_700_000_000_000})
	fmt.Println(a.Retry, a.Reason)
	// Output: false non-idempotent
}

func ExampleAdvise_streamTooManyConnections() {
	body := `{"title":"ConnectionException","detail":"This stream is currently at the maximum allowed connection limit.","connection_issue":"TooManyConnections","type":"https://api.twitter.com/2/problems/streaming-connection"}`
	for attempt := 1; attempt <= 6; attempt++ {
		a := retry.Advise(retry.Input{Attempt: attempt, Status: 429, Stream: true, Body: []byte(body), Now: 0})
		fmt.Println(attempt, a.Retry, a.DelayMs, a.Parked, a.NotBefore, a.Reason)
	}
	// Output:
	// 1 true 60000 false 60000 stream-too-many-connections
	// 2 true 120000 false 120000 stream-too-many-connections
	// 3 true 240000 false 240000 stream-too-many-connections
	// 4 true 480000 false 480000 stream-too-many-connections
	// 5 true 960000 false 960000 stream-too-many-connections
	// 6 false 0 true 1920000 stream-too-many-connections
}

func ExampleAdvise_fullJitter() {
	for _, r := range []float64{0, 0.5, 0.999} {
		a := retry.Advise(retry.Input{Attempt: 3, Status: 502, Random: r, Now: 0})
		fmt.Println(a.DelayMs, a.Reason)
	}
	// Output:
	// 0 server-error-backoff
	// 2000 server-error-backoff
	// 3996 server-error-backoff
}

func ExampleDefaultPolicy() {
	p := retry.DefaultPolicy()
	fmt.Println(p.MaxAttempts, p.MaxWaitMs, p.Jitter, p.StreamHTTPMaxMs)
	// Output: 5 960000 full 320000
}

func ExamplePolicy_Check() {
	p := retry.DefaultPolicy()
	p.Jitter = "random"
	fmt.Println(p.Check())
	// Output: policy.jitter is "random"; expected full, equal, decorrelated or none
}

func ExampleIdempotent() {
	fmt.Println(retry.Idempotent("POST", "/2/tweets"), retry.Idempotent("POST", "/2/users/12/likes"), retry.Idempotent("DELETE", "/2/tweets/1"))
	// Output: false true true
}
