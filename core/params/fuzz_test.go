package params

import (
	"encoding/json"
	"testing"
	"time"
)

// FuzzValidate: any method, URL and body is judged without a panic, the
// verdict agrees with the findings, and the result encodes as JSON.
func FuzzValidate(f *testing.F) {
	seeds := []struct{ method, url, body string }{
		{"GET", "/2/tweets/search/recent?query=cat%20has%3Amedia&max_results=50&tweet.fields=created_at", ""},
		{"GET", "https://api.twitter.com/2/tweets?ids=1,2,2&expansions=referenced_posts&tweet.fields=id", ""},
		{"GET", "/2/tweets/search/all?query=a&start_time=2006-01-01T00:00Z&since_id=1&next_token=a&pagination_token=b", ""},
		{"POST", "/2/tweets", `{"text":"hi","poll":{"options":["a"]}}`},
		{"POST", "/2/tweets/search/stream/rules?delete_all=true&dry_run=1", `{"add":[{"value":"(a OR"}],"delete":{}}`},
		{"POST", "/2/tweets", "{\"text\": \n"},
		{"DELETE", "/2/users/%zz/likes/1", ""},
		{"get", "http://API.X.COM:443/2/users/by/username/a-b/?x=%&&=", "\x00"},
		{"", "", ""},
	}
	for _, s := range seeds {
		f.Add(s.method, s.url, s.body)
	}
	now := time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, method, url, body string) {
		res := Validate(Request{Method: method, URL: url, Body: []byte(body), Now: now,
			Headers: map[string]string{"Content-Type": "application/json"}})
		hasError := false
		for _, d := range res.Diagnostics {
			if d.Code == "" || d.Message == "" {
				t.Fatalf("diagnostic without code or message: %+v", d)
			}
			hasError = hasError || d.Severity == sevError
		}
		if res.Valid == hasError || (res.Problem != nil) != hasError {
			t.Fatalf("valid=%v problem=%v with errors=%v", res.Valid, res.Problem != nil, hasError)
		}
		switch {
		case !hasError:
		case res.InvalidRequest() != nil:
			if len(res.InvalidRequest().Errors) == 0 || res.Status != 400 {
				t.Fatalf("invalid-request problem without errors[] or with status %d", res.Status)
			}
		case res.Rules() != nil:
			rb := res.Rules()
			s := rb.Meta.Summary
			if len(rb.Errors) == 0 || res.Status != RulesStatus || s.Created != 0 || s.Valid+s.Invalid != s.NotCreated || s.Invalid != len(rb.Errors) {
				t.Fatalf("rules answer inconsistent: status %d %+v", res.Status, rb)
			}
		default:
			t.Fatalf("problem of type %T", res.Problem)
		}
		if _, err := json.Marshal(res); err != nil {
			t.Fatal(err)
		}
	})
}
