package apierr

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

const (
	xType       = "https://api.x.com/2/problems/"
	twitterType = "https://api.twitter.com/2/problems/"
)

func problemBody(typ, extra string) string {
	return `{"type":"` + typ + `","title":"T","detail":"D"` + extra + `}`
}

// TestClassify covers every class and every rule of doc.go's table.
func TestClassify(t *testing.T) {
	tests := []struct {
		name   string
		status int
		url    string
		body   string
		class  Class
	}{
		{"200 data", 200, "", `{"data":{"id":"1"}}`, Success},
		{"201 created", 201, "", `{"data":{"id":"1","text":"hi"}}`, Success},
		{"204 empty", 204, "", ``, Success},
		{"304", 304, "", ``, Success},
		{"200 data+errors", 200, "", `{"data":[],"errors":[` + problemBody(xType+"resource-not-found", `,"resource_type":"tweet"`) + `]}`, Partial},
		{"200 errors only", 200, "", `{"errors":[` + problemBody(twitterType+"resource-unavailable", `,"parameter":"id","resource_id":"1","resource_type":"user"`) + `]}`, Partial},
		{"200 not JSON", 200, "", `OK`, Unknown},
		{"200 top-level problem", 200, "", problemBody(twitterType+"rule-cap", ""), InvalidRequest},
		{"200 stream disconnect", 200, "/2/tweets/sample/stream", `{"errors":[` + problemBody(twitterType+"operational-disconnect", "") + `]}`, ServerError},
		{"200 firehose lang stream disconnect", 200, "/2/tweets/firehose/stream/lang/ja?partition=1", `{"errors":[` + problemBody(twitterType+"operational-disconnect", "") + `]}`, ServerError},
		{"200 stream client-disconnected", 200, "/2/tweets/search/stream", `{"errors":[` + problemBody(twitterType+"client-disconnected", "") + `]}`, Unknown},
		{"400 invalid-request", 400, "", problemBody(xType+"invalid-request", ""), InvalidRequest},
		{"422", 422, "", problemBody(twitterType+"invalid-rules", ""), InvalidRequest},
		{"401", 401, "", problemBody("about:blank", ""), Unauthorized},
		{"402 credits depleted", 402, "", `{"title":"Payment Required"}`, UsageCapped},
		{"403 client-forbidden", 403, "", problemBody(twitterType+"client-forbidden", `,"reason":"client-not-enrolled"`), Forbidden},
		{"404", 404, "", problemBody(xType+"resource-not-found", `,"resource_type":"user"`), NotFound},
		{"410 gone", 410, "", ``, NotFound},
		{"409 stream no rules", 409, "/2/tweets/search/stream", problemBody(twitterType+"streaming-connection", `,"connection_issue":"RuleConfigurationIssue"`), Conflict},
		{"409 conflict job", 409, "", problemBody(twitterType+"conflict", ""), Conflict},
		{"429 about:blank", 429, "", problemBody("about:blank", ""), RateLimited},
		{"429 legacy 88", 429, "", `{"errors":[{"code":88,"message":"Rate limit exceeded"}]}`, RateLimited},
		{"429 usage-capped", 429, "", problemBody(twitterType+"usage-capped", `,"period":"Monthly","scope":"Product"`), UsageCapped},
		{"403 usage-capped wins over status", 403, "", problemBody(xType+"usage-capped", ""), UsageCapped},
		{"429 rate-limit-exceeded (docs)", 429, "", problemBody(xType+"rate-limit-exceeded", ""), RateLimited},
		{"429 plain text", 429, "", "Rate limit exceeded", RateLimited},
		{"500 internal-error", 500, "", problemBody(xType+"internal-error", ""), ServerError},
		{"502 HTML", 502, "", "<html>Bad Gateway</html>", ServerError},
		{"503 provisioning", 503, "", problemBody(twitterType+"streaming-connection", `,"connection_issue":"ProvisioningSubscription"`), ServerError},
		{"504 empty", 504, "", ``, ServerError},
		{"418 unknown status, typed", 418, "", problemBody(twitterType+"client-forbidden", ""), Forbidden},
		{"418 unknown status, untyped", 418, "", `{}`, Unknown},
		{"302", 302, "", ``, Unknown},
		{"101", 101, "", ``, Unknown},
	}
	classes := map[Class]bool{}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Parse(Response{Status: tt.status, Body: []byte(tt.body), URL: tt.url})
			if r.Class != tt.class {
				t.Errorf("class = %s, want %s (result %+v)", r.Class, tt.class, r)
			}
			if r.Retryable != (tt.class == RateLimited || tt.class == ServerError) {
				t.Errorf("retryable = %v for %s", r.Retryable, tt.class)
			}
		})
		classes[tt.class] = true
	}
	for _, c := range []Class{Success, Partial, InvalidRequest, Unauthorized, Forbidden, NotFound, Conflict, RateLimited, UsageCapped, ServerError, Unknown} {
		if !classes[c] {
			t.Errorf("no case yields class %s", c)
		}
	}
}

