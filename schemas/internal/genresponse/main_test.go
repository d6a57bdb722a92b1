package main

import (
	"testing"

	"github.com/xpreflight/xpreflight/internal/gentool"
)

// TestGeneratedFilesAreCurrent fails when the committed schemas or Go table
// differ from what the generator makes from ../shared/ref: run
// `go generate ./core/apierr` and commit.
func TestGeneratedFilesAreCurrent(t *testing.T) {
	_, files := gentool.Current(t, generateFromDisk, "go generate ./core/apierr")
	if len(files) != 3 {
		t.Errorf("generated %d files, want 3", len(files))
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
