package params

import (
	"reflect"
	"strings"
	"testing"

	"github.com/xpreflight/xpreflight/core/query"
)

// The query linter's findings are nested in the parameter's diagnostic,
// with the endpoint of the operation; the message is X's "There were
// errors processing your request: …". Only the structure is asserted: the
// wording belongs to core/query.
func TestQueryDiagnosticsNested(t *testing.T) {
	tests := []struct {
		req       Request
		code      string
		parameter string
		endpoint  query.Endpoint
		value     string
	}{
		{get("/2/tweets/search/recent?query=%28cat"), CodeInvalidQuery, "query", query.SearchRecent, "(cat"},
		{get("/2/tweets/search/all?query=%28cat"), CodeInvalidQuery, "query", query.SearchAll, "(cat"},
		{get("/2/tweets/counts/recent?query=%28cat"), CodeInvalidQuery, "query", query.CountsRecent, "(cat"},
		{get("/2/tweets/counts/all?query=%28cat"), CodeInvalidQuery, "query", query.CountsAll, "(cat"},
		{post("/2/tweets/search/stream/rules", `{"add":[{"value":"cat"},{"value":"(cat"}]}`), CodeInvalidRule, "#/add/1/value", query.StreamRule, "(cat"},
	}
	for _, tt := range tests {
		t.Run(tt.req.URL, func(t *testing.T) {
			want := query.Validate(tt.value, query.Options{Endpoint: tt.endpoint, Tier: query.PayPerUse})
			if want.Valid || len(want.Diagnostics) == 0 {
				t.Fatalf("the query linter accepts %q, so nothing is nested: pick a sample it rejects", tt.value)
			}
			res := Validate(tt.req)
			var d *Diagnostic
			for i := range res.Diagnostics {
				if res.Diagnostics[i].Code == tt.code {
					d = &res.Diagnostics[i]
				}
			}
			if d == nil {
				t.Fatalf("no %s diagnostic: %s", tt.code, dump(res.Diagnostics))
			}
			if d.Parameter != tt.parameter || d.Value != tt.value || d.Severity != sevError {
				t.Errorf("diagnostic = %+v", d)
			}
			if !reflect.DeepEqual(d.Query, want.Diagnostics) {
				t.Errorf("nested = %+v, want the linter's %+v", d.Query, want.Diagnostics)
			}
			if !strings.HasPrefix(d.Message, "There were errors processing your request: ") || !strings.Contains(d.Message, "(at position ") {
				t.Errorf("message = %q", d.Message)
			}
			if res.Valid || res.Problem == nil {
				t.Error("an invalid query must make the request invalid")
			}
		})
	}
	// Tier reaches the linter: the same long query may pass on Enterprise.
	long := "cat " + strings.Repeat("dog ", 200)
	ppu := query.Validate(long, query.Options{Endpoint: query.SearchRecent, Tier: query.PayPerUse})
	ent := query.Validate(long, query.Options{Endpoint: query.SearchRecent, Tier: query.Enterprise})
	if ppu.Valid == ent.Valid {
		t.Fatalf("a %d-character query is valid=%v on both tiers: pick a length between their limits", len(long), ppu.Valid)
	}
	for tier, rep := range map[query.Tier]query.Report{query.PayPerUse: ppu, query.Enterprise: ent} {
		res := Validate(Request{Method: "GET", URL: "/2/tweets/search/recent?query=" + strings.ReplaceAll(long, " ", "+"), Tier: tier})
		if res.Valid != rep.Valid {
			t.Errorf("tier %s: valid = %v, linter says %v", tier, res.Valid, rep.Valid)
		}
	}
}
