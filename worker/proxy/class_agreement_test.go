package proxy_test

import (
	"encoding/json"
	"testing"

	"github.com/xpreflight/xpreflight/core/wire"
	"github.com/xpreflight/xpreflight/worker/proxy"
)

// The Worker's x-preflight-class and the wire contract's parseResponse must
// give one answer: for every status 100–599, with the body unread (a stream,
// or over src/proxy.mjs's INSPECT_LIMIT) and with bodies of each shape.
func TestAnnotateClassEqualsParseResponse(t *testing.T) {
	bodies := []struct {
		name string
		body *string
	}{
		{"unread", nil},
		{"empty", ptr("")},
		{"envelope", ptr(`{"data":{"id":"1"}}`)},
		{"partial", ptr(`{"data":[],"errors":[{"type":"https://api.twitter.com/2/problems/resource-not-found","title":"Not Found Error"}]}`)},
		{"about:blank", ptr(`{"title":"Unauthorized","type":"about:blank","status":401,"detail":"Unauthorized"}`)},
		{"usage-capped", ptr(`{"title":"UsageCapExceeded","type":"https://api.twitter.com/2/problems/usage-capped","period":"Monthly","scope":"Product"}`)},
		{"forbidden problem", ptr(`{"title":"Forbidden","type":"https://api.x.com/2/problems/client-forbidden","reason":"client-not-enrolled"}`)},
		{"legacy 88", ptr(`{"errors":[{"code":88,"message":"Rate limit exceeded"}]}`)},
		{"not json", ptr(`<html>Not Found</html>`)},
	}
	for _, b := range bodies {
		for status := 100; status <= 599; status++ {
			out := proxy.Outbound{Method: "GET", Target: "/2/tweets/search/recent?query=x", Status: status, Headers: proxy.Headers{}, Body: b.body, Now: 1}
			got := proxy.Annotate(out).Class
			want := parseResponseClass(t, status, b.body)
			if got != want {
				t.Errorf("%s body, status %d: x-preflight-class %q, parseResponse class %q", b.name, status, got, want)
			}
		}
	}
}

func parseResponseClass(t *testing.T, status int, body *string) string {
	t.Helper()
	in := map[string]any{"status": status, "method": "GET", "url": "/2/tweets/search/recent?query=x", "body": ""}
	if body != nil {
		in["body"] = *body
	}
	req, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	var resp struct {
		OK     bool
		Result struct{ Class string }
		Error  json.RawMessage
	}
	if err := json.Unmarshal(wire.Handle("parseResponse", req), &resp); err != nil || !resp.OK {
		t.Fatalf("parseResponse(%d): ok=%v err=%v %s", status, resp.OK, err, resp.Error)
	}
	return resp.Result.Class
}

func ptr(s string) *string { return &s }
