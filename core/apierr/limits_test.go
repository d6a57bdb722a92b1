package apierr

import (
	"encoding/json"
	"strconv"
	"strings"
	"testing"
)

func manyErrors(n int, detail string) []byte {
	items := make([]string, n)
	for i := range items {
		items[i] = `{"value":"` + strconv.Itoa(i) + `","detail":"` + detail + `","title":"Not Found Error","resource_type":"tweet","parameter":"ids","resource_id":"` + strconv.Itoa(i) + `","type":"https://api.twitter.com/2/problems/resource-not-found"}`
	}
	return []byte(`{"data":[{"id":"1","text":"a"}],"errors":[` + strings.Join(items, ",") + `]}`)
}

// Hostile bodies: each hits a limit, the Result says so, and its JSON stays
// under 64 KiB.
func TestLimits(t *testing.T) {
	tests := []struct {
		name     string
		resp     Response
		shape    Shape
		problems int // listed, problems and partial errors together
		note     string
	}{
		{"100,000 '['", Response{Status: 200, Body: []byte(strings.Repeat("[", 100_000))}, ShapeNotJSON, 0, "not JSON"},
		{"9,000 levels of arrays in data", Response{Status: 200, Body: []byte(`{"data":` + strings.Repeat("[", 9000) + strings.Repeat("]", 9000) + `}`)}, ShapeTooDeep, 0, "more than 64 levels"},
		{"5,000 levels in an error item", Response{Status: 400, Body: []byte(`{"errors":[` + strings.Repeat(`{"a":`, 5000) + "1" + strings.Repeat("}", 5000) + `]}`)}, ShapeTooDeep, 0, "not decoded"},
		{"2,000 partial errors", Response{Status: 200, Body: manyErrors(2000, "Could not find tweet")}, ShapeEnvelope, 0, "more error items are not listed"},
		{"200 partial errors of '<'", Response{Status: 200, Body: manyErrors(200, strings.Repeat("<", 200))}, ShapeEnvelope, 0, "more error items are not listed"},
		{"1,500 partial errors: the last 500 not read", Response{Status: 200, Body: manyErrors(1500, "x")}, ShapeEnvelope, 0, "500 were not read"},
		{"300 malformed items", Response{Status: 400, Body: []byte(`{"errors":[` + strings.Repeat(`{"type":5},`, 299) + `{"type":5}]}`)}, ShapeErrors, 0, "280 of the 300 error items were not checked"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Parse(tt.resp)
			if r.Shape != tt.shape {
				t.Errorf("shape %s, want %s", r.Shape, tt.shape)
			}
			out, err := json.Marshal(r)
			if err != nil {
				t.Fatal(err)
			}
			if len(out) > 64<<10 {
				t.Errorf("Result is %d bytes, over 64 KiB", len(out))
			}
			if len(r.Schema.Violations) > MaxViolations {
				t.Errorf("%d violations, over %d", len(r.Schema.Violations), MaxViolations)
			}
			found := false
			for _, v := range r.Schema.Violations {
				found = found || strings.Contains(v.Message, tt.note)
			}
			if !found {
				t.Errorf("no violation says %q: %+v", tt.note, r.Schema.Violations)
			}
		})
	}
}

// Within the limits nothing is cut: 100 partial errors (a full ids lookup
// of missing posts) are all listed, classified partial.
func TestLimitsLeaveRealBodiesWhole(t *testing.T) {
	r := Parse(Response{Status: 200, Body: manyErrors(100, "Could not find tweet with ids: [1].")})
	if len(r.PartialErrors) != 100 || r.Class != Partial {
		t.Errorf("%d partial errors, class %s; want 100, partial", len(r.PartialErrors), r.Class)
	}
	for _, v := range r.Schema.Violations {
		if strings.Contains(v.Message, "not listed") {
			t.Errorf("cut: %s", v.Message)
		}
	}
	if !r.Schema.Valid {
		t.Errorf("schema invalid (a limit's note must not count): %+v", r.Schema.Violations)
	}
}
