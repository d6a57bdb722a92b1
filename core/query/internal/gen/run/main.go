//go:build ignore

// Command main.go writes catalogue_gen.go for package query from the fact
// sheet's tables; `go generate ./core/query` runs it with go run. The build
// tag keeps this file-reading tool out of every build of core/.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/xpreflight/xpreflight/core/query/internal/gen"
)

func main() {
	factsPath := flag.String("facts", "../../../shared/ref/x-api-v2-derived-facts.json", "the fact sheet's JSON tables")
	isoPath := flag.String("iso", "internal/gen/iso3166.tab", "ISO 3166-1 alpha-2 table")
	out := flag.String("o", "catalogue_gen.go", "output file")
	flag.Parse()
	if err := run(*factsPath, *isoPath, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(factsPath, isoPath, out string) error {
	facts, err := os.ReadFile(factsPath)
	if err != nil {
		return err
	}
	iso, err := os.ReadFile(isoPath)
	if err != nil {
		return err
	}
	src, err := gen.Generate(facts, iso)
	if err != nil {
		return err
	}
	return os.WriteFile(out, src, 0o644)
}
