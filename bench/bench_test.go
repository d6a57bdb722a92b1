package bench

import (
	"net/http"
	"net/url"
	"testing"

	"github.com/xpreflight/xpreflight/core/params"
	"github.com/xpreflight/xpreflight/core/wire"
)

// briefURL is the request the issue names: a recent search with a query,
// max_results=50 and tweet.fields.
var briefURL = "https://api.x.com/2/tweets/search/recent?" + url.Values{
	"query":        {"from:XDevelopers -is:retweet"},
	"max_results":  {"50"},
	"tweet.fields": {"created_at,public_metrics,lang"},
}.Encode()

// searchURL is a heavier request: a grouped query, a page size and four
// field lists, as a dashboard client sends it.
var searchURL = "https://api.x.com/2/tweets/search/recent?" + url.Values{
	"query":        {"(from:XDevelopers OR from:API) has:media -is:retweet lang:en"},
	"max_results":  {"50"},
	"post.fields":  {"created_at,public_metrics,lang,conversation_id"},
	"expansions":   {"author_id,attachments.media_keys"},
	"user.fields":  {"username,verified"},
	"media.fields": {"url,type"},
}.Encode()

func newKin(tb testing.TB) *KinValidator {
	tb.Helper()
	k, err := NewKinValidator(SpecPath)
	if err != nil {
		tb.Skipf("kin-openapi cannot load the spec: %v", err)
	}
	return k
}

// benchRequests are the requests both validators are compared on.
var benchRequests = []struct{ name, url string }{
	{"brief", briefURL},
	{"fields", searchURL},
}

func BenchmarkValidateRequest(b *testing.B) {
	for _, br := range benchRequests {
		b.Run(br.name, func(b *testing.B) { benchBoth(b, br.url) })
	}
}

func benchBoth(b *testing.B, searchURL string) {
	b.Run("xpreflight", func(b *testing.B) {
		req := params.Request{Method: "GET", URL: searchURL}
		b.ReportAllocs()
		for b.Loop() {
			if res := params.Validate(req); !res.Valid {
				b.Fatal(res.Diagnostics)
			}
		}
	})
	b.Run("xpreflight-wire", func(b *testing.B) {
		in := []byte(`{"method":"GET","url":` + quote(searchURL) + `}`)
		b.ReportAllocs()
		for b.Loop() {
			wire.Handle("validateRequest", in)
		}
	})
	// The primary comparison: kin-openapi starts from the same (method,
	// URL string) as xpreflight, so building the *http.Request is counted.
	b.Run("kin-openapi", func(b *testing.B) {
		k := newKin(b)
		b.ReportAllocs()
		for b.Loop() {
			if err := k.ValidateURL("GET", searchURL); err != nil {
				b.Fatal(err)
			}
		}
	})
	// kin-openapi on a request built once outside the loop: its cost
	// without URL parsing, which favours it.
	b.Run("kin-openapi-preparsed", func(b *testing.B) {
		k := newKin(b)
		req, err := http.NewRequest("GET", searchURL, nil)
		if err != nil {
			b.Fatal(err)
		}
		b.ReportAllocs()
		for b.Loop() {
			if err := k.Validate(req); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func quote(s string) string {
	out := []byte{'"'}
	for i := 0; i < len(s); i++ {
		if s[i] == '"' || s[i] == '\\' {
			out = append(out, '\\')
		}
		out = append(out, s[i])
	}
	return string(append(out, '"'))
}
