package wire_test

import (
	"fmt"

	"github.com/xpreflight/xpreflight/core/wire"
)

func ExampleHandle_parseResponse() {
	out := wire.Handle("parseResponse", []byte(`{
		"status": 429,
		"headers": {"X-Rate-Limit-Limit": "450", "X-Rate-Limit-Remaining": "0", "X-Rate-Limit-Reset": "1705420800"},
		"body": "{\"title\":\"Too Many Requests\",\"type\":\"about:blank\",\"status\":429,\"detail\":\"Too Many Requests\"}"
	}`))
	fmt.Println(string(out))
	// Output: {"ok":true,"result":{"class":"rate-limited","status":429,"shape":"problem","problems":[{"detail":"Too Many Requests","slug":"about:blank","status":429,"title":"Too Many Requests","type":"about:blank"}],"partialErrors":[],"rateLimit":{"limit":450,"remaining":0,"reset":1705420800},"schema":{"valid":true,"violations":[]},"retryable":true}}
}

func ExampleHandle_parseResponseHTML() {
	out := wire.Handle("parseResponse", []byte(`{"status":404,"body":"<html>Not Found</html>"}`))
	fmt.Println(string(out))
	// Output: {"ok":true,"result":{"class":"not-found","status":404,"shape":"not-json","problems":[],"partialErrors":[],"rateLimit":null,"schema":{"valid":false,"violations":[{"instanceLocation":"","keywordLocation":"response/envelope.json","message":"body is not JSON: invalid character '\u003c' looking for beginning of value at byte 0; starts with \"\u003chtml\u003eNot Found\u003c/html\u003e\""}]},"retryable":false}}
}
