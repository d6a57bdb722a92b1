package schemas_test

import (
	"errors"
	"fmt"

	"github.com/santhosh-tekuri/jsonschema/v5"

	"github.com/xpreflight/xpreflight/schemas"
)

func ExampleLeaves() {
	s := schemas.MustCompile("response/problems-2.166.json#/$defs/ResourceNotFoundProblem")
	var ve *jsonschema.ValidationError
	errors.As(s.Validate(map[string]any{"type": "about:blank", "title": 7}), &ve)
	for _, leaf := range schemas.Leaves(ve) {
		fmt.Printf("%q %s\n", leaf.InstanceLocation, leaf.Message)
	}
	// Output:
	// "" missing properties: 'parameter', 'value', 'resource_id', 'resource_type'
	// "/title" expected string, but got number
}
