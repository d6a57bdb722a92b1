package params

import (
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// No false rejections: requests taken from X's docs and the fact sheet
// (../shared/ref/x-api-facts.md) that X accepts must pass without errors.
func TestValidRequestsFromDocs(t *testing.T) {
	ruleBody := func(v string) string {
		b, _ := json.Marshal(map[string]any{"add": []any{map[string]string{"value": v}}})
		return string(b)
	}
	tests := []Request{
		// build-a-query.mdx: the encoded example query
		get("/2/tweets/search/recent?query=cat%20has%3Amedia%20-grumpy"),
		get("https://api.x.com/2/tweets/search/recent?query=(from%3ATwitterDev%20OR%20from%3ATwitterAPI)%20has%3Amedia%20-is%3Aretweet&max_results=100&tweet.fields=created_at,author_id,public_metrics&expansions=author_id&user.fields=username"),
		get("https://api.twitter.com/2/tweets/search/all?query=from%3AXDevelopers&max_results=500&start_time=2006-03-21T00:00:00Z"),
		get("/2/tweets/counts/recent?query=from%3AXDevelopers&granularity=day"),
		get("/2/tweets/counts/all?query=from%3AXDevelopers&granularity=minute&next_token=abc"),
		get("/2/tweets?ids=1261326399320715264,1278347468690915330&tweet.fields=created_at&expansions=author_id&user.fields=created_at"),
		get("/2/tweets/1261326399320715264?post.fields=created_at,note_post&expansions=referenced_posts"),
		get("/2/users/by?usernames=XDevelopers,XDevPlatform&user.fields=created_at&expansions=pinned_tweet_id&tweet.fields=author_id"),
		get("/2/users/by/username/XDevelopers?user.fields=created_at,description"),
		get("/2/users/2244994945/tweets?max_results=5&exclude=replies,retweets&pagination_token=7140dibdnow9c7btw3w29grvxfcgvpb9n9coehpk7xz5i"),
		get("/2/users/2244994945/mentions?max_results=100&since_id=1&until_id=2"),
		get("/2/tweets/search/stream?tweet.fields=created_at&expansions=author_id&backfill_minutes=5"),
		get("/2/tweets/search/stream/rules?ids=1165037377523306498&max_results=1000"),
		get("/2/users/me"),
		post("/2/tweets", `{"text":"Hello World!"}`),
		post("/2/tweets", `{"text":"Are you excited for the weekend?","poll":{"options":["yes","maybe","no"],"duration_minutes":120}}`),
		post("/2/tweets", `{"text":"Reply","reply":{"in_reply_to_tweet_id":"1455953449422516226"}}`),
		post("/2/tweets", `{"text":"Quote","quote_tweet_id":"1455953449422516226","reply_settings":"mentionedUsers"}`),
		post("/2/tweets", `{"media":{"media_ids":["1455952740635586573"],"tagged_user_ids":["2244994945"]}}`),
		post("/2/tweets/search/stream/rules", `{"add":[{"value":"cat has:images","tag":"cats with images"},{"value":"dog has:images"}]}`),
		post("/2/tweets/search/stream/rules?dry_run=true", `{"add":[{"value":"cat has:images"}]}`),
		post("/2/tweets/search/stream/rules", `{"delete":{"ids":["1165037377523306497","1165037377523306498"]}}`),
		post("/2/tweets/search/stream/rules", `{"delete":{"values":["cat has:images"]}}`),
		// rules-filtering.mdx: a quoted phrase with escaped quotes in a JSON rule body
		post("/2/tweets/search/stream/rules", ruleBody(`"Toys \"R\" Us"`)),
		post("/2/users/2244994945/likes", `{"tweet_id":"1228393702244134912"}`),
		post("/2/users/2244994945/retweets", `{"tweet_id":"1228393702244134912"}`),
		post("/2/users/2244994945/following", `{"target_user_id":"783214"}`),
		post("/2/lists", `{"name":"test v2 create list","description":"list for testing","private":false}`),
		{Method: "DELETE", URL: "/2/tweets/1228393702244134912"},
		{Method: "DELETE", URL: "/2/users/2244994945/likes/1228393702244134912"},
	}
	for _, req := range tests {
		t.Run(req.Method+" "+req.URL, func(t *testing.T) {
			res := Validate(req)
			if !res.Valid || res.Route == nil {
				t.Errorf("rejected: %s", dump(res.Diagnostics))
			}
		})
	}
}

// Every parameter example in both specs passes its own operation's checks:
// for each operation, a request made of the spec's examples (and, for
// required parameters without one, a value built from the schema) is valid.
func TestSpecExamplesAreValid(t *testing.T) {
	for _, file := range []string{"x-api-v2-openapi.json", "x-api-v2-openapi-2.166-legacy-problems.json"} {
		spec := loadSpec(t, file)
		checked := 0
		for path, item := range spec.Paths {
			for method, op := range item {
				req, ok := exampleRequest(t, spec, strings.ToUpper(method), path, op)
				if !ok {
					continue
				}
				checked++
				res := Validate(req)
				for _, d := range res.Diagnostics {
					if d.Severity == sevError {
						t.Errorf("%s: %s %.200s: %s %.300s", file, req.Method, req.URL, d.Code, d.Message)
					}
				}
			}
		}
		if checked < 60 {
			t.Errorf("%s: only %d operations checked", file, checked)
		}
	}
}

type testSpec struct {
	Paths      map[string]map[string]testOp `json:"paths"`
	Components struct {
		Parameters map[string]testParam `json:"parameters"`
	} `json:"components"`
}

type testOp struct {
	Parameters  []testParam `json:"parameters"`
	RequestBody any         `json:"requestBody"`
}

type testParam struct {
	Ref      string         `json:"$ref"`
	Name     string         `json:"name"`
	In       string         `json:"in"`
	Required bool           `json:"required"`
	Example  any            `json:"example"`
	Schema   map[string]any `json:"schema"`
}

func loadSpec(t *testing.T, name string) *testSpec {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "..", "shared", "ref", name))
	if err != nil {
		t.Skipf("reference spec not available: %v", err)
	}
	var s testSpec
	if err := json.Unmarshal(data, &s); err != nil {
		t.Fatal(err)
	}
	return &s
}

