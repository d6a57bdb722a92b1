package params_test

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/xpreflight/xpreflight/core/params"
)

func ExampleValidate() {
	res := params.Validate(params.Request{
		Method: "GET",
		URL:    "https://api.x.com/2/tweets/search/recent?query=cat&max_results=5",
	})
	fmt.Println(res.Valid, *res.Route)
	for _, d := range res.Diagnostics {
		fmt.Println(d.Severity, d.Code, d.Message)
	}
	problem, _ := json.Marshal(res.Problem)
	fmt.Println(string(problem))
	// Output:
	// false GET /2/tweets/search/recent
	// error out-of-range The `max_results` query parameter value [5] is not between 10 and 100
	// {"errors":[{"parameters":{"max_results":["5"]},"message":"The `max_results` query parameter value [5] is not between 10 and 100"}],"title":"Invalid Request","detail":"One or more parameters to your request was invalid.","type":"https://api.x.com/2/problems/invalid-request"}
}

func ExampleValidate_now() {
	res := params.Validate(params.Request{
		Method: "GET",
		URL:    "/2/tweets/search/recent?query=cat&end_time=2026-11-25T11:59:55Z",
		Now:    time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC),
	})
	fmt.Println(res.Diagnostics[0].Message)
	// Output: Invalid 'end_time':'2026-11-25T11:59:55Z'. 'end_time' must be a minimum of 10 seconds prior to the request time.
}

func ExampleValidate_body() {
	res := params.Validate(params.Request{
		Method:  "POST",
		URL:     "/2/tweets/search/stream/rules",
		Headers: map[string]string{"Content-Type": "application/json"},
		Body:    []byte(`{"add":[{"value":"cat has:images"}],"delete":{"ids":["1"]}}`),
	})
	fmt.Println(res.Valid, res.Diagnostics[0].Message)
	// Output: false Exactly one of `add`, `delete`, or `?delete_all=true` must be specified; this request has `add` and `delete`
}

func ExampleOperations() {
	for _, op := range params.Operations() {
		if op.Path == "/2/tweets/search/recent" {
			fmt.Println(op.ID, op.Route(), op.Versions)
			for _, name := range []string{"max_results", "tweet.fields", "post.fields"} {
				p := op.Param(name, params.InQuery)
				fmt.Println(" ", p.Name, p.Versions)
			}
		}
	}
	// Output:
	// searchPostsRecent GET /2/tweets/search/recent 2.166+2.167
	//   max_results 2.166+2.167
	//   tweet.fields 2.166
	//   post.fields 2.167
}

// A rules batch with a rejected rule gets X's own answer: status 200, the
// invalid-rules items and meta.summary. X creates none of such a batch.
func ExampleResult_Rules() {
	res := params.Validate(params.Request{
		Method:  "POST",
		URL:     "/2/tweets/search/stream/rules",
		Headers: map[string]string{"Content-Type": "application/json"},
		Body:    []byte(`{"add":[{"value":"cat has:images"},{"value":"-dog"}]}`),
	})
	body, _ := json.Marshal(res.Rules())
	fmt.Println(res.Valid, res.Status)
	fmt.Println(string(body))
	// Output:
	// false 200
	// {"meta":{"summary":{"created":0,"not_created":2,"valid":1,"invalid":1}},"errors":[{"value":"-dog","details":["Rules must contain a non-negation term (at position 1)"],"title":"UnprocessableEntity","type":"https://api.twitter.com/2/problems/invalid-rules"}]}
}

func ExampleResult_InvalidRequest() {
	res := params.Validate(params.Request{Method: "GET", URL: "/2/tweets?ids="})
	fmt.Println(res.Status, res.InvalidRequest().Errors[0].Message)
	// Output:
	// 400 The ids query parameter can not be empty
}

func ExampleFixRequest() {
	res := params.FixRequest(params.Request{Method: "GET", URL: "/2/tweets/search/recent?query=rock%20AND%20roll&max_results=5"}, true)
	fmt.Println(res.URL, res.Result.Valid)
	for _, a := range res.Applied {
		fmt.Println(a.Code+":", a.Title)
	}
	// Output:
	// /2/tweets/search/recent?query=rock%20roll&max_results=10 true
	// invalid-query: Remove AND: a space already joins two clauses
	// out-of-range: Use max_results=10
}

func ExampleAttachFixes() {
	req := params.Request{Method: "GET", URL: "/2/users/2244994945/tweets?next_token=abc"}
	r := params.Validate(req)
	params.AttachFixes(req, &r)
	f := r.Diagnostics[0].Fixes[0]
	fmt.Println(r.Diagnostics[0].Code, f.Safe, f.Title)
	fmt.Printf("%s bytes %d-%d → %q\n", f.Edits[0].In, f.Edits[0].ByteSpan.Start, f.Edits[0].ByteSpan.End, f.Edits[0].NewText)
	// Output:
	// unknown-parameter true Use pagination_token, the name this endpoint pages with
	// url bytes 27-37 → "pagination_token"
}

func ExampleLookup() {
	op := params.Lookup("GET", "https://api.x.com/2/tweets/1460323737035677698?expansions=author_id")
	fmt.Println(op.Route(), op.ID)
	fmt.Println(params.Lookup("GET", "/2/nothing/here") == nil)
	// Output:
	// GET /2/tweets/{id} getPostsById
	// true
}

func ExampleIsStream() {
	for _, url := range []string{"/2/tweets/search/stream", "/2/tweets/firehose/stream/lang/ja?backfill_minutes=2", "/2/tweets/search/stream/rules"} {
		fmt.Println(url, params.IsStream("GET", url))
	}
	// Output:
	// /2/tweets/search/stream true
	// /2/tweets/firehose/stream/lang/ja?backfill_minutes=2 true
	// /2/tweets/search/stream/rules false
}
