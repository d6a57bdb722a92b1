// Command genrequest generates xpreflight's request-side artefacts from X's
// OpenAPI specs 2.167 and 2.166 (../shared/ref relative to the repo root):
//
//	core/params/routes_gen.go          the merged route table
//	schemas/request/<v>/<Name>.json    every request body schema, one file each, per spec version
//	schemas/request/parameters.json    per-operation parameter schemas
//	schemas/README.md                  what the schemas are, and every repair made
//
// Run it with `go generate ./core/params` (or `go run ./schemas/internal/genrequest`)
// from anywhere inside the repository. It follows internal/gentool's
// pattern; the drift test in this package fails when the committed files
// differ from what it generates now.
package main

import "github.com/xpreflight/xpreflight/internal/gentool"

// Spec files in ../shared/ref.
var specFiles = []struct {
	name  string
	bit   int
	label string
}{
	{"x-api-v2-openapi.json", v2167, "2.167"},
	{"x-api-v2-openapi-2.166-legacy-problems.json", v2166, "2.166"},
}

func main() { gentool.Main("genrequest", generateFromDisk) }

// generateFromDisk reads both specs from ../shared/ref and generates every
// file, keyed by its path in the repository.
func generateFromDisk(root string) (map[string][]byte, error) {
	var specs []*specVersion
	for _, f := range specFiles {
		data, err := gentool.ReadRef(root, f.name)
		if err != nil {
			return nil, err
		}
		s, err := decodeSpec(data, f.bit, f.label)
		if err != nil {
			return nil, err
		}
		specs = append(specs, s)
	}
	return generate(specs)
}
