package params

import (
	"strings"
	"testing"
)

// The precomputed indexes answer exactly what a scan of the route table
// answers.
func TestIndexesMatchTable(t *testing.T) {
	for _, op := range operations {
		if len(op.Params) > maxParams {
			t.Fatalf("%s has %d parameters; presence bits hold %d", op.ID, len(op.Params), maxParams)
		}
		for i, p := range op.Params {
			if p.In != InQuery {
				continue
			}
			if j, q := op.queryParam(p.Name); q != op.Param(p.Name, InQuery) || (q == p && j != i) {
				t.Errorf("%s: queryParam(%q) = %d, want the first query parameter of that name", op.ID, p.Name, j)
			}
			if q := op.Param(p.Name, InQuery); q != p {
				t.Errorf("%s: query parameter %q is declared twice; presence bits assume one", op.ID, p.Name)
			}
			for k, e := range p.Enum {
				if got, ok := enumIndex(p, e.Value); !ok || p.Enum[got].Value != e.Value || got > k {
					t.Errorf("%s %s: enumIndex(%q) = %d, %v", op.ID, p.Name, e.Value, got, ok)
				}
			}
			if _, ok := enumIndex(p, "no-such-value"); ok {
				t.Errorf("%s %s: found a value that is not in the enumeration", op.ID, p.Name)
			}
		}
		if j, q := op.queryParam("no_such_parameter"); j != -1 || q != nil {
			t.Errorf("%s: queryParam found an undeclared name", op.ID)
		}
		for gi, g := range op.AtMostOne {
			set := op.index.atMostOne[gi]
			all := true
			for _, n := range g.Names {
				if i, _ := op.queryParam(n); i < 0 {
					all = false
				} else if set != 0 && !set.has(i) {
					t.Errorf("%s: group %v misses %q", op.ID, g.Names, n)
				}
			}
			if all != (set != 0) || set != 0 && set.count() != len(g.Names) {
				t.Errorf("%s: group %v indexed as %b", op.ID, g.Names, set)
			}
		}
		if !strings.Contains(op.Path, "{") {
			got, _ := matchPath(op.Method, &target{clean: op.Path})
			if got != op {
				t.Errorf("literal route %s %s found %v", op.Method, op.Path, got)
			}
		}
	}
}
