package wire_test

import (
	"fmt"

	"github.com/xpreflight/xpreflight/core/wire"
)

func ExampleHandle_adviseRetry() {
	out := wire.Handle("adviseRetry", []byte(`{
		"attempt": 1, "status": 429, "now": 1700000000000, "random": 0.5,
		"headers": {"date": "Tue, 14 Nov 2023 22:13:20 GMT", "x-rate-limit-remaining": "12"}
	}`))
	fmt.Println(string(out))
	// Output: {"ok":true,"result":{"retry":true,"delayMs":1125,"notBefore":1700000001125,"reason":"per-second-limit","detail":"429 while x-rate-limit-remaining is 12: X's per-second limit, not the window; a short wait","parked":false}}
}

func ExampleHandle_adviseRetryPark() {
	out := wire.Handle("adviseRetry", []byte(`{
		"attempt": 1, "status": 429, "now": 1700000000000, "method": "POST", "url": "/2/tweets",
		"headers": {"date": "Tue, 14 Nov 2023 22:13:20 GMT", "x-app-limit-24hour-remaining": "0", "x-app-limit-24hour-reset": "1700040000"},
		"policy": {"maxWaitMs": 60000}
	}`))
	fmt.Println(string(out))
	// Output: {"ok":true,"result":{"retry":false,"delayMs":0,"notBefore":1700040001000,"reason":"daily-cap","detail":"the app 24-hour cap is exhausted; waiting for its reset at 1700040000 (measured from the response's Date header); the wait of 40001000 ms exceeds maxWaitMs 60000, so park until notBefore","parked":true}}
}
