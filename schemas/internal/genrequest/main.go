// Command genrequest generates xpreflight's request-side artefacts from X's
// OpenAPI specs 2.167 and 2.166 (../shared/ref relative to the repo root):
//
//	core/params/routes_gen.go          the merged route table
//	schemas/request/<v>/<Name>.json    every request body schema, one file each, per spec version
//	schemas/request/parameters.json    per-operation parameter schemas
//	schemas/README.md                  what the schemas are, and every repair made
//
// Run it with `go generate ./core/params` (or `go run ./schemas/internal/genrequest`)
// from anywhere inside the repository. The drift test in this package fails
// when the committed files differ from what it generates now.
package main

import (
	"bytes"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
)

// Spec files, relative to the repository root.
var specFiles = []struct {
	path  string
	bit   int
	label string
}{
	{"../shared/ref/x-api-v2-openapi.json", v2167, "2.167"},
	{"../shared/ref/x-api-v2-openapi-2.166-legacy-problems.json", v2166, "2.166"},
}

func main() {
	root, err := repoRoot()
	if err != nil {
		fail(err)
	}
	files, err := generateFromDisk(root)
	if err != nil {
		fail(err)
	}
	for _, name := range slices.Sorted(maps.Keys(files)) {
		path := filepath.Join(root, filepath.FromSlash(name))
		old, _ := os.ReadFile(path)
		if bytes.Equal(old, files[name]) {
			continue
		}
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			fail(err)
		}
		if err := os.WriteFile(path, files[name], 0o644); err != nil {
			fail(err)
		}
		fmt.Println("genrequest: wrote", name)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "genrequest:", err)
	os.Exit(1)
}

// generateFromDisk reads both specs below root and generates every file.
func generateFromDisk(root string) (map[string][]byte, error) {
	var specs []*specVersion
	for _, f := range specFiles {
		data, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(f.path)))
		if err != nil {
			return nil, fmt.Errorf("reading spec %s: %w (the reference data lives in ../shared/ref beside the repository)", f.label, err)
		}
		s, err := decodeSpec(data, f.bit, f.label)
		if err != nil {
			return nil, err
		}
		specs = append(specs, s)
	}
	return generate(specs)
}

// repoRoot walks up from the working directory to the directory holding
// go.mod.
func repoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("no go.mod above the working directory")
		}
		dir = parent
	}
}
