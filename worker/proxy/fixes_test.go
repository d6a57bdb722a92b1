package proxy

import (
	"encoding/json"
	"strings"
	"testing"
)

// A rejected call's problem body keeps X's fields byte for byte and lists
// the repairs in FixesField; bodies without fixes, or too costly to fix,
// are X's alone.
func TestRejectionListsFixes(t *testing.T) {
	g := testGate(t)
	cases := []struct {
		name, target string
		want         []string // codes in FixesField, in order; nil: no field
	}{
		{"query and range", "/2/tweets/search/recent?query=rock%20AND%20roll&max_results=5", []string{"invalid-query", "out-of-range"}},
		{"no fix for an unknown enum value with no near name", "/2/tweets/search/recent?query=cat&sort_order=newest", nil},
		{"too long to fix", "/2/tweets/search/recent?query=rock%20AND%20roll&max_results=5&x=" + strings.Repeat("a", 3000), nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d := g.Decide(Inbound{Method: "GET", Target: tc.target, Headers: Headers{"authorization": "Bearer " + strings.Repeat("t", 40)}})
			if d.Forward || d.Status != 400 {
				t.Fatalf("decision = %+v, want a local 400", d)
			}
			var body map[string]json.RawMessage
			if err := json.Unmarshal(d.Problem, &body); err != nil {
				t.Fatalf("problem is not JSON: %v\n%s", err, d.Problem)
			}
			if string(body["title"]) != `"Invalid Request"` || body["errors"] == nil {
				t.Errorf("X's fields are gone: %s", d.Problem)
			}
			if !strings.HasPrefix(string(d.Problem), `{"errors":`) {
				t.Errorf("X's field order changed: %s", d.Problem)
			}
			var fixes []problemFix
			if raw, ok := body[FixesField]; ok {
				if err := json.Unmarshal(raw, &fixes); err != nil {
					t.Fatal(err)
				}
			}
			var codes []string
			for _, f := range fixes {
				codes = append(codes, f.Code)
				if len(f.Edits) == 0 || f.Title == "" {
					t.Errorf("fix %+v has no edit or title", f)
				}
			}
			if strings.Join(codes, ",") != strings.Join(tc.want, ",") {
				t.Errorf("fix codes = %v, want %v", codes, tc.want)
			}
		})
	}
}
