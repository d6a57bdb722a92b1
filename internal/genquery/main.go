package main

import (
	"os"
	"path/filepath"

	"github.com/xpreflight/xpreflight/internal/gentool"
)

func main() { gentool.Main("gen", generateFromDisk) }

// catalogueFile is the generated file, by its path in the repository.
const catalogueFile = "core/query/catalogue_gen.go"

// generateFromDisk reads the fact sheet's tables and the ISO list and
// returns catalogue_gen.go keyed by its path in the repository.
func generateFromDisk(root string) (map[string][]byte, error) {
	facts, err := gentool.ReadRef(root, "x-api-v2-derived-facts.json")
	if err != nil {
		return nil, err
	}
	iso, err := os.ReadFile(filepath.Join(root, "internal", "genquery", "iso3166.tab"))
	if err != nil {
		return nil, err
	}
	src, err := Generate(facts, iso)
	if err != nil {
		return nil, err
	}
	return map[string][]byte{catalogueFile: src}, nil
}
