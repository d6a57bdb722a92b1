package query

import (
	"bytes"
	"os"
	"testing"

	"github.com/xpreflight/xpreflight/core/query/internal/gen"
)

// factsPath is the fact sheet's tables, beside the repository (CI clones the
// repo with shared/ next to it): repo root/../shared/ref, seen from here.
const factsPath = "../../../shared/ref/x-api-v2-derived-facts.json"

// TestCatalogueIsGenerated regenerates catalogue_gen.go in memory and fails
// when the committed file differs: run `go generate ./core/query`.
func TestCatalogueIsGenerated(t *testing.T) {
	facts, err := os.ReadFile(factsPath)
	if err != nil {
		t.Fatalf("reading the fact sheet: %v", err)
	}
	iso, err := os.ReadFile("internal/gen/iso3166.tab")
	if err != nil {
		t.Fatal(err)
	}
	want, err := gen.Generate(facts, iso)
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("catalogue_gen.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatal("catalogue_gen.go is stale: run go generate ./core/query")
	}
}

func TestCatalogueContents(t *testing.T) {
	ops := Operators()
	if len(ops) != len(catalogue) {
		t.Fatalf("Operators() returned %d rows", len(ops))
	}
	ops[0].Name = "changed" // a copy: callers cannot alter the table
	if catalogue[0].Name == "changed" {
		t.Fatal("Operators() exposes the table itself")
	}
	for _, tt := range []struct {
		name  string
		kind  OperatorKind
		avail Availability
		arg   ArgType
	}{
		{"has:media_link", ConjunctionRequired, Core, ArgTypeNone},
		{"geo_bounding_box", Standalone, Advanced, ArgTypeBoundingBox},
		{"source", ConjunctionRequired, StreamOnly, ArgTypeText}, // "Cannot be used alone"
		{"followers_count", KindUnknown, StreamOnly, ArgTypeCountRange},
		{"sample", ConjunctionRequired, StreamOnly, ArgTypeSample},
		{"embedding", Standalone, EmbeddingTier, ArgTypeQuotedText},
	} {
		info, _, ok := lookupOperator(tt.name)
		if !ok || info.Kind != tt.kind || info.Availability != tt.avail || info.Arg != tt.arg {
			t.Errorf("%s: got %+v (found %v)", tt.name, info, ok)
		}
	}
	if langCodes["zh-cn"].code != "zh-CN" || langCodes["bo"].status != langLegacy || langCodes["und"].status != langCurrent {
		t.Error("lang table lost X's spelling or status")
	}
	if !countryCodes["gb"] || countryCodes["uk"] || len(countryCodes) != 249 {
		t.Errorf("country table: %d codes", len(countryCodes))
	}
}
