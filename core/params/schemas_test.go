package params

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v5"
	"github.com/xpreflight/xpreflight/schemas"
)

// Every body schema the route table names compiles (the spec's lookahead
// pattern included), and rejects a non-object body, except the media
// append bodies, which the spec leaves untyped.
func TestBodySchemasCompile(t *testing.T) {
	n := 0
	for _, op := range Operations() {
		if op.Body == nil {
			continue
		}
		if len(op.Body.Schemas) == 0 {
			t.Errorf("%s: body without schemas", op.Route())
		}
		for _, bs := range op.Body.Schemas {
			s, err := schemas.Compile(bs.Name)
			if err != nil {
				t.Errorf("%s: %v", op.Route(), err)
				continue
			}
			n++
			if err := s.Validate("not an object"); err == nil && !strings.Contains(bs.Name, "Append") {
				t.Errorf("%s: %s accepts a bare string", op.Route(), bs.Name)
			}
		}
	}
	if n < 80 {
		t.Errorf("compiled %d body schemas, want every one of both versions (≥ 80)", n)
	}
}

// Every operation has a parameter schema in request/parameters.json, and
// each compiles. One compiler loads the file once (schemas.Compile would
// validate the whole file against the metaschema per name).
func TestParameterSchemasCompile(t *testing.T) {
	c := jsonschema.NewCompiler()
	c.Draft = jsonschema.Draft2020
	c.LoadURL = loadSchemaFile
	for _, op := range Operations() {
		if _, err := c.Compile(schemas.BaseURL + "request/parameters.json#/$defs/" + op.ID); err != nil {
			t.Errorf("%s: %v", op.Route(), err)
		}
	}
}

// The route table is well formed: unique routes, unique IDs per route,
// path parameters declared for every template segment.
func TestRouteTable(t *testing.T) {
	seen := map[string]bool{}
	for _, op := range Operations() {
		if seen[op.Route()] {
			t.Errorf("duplicate route %s", op.Route())
		}
		seen[op.Route()] = true
		for _, seg := range op.segments {
			if isParamSegment(seg) && op.Param(seg[1:len(seg)-1], InPath) == nil {
				t.Errorf("%s: no path parameter for %s", op.Route(), seg)
			}
		}
		if got, _ := match(op.Method, op.segments); got != op {
			t.Errorf("%s: its own template matches %v", op.Route(), got)
		}
	}
	if len(seen) < 170 {
		t.Errorf("%d operations, want the union of both specs", len(seen))
	}
}

// loadSchemaFile reads a schema from the schemas/ folder on disk:
// request/parameters.json is documentation and test data, not embedded in
// the module (nothing reads it at run time).
func loadSchemaFile(url string) (io.ReadCloser, error) {
	name, ok := strings.CutPrefix(url, schemas.BaseURL)
	if !ok {
		return nil, fmt.Errorf("schema %s is outside %s", url, schemas.BaseURL)
	}
	return os.Open(filepath.Join("..", "..", "schemas", filepath.FromSlash(name)))
}
