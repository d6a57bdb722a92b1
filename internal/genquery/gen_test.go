package main

import (
	"os"
	"strings"
	"testing"

	"github.com/xpreflight/xpreflight/internal/gentool"
)

func readFacts(t *testing.T) (string, []byte) {
	t.Helper()
	facts, err := os.ReadFile("../../../shared/ref/x-api-v2-derived-facts.json")
	if err != nil {
		t.Fatal(err)
	}
	iso, err := os.ReadFile("iso3166.tab")
	if err != nil {
		t.Fatal(err)
	}
	return string(facts), iso
}

// TestGenerateRejectsWhatItCannotPlace: a new operator, endpoint or
// availability in the facts must stop generation rather than slip in with a
// guessed grammar.
func TestGenerateRejectsWhatItCannotPlace(t *testing.T) {
	facts, iso := readFacts(t)
	if _, err := Generate([]byte(facts), iso); err != nil {
		t.Fatalf("the real facts fail: %v", err)
	}
	tests := []struct{ name, old, new, inErr string }{
		{"new operator", `"operator": "list:"`, `"operator": "lists:"`, `no argument grammar`},
		{"new endpoint", `"counts_all",`, `"counts_everything",`, `unknown endpoint`},
		{"new availability", `"availability": "advanced"`, `"availability": "premium"`, `unknown availability`},
		{"new type", `"type": "standalone"`, `"type": "alone"`, `unknown type`},
		{"missing limit", `"search_recent": 512`, `"search_recent": 0`, `limit is missing`},
		{"missing 2024 limit", `"pro_full_archive": 1024`, `"pro_full_archive": 0`, `limit is missing`},
		{"unreadable availability", `"pay-per-use": "unknown"`, `"pay-per-use": "maybe"`, `not yes, no or unknown`},
		{"level dropped", `"basic": "unknown (legacy self-serve)"`, `"basic2": "unknown"`, `has no "basic"`},
		{"embedding no longer rejected", `other tiers rejected`, `other tiers welcome`, `no longer says other tiers are rejected`},
	}
	for _, tt := range tests {
		if !strings.Contains(facts, tt.old) {
			t.Fatalf("%s: the facts no longer contain %s", tt.name, tt.old)
		}
		_, err := Generate([]byte(strings.Replace(facts, tt.old, tt.new, 1)), iso)
		if err == nil || !strings.Contains(err.Error(), tt.inErr) {
			t.Errorf("%s: err = %v, want one containing %q", tt.name, err, tt.inErr)
		}
	}
	if _, err := Generate([]byte(facts), []byte("US\tUnited States\n")); err == nil {
		t.Error("a truncated ISO table was accepted")
	}
	if _, err := Generate([]byte("{"), iso); err == nil {
		t.Error("malformed facts were accepted")
	}
}

// TestCatalogueIsCurrent regenerates catalogue_gen.go in memory and fails
// when the committed file differs: run `go generate ./core/query`.
func TestCatalogueIsCurrent(t *testing.T) {
	gentool.Current(t, generateFromDisk, "go generate ./core/query")
}
