package bench

import (
	"testing"

	"github.com/xpreflight/xpreflight/core/params"
)

func BenchmarkTmpNoq(b *testing.B) {
	noq := params.Request{Method: "GET", URL: "https://api.x.com/2/tweets/search/recent?query=a&max_results=50&post.fields=created_at%2Cpublic_metrics%2Clang%2Cconversation_id&expansions=author_id%2Cattachments.media_keys&user.fields=username%2Cverified&media.fields=url%2Ctype"}
	for b.Loop() {
		params.Validate(noq)
	}
}
