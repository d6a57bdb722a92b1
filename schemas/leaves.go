package schemas

import (
	"sort"

	"github.com/santhosh-tekuri/jsonschema/v5"
)

// Leaves returns the failed leaf keywords of a validation error: the units of
// its tree that name a keyword rather than wrap others ("doesn't validate
// with …"). jsonschema/v5 orders causes, and words the wrappers, by map
// iteration; a leaf's own message is stable, so the leaves sorted by
// instance location, keyword location and message are the same list on
// every run. core/params and core/apierr both report schema failures this
// way.
func Leaves(ve *jsonschema.ValidationError) []*jsonschema.ValidationError {
	var out []*jsonschema.ValidationError
	var walk func(e *jsonschema.ValidationError)
	walk = func(e *jsonschema.ValidationError) {
		if len(e.Causes) == 0 {
			out = append(out, e)
			return
		}
		for _, c := range e.Causes {
			walk(c)
		}
	}
	walk(ve)
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].InstanceLocation != out[j].InstanceLocation {
			return out[i].InstanceLocation < out[j].InstanceLocation
		}
		if out[i].KeywordLocation != out[j].KeywordLocation {
			return out[i].KeywordLocation < out[j].KeywordLocation
		}
		return out[i].Message < out[j].Message
	})
	return out
}
