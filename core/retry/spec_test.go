package retry

import (
	"encoding/json"
	"os"
	"testing"
)

// TestIdempotentPostsAreSpecPosts: every entry of idempotentPosts is a
// POST operation of X's spec 2.167, so the list cannot drift from the API.
func TestIdempotentPostsAreSpecPosts(t *testing.T) {
	raw, err := os.ReadFile("../../../shared/ref/x-api-v2-openapi.json")
	if err != nil {
		t.Fatalf("X's spec belongs beside the repository (../shared/ref): %v", err)
	}
	var spec struct {
		Paths map[string]map[string]json.RawMessage `json:"paths"`
	}
	if err := json.Unmarshal(raw, &spec); err != nil {
		t.Fatal(err)
	}
	for _, tmpl := range idempotentPosts {
		found := false
		for path, ops := range spec.Paths {
			if _, ok := ops["post"]; ok && matchTemplate(path, tmpl) && matchTemplate(tmpl, path) {
				found = true
			}
		}
		if !found {
			t.Errorf("%s is not a POST of spec 2.167", tmpl)
		}
	}
}