func TestSlugs(t *testing.T) {
	tests := []struct{ body, slug string }{
		{`{"type":"https://api.twitter.com/2/problems/resource-not-found"}`, "resource-not-found"},
		{`{"type":"https://api.x.com/2/problems/resource-not-found"}`, "resource-not-found"},
		{`{"type":"HTTPS://API.X.COM/2/problems/Usage-Capped"}`, "usage-capped"},
		{`{"type":"about:blank"}`, "about:blank"},
		{`{"type":"https://api.x.com/2/problems/brand-new-type"}`, "brand-new-type"},
		{`{"type":"urn:example:odd"}`, "urn:example:odd"},
		{`{"code":88,"message":"Rate limit exceeded"}`, "legacy-88"},
		{`{"code":"88"}`, "unknown"},
		{`{"message":"?"}`, "unknown"},
	}
	for _, tt := range tests {
		var fields map[string]json.RawMessage
		if err := json.Unmarshal([]byte(tt.body), &fields); err != nil {
			t.Fatal(err)
		}
		if got := slugOf(fields); got != tt.slug {
			t.Errorf("slugOf(%s) = %q, want %q", tt.body, got, tt.slug)
		}
	}
}

// TestEveryKnownTypeValidates: a minimal body of every type of both specs
// and the docs, under both hosts, compiles and passes its own schema when it
// carries the fields its strictest schema requires.
func TestEveryKnownTypeValidates(t *testing.T) {
	// 18 types in 2.166, 3 more in 2.167 (field-hydration-failure,
	// field-unauthorized, internal-error), 3 only in the docs or older specs.
	if n := len(KnownSlugs()); n != 24 {
		t.Fatalf("%d known slugs, want 24: %v", n, KnownSlugs())
	}
	full := `,"resource_id":"1","resource_type":"tweet","section":"data","parameter":"ids","value":"1","field":"text"`
	for _, slug := range KnownSlugs() {
		for _, host := range []string{twitterType, xType} {
			typ := host + slug
			if slug == "about:blank" {
				typ = slug
			}
			r := Parse(Response{Status: 400, Body: []byte(problemBody(typ, full))})
			if !r.Schema.Valid {
				t.Errorf("%s: %+v", typ, r.Schema.Violations)
			}
			if len(r.Problems) != 1 || r.Problems[0].Slug != slug {
				t.Errorf("%s: problems %+v", typ, r.Problems)
			}
		}
	}
}

func TestViolationsNameWhatIsMissing(t *testing.T) {
	body := `{"data":[{"id":"1"}],"errors":[{"type":"https://api.twitter.com/2/problems/resource-not-found","title":"Not Found Error"},{"code":"x"},"oops",{"type":7}]}`
	r := Parse(Response{Status: 200, Body: []byte(body)})
	want := []Violation{
		{"/errors/0", "response/problems-2.166.json#/$defs/ResourceNotFoundProblem/allOf/1/required", "missing properties: 'parameter', 'value', 'resource_id', 'resource_type'"},
		{"/errors/1", "response/envelope.json#/$defs/ErrorItem/anyOf/0/required", "missing properties: 'type', 'title'"},
		{"/errors/1", "response/envelope.json#/$defs/ErrorItem/anyOf/1/required", "missing properties: 'message'"},
		{"/errors/2", "response/envelope.json#/$defs/ErrorList/items/type", "expected object, but got string"},
		{"/errors/3", "response/envelope.json#/$defs/ErrorItem/anyOf/0/required", "missing properties: 'title'"},
		{"/errors/3", "response/envelope.json#/$defs/ErrorItem/anyOf/1/required", "missing properties: 'code', 'message'"},
	}
	if !reflect.DeepEqual(r.Schema.Violations, want) {
		got, _ := json.MarshalIndent(r.Schema.Violations, "", " ")
		t.Errorf("violations:\n%s", got)
	}
	if r.Class != Partial || len(r.PartialErrors) != 3 {
		t.Errorf("class %s, %d partial errors; want partial with the 3 object items kept", r.Class, len(r.PartialErrors))
	}
}

