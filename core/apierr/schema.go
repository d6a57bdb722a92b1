package apierr

import (
	"errors"
	"sort"
	"strings"

	"github.com/santhosh-tekuri/jsonschema/v5"

	"github.com/xpreflight/xpreflight/schemas"
)

// SchemaReport says whether the body matched the schemas of its shape.
// Violations are findings about X's answer, never a reason to reject it.
type SchemaReport struct {
	Valid      bool        `json:"valid"`
	Violations []Violation `json:"violations"`
}

// Violation is one failed schema keyword: where in the body
// (instanceLocation, a JSON pointer) and which keyword (keywordLocation, the
// schema file and pointer below schemas/).
type Violation struct {
	InstanceLocation string `json:"instanceLocation"`
	KeywordLocation  string `json:"keywordLocation"`
	Message          string `json:"message"`
}

// validate checks instance against the embedded schema name and appends
// one violation per failed leaf keyword (schemas.Leaves), with instance
// locations prefixed by at (the instance's pointer within the body).
func validate(name string, instance any, at string, out *[]Violation) {
	s, err := schemas.Compile(name)
	if err != nil { // a bug in an embedded schema; report it, never panic
		*out = append(*out, Violation{InstanceLocation: at, KeywordLocation: name, Message: "internal: " + err.Error()})
		return
	}
	err = s.Validate(instance)
	if err == nil {
		return
	}
	var ve *jsonschema.ValidationError
	if !errors.As(err, &ve) {
		*out = append(*out, Violation{InstanceLocation: at, KeywordLocation: name, Message: err.Error()})
		return
	}
	for _, leaf := range schemas.Leaves(ve) {
		*out = append(*out, Violation{
			InstanceLocation: at + leaf.InstanceLocation,
			KeywordLocation:  strings.TrimPrefix(leaf.AbsoluteKeywordLocation, schemas.BaseURL),
			Message:          leaf.Message,
		})
	}
}

// note appends a violation found outside JSON Schema (an empty or non-JSON
// body); v is nil when the caller asked for no schema report (Classify).
func note(v *[]Violation, x Violation) {
	if v != nil {
		*v = append(*v, x)
	}
}

func sortViolations(v []Violation) {
	sort.Slice(v, func(i, j int) bool {
		a, b := v[i], v[j]
		if a.InstanceLocation != b.InstanceLocation {
			return a.InstanceLocation < b.InstanceLocation
		}
		if a.KeywordLocation != b.KeywordLocation {
			return a.KeywordLocation < b.KeywordLocation
		}
		return a.Message < b.Message
	})
}
