package params

import "testing"

// Every operation the spec marks x-twitter-streaming, and nothing else, is a
// stream; the firehose language streams included (they do not end in
// /stream, which an older suffix rule in core/apierr missed).
func TestIsStream(t *testing.T) {
	for _, tc := range []struct {
		method, url string
		want        bool
	}{
		{"GET", "/2/tweets/search/stream", true},
		{"GET", "/2/tweets/sample/stream", true},
		{"GET", "/2/tweets/sample10/stream?partition=1", true},
		{"GET", "/2/tweets/firehose/stream/lang/en", true},
		{"GET", "/2/tweets/firehose/stream/lang/ja", true},
		{"GET", "/2/tweets/firehose/stream/lang/ko", true},
		{"GET", "/2/tweets/firehose/stream/lang/pt", true},
		{"GET", "/2/tweets/compliance/stream", true},
		{"GET", "/2/users/compliance/stream", true},
		{"GET", "/2/likes/firehose/stream", true},
		{"GET", "https://api.twitter.com/2/tweets/label/stream", true},
		{"", "/2/tweets/search/stream", true},     // no method: streams are GET
		{"head", "/2/tweets/search/stream", true}, // HEAD looks up GET
		{"get", "/2/tweets/search/stream", true},
		{"GET", "/2/tweets/search/stream/rules", false},
		{"POST", "/2/tweets/search/stream/rules", false},
		{"GET", "/2/tweets/search/stream/rules/counts", false},
		{"POST", "/2/tweets/search/stream", false}, // no such operation
		{"GET", "/2/tweets/search/recent", false},
		{"GET", "/2/users/streamer", false},
		{"GET", "/2/made/up/stream", false}, // not in the spec
		{"GET", "https://example.com/2/tweets/search/stream", false},
		{"GET", "not a url", false},
		{"GET", "", false},
	} {
		if got := IsStream(tc.method, tc.url); got != tc.want {
			t.Errorf("IsStream(%q, %q) = %v, want %v", tc.method, tc.url, got, tc.want)
		}
	}
	n := 0
	for _, op := range Operations() {
		if op.Stream {
			n++
			if op.Method != "GET" {
				t.Errorf("%s is marked a stream but is not GET; IsStream looks streams up as GET", op.Route())
			}
		}
	}
	if n != 15 { // specs 2.166 and 2.167 both mark 15 operations x-twitter-streaming
		t.Errorf("%d stream operations in the route table, want 15", n)
	}
}
