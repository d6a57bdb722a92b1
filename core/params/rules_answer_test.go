package params

import (
	"encoding/json"
	"os"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"
)

func rulesPost(target, body string) Request {
	return Request{Method: "POST", URL: target, Headers: map[string]string{"Content-Type": "application/json"}, Body: []byte(body)}
}

// TestRulesAnswerMatchesRecordedBody: an add batch whose rule X rejected
// in a recorded answer (core/apierr/testdata/bodies/200-rules-invalid.json,
// x-api-facts.md §2.2) is answered with that body's shape, status, summary
// and first detail, word for word.
func TestRulesAnswerMatchesRecordedBody(t *testing.T) {
	raw, err := os.ReadFile("../apierr/testdata/bodies/200-rules-invalid.json")
	if err != nil {
		t.Fatal(err)
	}
	var recorded RulesBody
	if err := json.Unmarshal(raw, &recorded); err != nil {
		t.Fatal(err)
	}
	req := rulesPost("/2/tweets/search/stream/rules", `{"add":[{"value":"--b"}]}`)
	req.Now = time.Date(2022, 10, 1, 0, 0, 0, 0, time.UTC)
	res := Validate(req)
	got := res.Rules()
	if res.Valid || res.Status != 200 || got == nil {
		t.Fatalf("valid=%v status=%d problem=%T, want X's rules answer with 200", res.Valid, res.Status, res.Problem)
	}
	if got.Meta.Summary != recorded.Meta.Summary {
		t.Errorf("summary = %+v, recorded %+v", got.Meta.Summary, recorded.Meta.Summary)
	}
	g, r := got.Errors[0], recorded.Errors[0]
	if g.Value != r.Value || g.Title != r.Title || g.Type != r.Type || g.Details[0] != r.Details[0] {
		t.Errorf("errors[0] = %+v\nrecorded   %+v", g, r)
	}
	// Same keys in the same order as X's body.
	out, _ := json.Marshal(got)
	if keys(t, out) != keys(t, raw) {
		t.Errorf("keys %s, recorded %s", keys(t, out), keys(t, raw))
	}
}

// keys lists the object keys of a JSON document, path by path, sorted.
func keys(t *testing.T, b []byte) string {
	var doc any
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	var out []string
	var walk func(prefix string, v any)
	walk = func(prefix string, v any) {
		switch v := v.(type) {
		case map[string]any:
			for k, x := range v {
				out = append(out, prefix+k)
				walk(prefix+k+".", x)
			}
		case []any:
			if len(v) > 0 {
				walk(prefix+"[].", v[0])
			}
		}
	}
	walk("", doc)
	sort.Strings(out)
	return strings.Join(out, ",")
}

func TestRulesAnswer(t *testing.T) {
	now := time.Date(2026, 12, 4, 15, 0, 0, 123e6, time.UTC)
	tests := []struct {
		name   string
		req    Request
		status int
		rules  bool
		sum    RulesSummary
		values []string
	}{
		{"mixed batch: all or nothing", rulesPost("/2/tweets/search/stream/rules", `{"add":[{"value":"cat has:images"},{"value":"has:media"},{"value":"dog","tag":"d"}]}`),
			200, true, RulesSummary{NotCreated: 3, Valid: 2, Invalid: 1}, []string{"has:media"}},
		{"dry run keeps the answer", rulesPost("/2/tweets/search/stream/rules?dry_run=true", `{"add":[{"value":"-cat"},{"value":"(dog"}]}`),
			200, true, RulesSummary{NotCreated: 2, Invalid: 2}, []string{"-cat", "(dog"}},
		{"valid batch is forwarded", rulesPost("/2/tweets/search/stream/rules", `{"add":[{"value":"cat"}]}`), 0, false, RulesSummary{}, nil},
		{"a rule that only warns is forwarded", rulesPost("/2/tweets/search/stream/rules", `{"add":[{"value":"cat place_country:US"}]}`), 0, false, RulesSummary{}, nil},
		{"a body error is invalid-request", rulesPost("/2/tweets/search/stream/rules", `{"add":[{"value":"-cat"}],"delete":{"ids":["1"]}}`), 400, false, RulesSummary{}, nil},
		{"a bad body shape is invalid-request", rulesPost("/2/tweets/search/stream/rules", `{"add":[{"tag":"no value"}]}`), 400, false, RulesSummary{}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.req.Now = now
			res := Validate(tt.req)
			if res.Status != tt.status {
				t.Fatalf("status = %d, want %d (%s)", res.Status, tt.status, dump(res.Diagnostics))
			}
			rb := res.Rules()
			if (rb != nil) != tt.rules {
				t.Fatalf("rules answer = %v, want %v", rb != nil, tt.rules)
			}
			if rb == nil {
				return
			}
			if rb.Meta.Summary != tt.sum || rb.Meta.Sent != "2026-12-04T15:00:00.123Z" {
				t.Errorf("meta = %+v, want summary %+v", rb.Meta, tt.sum)
			}
			var values []string
			for _, e := range rb.Errors {
				values = append(values, e.Value)
				if len(e.Details) == 0 || !strings.Contains(e.Details[0], "(at position ") {
					t.Errorf("details of %q = %q, want X's positioned messages", e.Value, e.Details)
				}
			}
			if !reflect.DeepEqual(values, tt.values) {
				t.Errorf("rejected values = %q, want %q", values, tt.values)
			}
		})
	}
}
