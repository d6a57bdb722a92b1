package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestGeneratedFilesAreCurrent fails when the committed schemas or Go table
// differ from what the generator makes from ../shared/ref: run
// `go generate ./schemas/internal/genresponse` and commit.
func TestGeneratedFilesAreCurrent(t *testing.T) {
	files, err := Generate("../../../../shared/ref")
	if err != nil {
		t.Fatalf("generating (X's specs belong in ../shared/ref beside the repository): %v", err)
	}
	if len(files) != 3 {
		t.Fatalf("generated %d files, want 3", len(files))
	}
	for name, want := range files {
		got, err := os.ReadFile(filepath.Join("../..", name))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from the generator's output; run go generate ./schemas/internal/genresponse", name)
		}
	}
}

func TestRewrite(t *testing.T) {
	in := map[string]any{
		"allOf":         []any{map[string]any{"$ref": "#/components/schemas/Problem"}},
		"discriminator": map[string]any{"propertyName": "type"},
		"properties":    map[string]any{"type": map[string]any{"type": "string", "enum": []any{"https://api.x.com/2/problems/x"}}},
	}
	got := rewrite(in, false).(map[string]any)
	if _, ok := got["discriminator"]; ok {
		t.Error("discriminator kept")
	}
	if ref := got["allOf"].([]any)[0].(map[string]any)["$ref"]; ref != "#/$defs/Problem" {
		t.Errorf("$ref = %v", ref)
	}
	if _, ok := got["properties"].(map[string]any)["type"].(map[string]any)["enum"]; ok {
		t.Error("type enum kept; both hosts must validate")
	}
	union := rewrite(map[string]any{"oneOf": []any{}, "discriminator": map[string]any{}}, true).(map[string]any)
	if union["type"] != "object" {
		t.Errorf("2.167 union rewritten to %v", union)
	}
}