var placeholderRE = regexp.MustCompile(`\{([^}]+)\}`)

func exampleRequest(t *testing.T, spec *testSpec, method, path string, op testOp) (Request, bool) {
	if op.RequestBody != nil {
		return Request{}, false // no body examples in the specs
	}
	q := url.Values{}
	pathVals := map[string]string{}
	for _, p := range op.Parameters {
		if p.Ref != "" {
			p = spec.Components.Parameters[strings.TrimPrefix(p.Ref, "#/components/parameters/")]
		}
		val, ok := exampleValue(p)
		if !ok {
			if p.Required {
				return Request{}, false
			}
			continue
		}
		if p.In == "path" {
			pathVals[p.Name] = val
		} else if p.Required || p.Example != nil || p.Schema["example"] != nil {
			q.Set(p.Name, val)
		}
	}
	u := placeholderRE.ReplaceAllStringFunc(path, func(m string) string {
		v, ok := pathVals[m[1:len(m)-1]]
		if !ok {
			v = "1234567890"
		}
		return url.PathEscape(v)
	})
	if len(q) > 0 {
		u += "?" + q.Encode()
	}
	return Request{Method: method, URL: u}, true
}

// exampleValue is the spec's example for p, or a value built from its
// schema.
func exampleValue(p testParam) (string, bool) {
	for _, ex := range []any{p.Example, p.Schema["example"]} {
		if s, ok := render(ex); ok {
			return s, true
		}
	}
	s := p.Schema
	if items, ok := s["items"].(map[string]any); ok {
		s = items
	}
	if enum, ok := s["enum"].([]any); ok && len(enum) > 0 {
		return render(enum[0])
	}
	switch s["type"] {
	case "integer":
		if min, ok := s["minimum"].(float64); ok {
			return render(min)
		}
		return "10", true
	case "boolean":
		return "true", true
	case "string":
		if s["format"] == "date-time" {
			return "2026-01-01T00:00:00Z", true
		}
		switch s["pattern"] {
		case nil, "^[0-9]{1,19}$", "^[1-9][0-9]{0,18}$":
			return "1234567890", true
		case "^[A-Za-z0-9_]{1,15}$":
			return "XDevelopers", true
		}
	}
	return "", false
}

func render(v any) (string, bool) {
	switch x := v.(type) {
	case string:
		return x, true
	case float64:
		b, _ := json.Marshal(x)
		return string(b), true
	case bool:
		if x {
			return "true", true
		}
		return "false", true
	case []any:
		var parts []string
		for _, y := range x {
			s, ok := render(y)
			if !ok {
				return "", false
			}
			parts = append(parts, s)
		}
		return strings.Join(parts, ","), len(parts) > 0
	}
	return "", false
}
