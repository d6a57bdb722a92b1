package params

import (
	"testing"
	"time"
)

// The search request of the kin-openapi comparison (bench/), and parts of
// it, so a regression shows which step grew.
var benchRequests = []struct{ name, url string }{
	{"brief", "https://api.x.com/2/tweets/search/recent?max_results=50&query=from%3AXDevelopers+-is%3Aretweet&tweet.fields=created_at%2Cpublic_metrics%2Clang"},
	{"route-only", "https://api.x.com/2/tweets/search/recent?query=a"},
	{"fields", "https://api.x.com/2/tweets/search/recent?expansions=author_id%2Cattachments.media_keys&max_results=50&media.fields=url%2Ctype&post.fields=created_at%2Cpublic_metrics%2Clang%2Cconversation_id&query=a&user.fields=username%2Cverified"},
	{"search", "https://api.x.com/2/tweets/search/recent?expansions=author_id%2Cattachments.media_keys&max_results=50&media.fields=url%2Ctype&post.fields=created_at%2Cpublic_metrics%2Clang%2Cconversation_id&query=%28from%3AXDevelopers+OR+from%3AAPI%29+has%3Amedia+-is%3Aretweet+lang%3Aen&user.fields=username%2Cverified"},
}

func BenchmarkValidate(b *testing.B) {
	for _, br := range benchRequests {
		b.Run(br.name, func(b *testing.B) {
			req := Request{Method: "GET", URL: br.url, Now: time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)}
			if res := Validate(req); !res.Valid {
				b.Fatal(dump(res.Diagnostics))
			}
			b.ReportAllocs()
			for b.Loop() {
				Validate(req)
			}
		})
	}
	b.Run("body", func(b *testing.B) {
		req := Request{Method: "POST", URL: "/2/tweets", Body: []byte(`{"text":"Hello","reply_settings":"following","poll":{"options":["a","b"],"duration_minutes":60}}`)}
		if res := Validate(req); !res.Valid {
			b.Fatal(dump(res.Diagnostics))
		}
		b.ReportAllocs()
		for b.Loop() {
			Validate(req)
		}
	})
}
