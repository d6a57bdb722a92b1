package params

import (
	"strconv"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v5"
	"github.com/xpreflight/xpreflight/schemas"
)

// The generated parameter schemas (schemas/request/parameters.json) and
// the route table come from the same merge; on these requests they must
// agree about validity.
func TestParameterSchemasAgreeWithRouteTable(t *testing.T) {
	c := jsonschema.NewCompiler()
	c.Draft = jsonschema.Draft2020
	c.LoadURL = loadSchemaFile
	tests := []struct {
		url   string
		valid bool
	}{
		{"/2/tweets/search/recent?query=cat&max_results=50&tweet.fields=created_at,author_id", true},
		{"/2/tweets/search/recent?query=cat&post.fields=note_post&expansions=referenced_posts", true},
		{"/2/tweets/search/all?query=cat&max_results=500&start_time=2021-01-01T00:00:00Z", true},
		{"/2/tweets?ids=1,2,3&expansions=author_id", true},
		{"/2/users/by/username/XDevelopers?user.fields=created_at", true},
		{"/2/tweets/search/stream/rules?ids=1&max_results=1000", true},
		{"/2/users/2244994945/tweets?max_results=5&exclude=replies", true},
		{"/2/tweets/search/recent?query=cat&max_results=5", false},
		{"/2/tweets/search/recent?query=cat&tweet.fields=nope", false},
		{"/2/tweets/search/recent?query=cat&unknown=1", false},
		{"/2/tweets/search/recent?max_results=10", false},
		{"/2/tweets?ids=1,x", false},
		{"/2/tweets/12a", false},
		{"/2/users/by/username/bad-name", false},
		{"/2/tweets/20?tweet.fields=id,id", false},
	}
	for _, tt := range tests {
		t.Run(tt.url, func(t *testing.T) {
			res := Validate(get(tt.url))
			if res.Valid != tt.valid {
				t.Fatalf("route table: valid = %v: %s", res.Valid, dump(res.Diagnostics))
			}
			op, instance := typedInstance(t, tt.url)
			s, err := c.Compile(schemas.BaseURL + "request/parameters.json#/$defs/" + op.ID)
			if err != nil {
				t.Fatal(err)
			}
			if err := s.Validate(instance); (err == nil) != tt.valid {
				t.Errorf("parameters.json: valid = %v, want %v (%v)", err == nil, tt.valid, err)
			}
		})
	}
}

// typedInstance turns a request into the {path, query} object the
// parameter schemas describe: integers, booleans and lists decoded.
func typedInstance(t *testing.T, url string) (*Operation, map[string]any) {
	t.Helper()
	var target target
	parseTarget(url, &target)
	op, vals := matchPath("GET", &target)
	if op == nil {
		t.Fatalf("no route for %s", url)
	}
	path := map[string]any{}
	i := 0
	for _, seg := range op.segments {
		if isParamSegment(seg) {
			path[seg[1:len(seg)-1]] = vals[i]
			i++
		}
	}
	q := map[string]any{}
	pairs, _ := parseQuery(target.rawQuery)
	for _, pr := range pairs {
		p := op.Param(pr.name, InQuery)
		switch {
		case p == nil:
			q[pr.name] = pr.value
		case p.Kind == KindInteger:
			n, err := strconv.ParseInt(pr.value, 10, 64)
			if err != nil {
				q[pr.name] = pr.value
			} else {
				q[pr.name] = n
			}
		case p.Kind == KindBoolean:
			q[pr.name] = pr.value == "true"
		case p.Kind == KindList:
			var items []any
			for _, it := range strings.Split(pr.value, ",") {
				items = append(items, it)
			}
			q[pr.name] = items
		default:
			q[pr.name] = pr.value
		}
	}
	return op, map[string]any{"path": path, "query": q}
}
