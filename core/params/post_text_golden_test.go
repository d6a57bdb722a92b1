package params

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	posttext "github.com/xpreflight/xpreflight/core/post"
)

func jsonBody(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestPostTextGolden records validateRequest's verdict on text limits:
// POST /2/tweets (new, reply, quote) by X's weighted count and the DM
// endpoints, in testdata/post_text.golden.json (-update rewrites it).
func TestPostTextGolden(t *testing.T) {
	cjk141 := strings.Repeat("語", 141)
	h := map[string]string{"Content-Type": "application/json"}
	reqs := []Request{
		{Method: "POST", URL: "/2/tweets", Headers: h, LongPosts: posttext.LongPostsDenied, Body: jsonBody(t, map[string]any{"text": cjk141})},
		{Method: "POST", URL: "/2/tweets", Headers: h, Body: jsonBody(t, map[string]any{"text": cjk141, "reply": map[string]any{"in_reply_to_tweet_id": "1346889436626259968"}})},
		{Method: "POST", URL: "/2/tweets", Headers: h, LongPosts: posttext.LongPostsAllowed, Body: jsonBody(t, map[string]any{"text": cjk141, "quote_tweet_id": "1346889436626259968"})},
		{Method: "POST", URL: "/2/tweets", Headers: h, LongPosts: posttext.LongPostsDenied, Body: jsonBody(t, map[string]any{"text": "https://example.com/" + strings.Repeat("a", 300) + " fits: a URL counts 23"})},
		{Method: "POST", URL: "/2/tweets", Headers: h, Body: jsonBody(t, map[string]any{"text": "bad \uFFFE char"})},
		{Method: "POST", URL: "/2/tweets", Headers: h, LongPosts: posttext.LongPostsAllowed, Body: jsonBody(t, map[string]any{"text": strings.Repeat("a", 25001)})},
		{Method: "POST", URL: "/2/dm_conversations/with/9876543210/messages", Headers: h, Body: jsonBody(t, map[string]any{"text": strings.Repeat("d", 10001)})},
		{Method: "POST", URL: "/2/dm_conversations", Headers: h, Body: jsonBody(t, map[string]any{"conversation_type": "Group", "participant_ids": []string{"944480690", "906948460078698496"}, "message": map[string]any{"text": strings.Repeat("g", 10001)}})},
		{Method: "POST", URL: "/2/dm_conversations/123-456/messages", Headers: h, Body: jsonBody(t, map[string]any{"text": "short is fine"})},
	}
	var out bytes.Buffer
	enc := json.NewEncoder(&out)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	for _, req := range reqs {
		body := string(req.Body)
		if len(body) > 300 {
			body = body[:300] + "…"
		}
		entry := struct {
			Method    string             `json:"method"`
			URL       string             `json:"url"`
			LongPosts posttext.LongPosts `json:"longPosts"`
			Body      string             `json:"body"`
			Result    Result             `json:"result"`
		}{req.Method, req.URL, req.LongPosts, body, Validate(req)}
		if err := enc.Encode(entry); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join("testdata", "post_text.golden.json")
	if *update {
		if err := os.WriteFile(path, out.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -run TestPostTextGolden -update)", err)
	}
	if !bytes.Equal(out.Bytes(), want) {
		t.Errorf("output differs from %s; run go test -run TestPostTextGolden -update and review the diff", path)
	}
}
