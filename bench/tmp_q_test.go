package bench

import (
	"runtime"
	"testing"
	"time"

	"github.com/xpreflight/xpreflight/core/params"
	"github.com/xpreflight/xpreflight/core/query"
)

func cpuPer(f func(), n int) time.Duration {
	t0 := threadCPU()
	for range n {
		f()
	}
	return (threadCPU() - t0) / time.Duration(n)
}

func TestTmpBreakdown(t *testing.T) {
	runtime.LockOSThread()
	q := "(from:XDevelopers OR from:API) has:media -is:retweet lang:en"
	noq := params.Request{Method: "GET", URL: "https://api.x.com/2/tweets/search/recent?query=a&max_results=50&post.fields=created_at%2Cpublic_metrics%2Clang%2Cconversation_id&expansions=author_id%2Cattachments.media_keys&user.fields=username%2Cverified&media.fields=url%2Ctype"}
	bare := params.Request{Method: "GET", URL: "https://api.x.com/2/tweets/search/recent?query=a"}
	full := params.Request{Method: "GET", URL: searchURL}
	for i := 0; i < 3; i++ {
		t.Log("query.Validate", cpuPer(func() { query.Validate(q, query.Options{}) }, 20000))
		t.Log("query.Validate a", cpuPer(func() { query.Validate("a", query.Options{}) }, 20000))
		t.Log("params bare", cpuPer(func() { params.Validate(bare) }, 20000))
		t.Log("params noq", cpuPer(func() { params.Validate(noq) }, 20000))
		t.Log("params full", cpuPer(func() { params.Validate(full) }, 20000))
	}
}