// TestViolationsDeterministic: many violations at once come back in the
// same order with the same text every time (jsonschema's wrapper messages
// depend on map order; Parse keeps only sorted leaves).
func TestViolationsDeterministic(t *testing.T) {
	body := []byte(`{"data":5,"includes":[],"meta":"m","errors":[{"type":"https://api.twitter.com/2/problems/not-authorized-for-resource","title":1,"status":"x","resource_type":"bogus","section":"nowhere"},{"type":"https://api.x.com/2/problems/field-unauthorized"}]}`)
	first, _ := json.Marshal(Parse(Response{Status: 200, Body: body}).Schema)
	if !strings.Contains(string(first), `"valid":false`) {
		t.Fatalf("expected violations: %s", first)
	}
	for range 30 {
		again, _ := json.Marshal(Parse(Response{Status: 200, Body: body}).Schema)
		if !bytes.Equal(first, again) {
			t.Fatalf("violations differ between runs:\n%s\n%s", first, again)
		}
	}
}

func TestNonJSONBodies(t *testing.T) {
	tests := []struct {
		status  int
		method  string
		body    string
		shape   Shape
		message string // in the single violation; "" for none
	}{
		{429, "", "Rate limit exceeded\n", ShapeNotJSON, `body is not JSON: invalid character 'R' looking for beginning of value at byte 0; starts with "Rate limit exceeded"`},
		{404, "", "  <html>", ShapeNotJSON, "at byte 2"},
		{200, "", `{"data":`, ShapeNotJSON, "body is not JSON: unexpected end of JSON input"},
		{200, "", `[1,2]`, ShapeNotObject, "body is a JSON array; X's bodies are objects"},
		{200, "", `null`, ShapeNotObject, "body is a JSON null"},
		{500, "", ``, ShapeEmpty, "body is empty; a 500 response carries a JSON object"},
		{200, "HEAD", ``, ShapeEmpty, ""},
		{204, "DELETE", "\r\n", ShapeEmpty, ""},
		{200, "GET /2/tweets/search/stream", "\r\n", ShapeEmpty, ""},
		{200, "GET /2/tweets/firehose/stream/lang/en", "\r\n", ShapeEmpty, ""}, // a keep-alive of a stream not ending in /stream
	}
	for _, tt := range tests {
		method, url, _ := strings.Cut(tt.method, " ")
		r := Parse(Response{Status: tt.status, Method: method, URL: url, Body: []byte(tt.body)})
		if r.Shape != tt.shape {
			t.Errorf("%q: shape %s, want %s", tt.body, r.Shape, tt.shape)
		}
		switch {
		case tt.message == "" && len(r.Schema.Violations) != 0:
			t.Errorf("%q: unexpected violations %+v", tt.body, r.Schema.Violations)
		case tt.message != "" && (len(r.Schema.Violations) != 1 || !strings.Contains(r.Schema.Violations[0].Message, tt.message)):
			t.Errorf("%q: violations %+v, want one containing %q", tt.body, r.Schema.Violations, tt.message)
		}
		if r.Problems == nil || r.PartialErrors == nil {
			t.Errorf("%q: nil lists encode as null; want []", tt.body)
		}
	}
}

