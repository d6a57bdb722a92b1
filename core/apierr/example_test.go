package apierr_test

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"

	"github.com/xpreflight/xpreflight/core/apierr"
	"github.com/xpreflight/xpreflight/core/header"
)

func ExampleParse() {
	body := `{"data":[{"id":"1","text":"hi"}],"errors":[{"value":"2","detail":"Could not find tweet with ids: [2].","title":"Not Found Error","resource_type":"tweet","parameter":"ids","resource_id":"2","type":"https://api.twitter.com/2/problems/resource-not-found"}]}`
	r := apierr.Parse(apierr.Response{
		Status:  200,
		Headers: map[string]string{"x-rate-limit-limit": "900", "x-rate-limit-remaining": "899", "x-rate-limit-reset": "1705420800"},
		Body:    []byte(body),
	})
	out, _ := json.MarshalIndent(r, "", "  ")
	fmt.Println(string(out))
	// Output:
	// {
	//   "class": "partial",
	//   "status": 200,
	//   "shape": "envelope",
	//   "problems": [],
	//   "partialErrors": [
	//     {
	//       "detail": "Could not find tweet with ids: [2].",
	//       "parameter": "ids",
	//       "resource_id": "2",
	//       "resource_type": "tweet",
	//       "slug": "resource-not-found",
	//       "title": "Not Found Error",
	//       "type": "https://api.twitter.com/2/problems/resource-not-found",
	//       "value": "2"
	//     }
	//   ],
	//   "rateLimit": {
	//     "limit": 900,
	//     "remaining": 899,
	//     "reset": 1705420800
	//   },
	//   "schema": {
	//     "valid": true,
	//     "violations": []
	//   },
	//   "retryable": false
	// }
}

func ExampleParse_plainText429() {
	r := apierr.Parse(apierr.Response{Status: 429, Body: []byte("Rate limit exceeded\n")})
	fmt.Println(r.Class, r.Shape, r.Retryable)
	fmt.Println(r.Schema.Violations[0].Message)
	// Output:
	// rate-limited not-json true
	// body is not JSON: invalid character 'R' looking for beginning of value at byte 0; starts with "Rate limit exceeded"
}

// Classify gives the class, problems and rate limit without checking the
// body against the schemas: what retry advice needs, at a fraction of the cost.
func ExampleClassify() {
	r := apierr.Classify(apierr.Response{
		Status:  429,
		Headers: map[string]string{"x-rate-limit-remaining": "0", "x-rate-limit-reset": "1785585660"},
		Body:    []byte(`{"title":"Too Many Requests","type":"about:blank","status":429,"detail":"Too Many Requests"}`),
	})
	fmt.Println(r.Class, r.Problems[0].Slug, *r.RateLimit.Remaining, *r.RateLimit.Reset)
	fmt.Println(r.Schema.Violations == nil)
	// Output:
	// rate-limited about:blank 0 1785585660
	// true
}

func ExampleParseRateLimit() {
	rl, issues := apierr.ParseRateLimit(map[string]string{
		"X-App-Limit-24hour-Limit":     "10000",
		"X-App-Limit-24hour-Remaining": "0",
		"X-App-Limit-24hour-Reset":     "1705500000",
	})
	fmt.Println(rl.Limit == nil, *rl.AppDay.Remaining, *rl.AppDay.Reset, len(issues))
	// Output: true 0 1705500000 0
}

// The Worker lower-cases X's header names as it reads them, so its map is
// folded already: header.Folded(m) converts it without Fold's pass.
func ExampleParseRateLimitFolded() {
	rl, issues := apierr.ParseRateLimitFolded(header.Folded{
		"x-rate-limit-limit":     "450",
		"x-rate-limit-remaining": "449",
		"x-rate-limit-reset":     "soon",
	})
	fmt.Println(*rl.Limit, *rl.Remaining, rl.Reset == nil, issues[0].Header)
	// Output: 450 449 true x-rate-limit-reset
}

func ExampleIsRateLimitHeader() {
	fmt.Println(apierr.IsRateLimitHeader("x-app-limit-24hour-reset"), apierr.IsRateLimitHeader("content-type"))
	// Output: true false
}

func ExampleKnownSlugs() {
	fmt.Println(len(apierr.KnownSlugs()), apierr.KnownSlugs()[:3])
	// Output: 24 [about:blank client-disconnected client-forbidden]
}

func ExampleClassOfStatus() {
	fmt.Println(apierr.ClassOfStatus(402), apierr.ClassOfStatus(503), apierr.ClassOfStatus(418))
	// Output: usage-capped server-error unknown
}

func ExampleClass_Retryable() {
	fmt.Println(apierr.RateLimited.Retryable(), apierr.UsageCapped.Retryable())
	// Output: true false
}

func ExampleProblem_MarshalJSON() {
	r := apierr.Parse(apierr.Response{Status: 429, Body: []byte(`{"errors":[{"code":88,"message":"Rate limit exceeded"}]}`)})
	out, _ := json.Marshal(r.Problems[0])
	fmt.Println(string(out), r.Problems[0].Type() == "", r.Problems[0].Keys())
	// Output: {"code":88,"message":"Rate limit exceeded","slug":"legacy-88"} true [code message]
}

func ExampleProblem_String() {
	r := apierr.Parse(apierr.Response{Status: 429, URL: "/2/tweets/search/stream", Body: []byte(`{"title":"ConnectionException","detail":"This stream is currently at the maximum allowed connection limit.","connection_issue":"TooManyConnections","type":"https://api.twitter.com/2/problems/streaming-connection"}`)})
	p := r.Problems[0]
	fmt.Println(p.Slug, p.String("connection_issue"), p.String("missing") == "", r.Class)
	// Output: streaming-connection TooManyConnections true rate-limited
}

func ExampleRateLimit_Windows() {
	rl, _ := apierr.ParseRateLimit(map[string]string{
		"x-rate-limit-limit": "450", "x-rate-limit-remaining": "12", "x-rate-limit-reset": "1705420800",
		"x-app-limit-24hour-remaining": "0", "x-app-limit-24hour-reset": "1705500000",
	})
	for _, w := range rl.Windows() {
		reset, exhausted := w.Window.Exhausted()
		fmt.Println(w.Prefix, exhausted, reset)
	}
	// Output:
	// x-rate-limit- false 0
	// x-app-limit-24hour- true 1705500000
}

func ExampleDecodeBody() {
	var coded bytes.Buffer
	w := gzip.NewWriter(&coded)
	w.Write([]byte(`{"data":{"id":"1"}}`))
	w.Close()
	body, why := apierr.DecodeBody([]string{"gzip"}, coded.Bytes(), 1<<20)
	fmt.Printf("%s %q\n", body, why)
	body, why = apierr.DecodeBody([]string{"br"}, coded.Bytes(), 1<<20)
	fmt.Printf("%v %q\n", body == nil, why)
	body, why = apierr.DecodeBody([]string{"gzip"}, coded.Bytes(), 10)
	fmt.Printf("%v %q\n", body == nil, why)
	// Output:
	// {"data":{"id":"1"}} ""
	// true "unknown-coding"
	// true "too-long"
}
