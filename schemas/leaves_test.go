package schemas

import (
	"errors"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v5"
)

// Leaves keeps the failed keywords only, in one order on every run: the
// wrappers' text (and the order of causes) varies with map iteration.
func TestLeaves(t *testing.T) {
	s := MustCompile("response/problems-2.166.json#/$defs/ResourceNotFoundProblem")
	instance := map[string]any{"type": 7, "title": false, "detail": []any{}}
	var first []string
	for run := range 20 {
		var ve *jsonschema.ValidationError
		if err := s.Validate(instance); !errors.As(err, &ve) {
			t.Fatalf("Validate = %v, want a validation error", err)
		}
		var got []string
		for _, l := range Leaves(ve) {
			if len(l.Causes) != 0 {
				t.Errorf("leaf %s has causes", l.KeywordLocation)
			}
			got = append(got, l.InstanceLocation+" "+l.KeywordLocation+" "+l.Message)
		}
		if len(got) < 2 {
			t.Fatalf("Leaves = %q, want a leaf per wrong field", got)
		}
		if run == 0 {
			first = got
			continue
		}
		if len(got) != len(first) {
			t.Fatalf("run %d: %d leaves, first run %d", run, len(got), len(first))
		}
		for i := range got {
			if got[i] != first[i] {
				t.Fatalf("run %d: leaf %d is %q, first run %q", run, i, got[i], first[i])
			}
		}
	}
}