func TestUnknownTypeKeepsAllFields(t *testing.T) {
	body := `{"type":"https://api.x.com/2/problems/shiny-new","title":"New","detail":"d","weird":{"nested":[1,2.50,"x"]},"big":12345678901234567890123,"slug":"theirs"}`
	r := Parse(Response{Status: 400, Body: []byte(body)})
	out, err := json.Marshal(r.Problems[0])
	if err != nil {
		t.Fatal(err)
	}
	want := `{"big":12345678901234567890123,"detail":"d","slug":"shiny-new","slug_in_body":"theirs","title":"New","type":"https://api.x.com/2/problems/shiny-new","weird":{"nested":[1,2.50,"x"]}}`
	if string(out) != want {
		t.Errorf("problem = %s\nwant      %s", out, want)
	}
	if r.Class != InvalidRequest || !r.Schema.Valid {
		t.Errorf("class %s schema %+v", r.Class, r.Schema)
	}
}

func TestRateLimitHeaders(t *testing.T) {
	h := map[string]string{
		"X-Rate-Limit-Limit":            "450",
		"x-rate-limit-remaining":        "0",
		"X-RATE-LIMIT-RESET":            " 1705420800 ",
		"x-app-limit-24hour-limit":      "10000",
		"x-app-limit-24hour-remaining":  "9999",
		"x-app-limit-24hour-reset":      "1705500000",
		"x-user-limit-24hour-remaining": "-1",
	}
	r := Parse(Response{Status: 429, Headers: h, Body: []byte(problemBody("about:blank", ""))})
	got, _ := json.Marshal(r.RateLimit)
	want := `{"limit":450,"remaining":0,"reset":1705420800,"appDay":{"limit":10000,"remaining":9999,"reset":1705500000},"userDay":{"limit":null,"remaining":null,"reset":null}}`
	if string(got) != want {
		t.Errorf("rateLimit = %s\nwant        %s", got, want)
	}
	if len(r.HeaderIssues) != 1 || r.HeaderIssues[0].Header != "x-user-limit-24hour-remaining" {
		t.Errorf("headerIssues = %+v", r.HeaderIssues)
	}
	if Parse(Response{Status: 200, Headers: map[string]string{"content-type": "application/json"}, Body: []byte(`{"data":{}}`)}).RateLimit != nil {
		t.Error("rateLimit without rate-limit headers, want null")
	}
}

// TestTopLevelLegacyBody: a bare {"code":N,"message":…} is one problem
// with slug legacy-N (issue 12); look-alikes are not.
func TestTopLevelLegacyBody(t *testing.T) {
	tests := []struct {
		name, body string
		status     int
		shape      Shape
		slug       string // "" means no problem
	}{
		{"media upload 2025", `{"code":38,"message":"media parameter is missing."}`, 400, ShapeProblem, "legacy-38"},
		{"at 200", `{"code":88,"message":"Rate limit exceeded"}`, 200, ShapeProblem, "legacy-88"},
		{"negative code", `{"code":-1,"message":"x"}`, 400, ShapeProblem, "legacy--1"},
		{"string code", `{"code":"38","message":"x"}`, 400, ShapeObject, ""},
		{"fractional code", `{"code":38.5,"message":"x"}`, 400, ShapeObject, ""},
		{"code without message", `{"code":38}`, 400, ShapeObject, ""},
		{"with data", `{"data":{"id":"1"},"code":38,"message":"x"}`, 200, ShapeEnvelope, ""},
		{"with errors", `{"errors":[{"code":88,"message":"x"}],"code":1,"message":"y"}`, 429, ShapeErrors, "legacy-88"},
		{"with type", `{"type":"about:blank","title":"t","code":38,"message":"x"}`, 400, ShapeProblem, "about:blank"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body := []byte(tt.body)
			r := Parse(Response{Status: tt.status, Body: body, URL: "/2/media/upload"})
			if r.Shape != tt.shape {
				t.Errorf("shape = %s, want %s", r.Shape, tt.shape)
			}
			slug := ""
			if len(r.Problems) > 0 {
				slug = r.Problems[0].Slug
			}
			if slug != tt.slug {
				t.Errorf("slug = %q, want %q", slug, tt.slug)
			}
			if string(body) != tt.body {
				t.Error("the body was altered")
			}
		})
	}
}
