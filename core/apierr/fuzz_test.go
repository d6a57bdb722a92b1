package apierr

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzParse: Parse never panics, never changes the caller's bytes, always
// encodes to JSON, and its schema report is consistent.
func FuzzParse(f *testing.F) {
	entries, _ := os.ReadDir(filepath.Join("testdata", "bodies"))
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join("testdata", "bodies", e.Name()))
		if err == nil {
			f.Add(200, "", b)
			f.Add(429, "/2/tweets/search/stream", b)
		}
	}
	f.Add(500, "", []byte(``))
	f.Add(200, "", []byte(`{"errors":[1,{},{"type":null},{"code":1e400}]}`))
	f.Add(400, "/2/media/upload", []byte(`{"code":38,"message":"media parameter is missing."}`))
	f.Add(400, "", []byte(`{"code":99999999999999999999,"message":null}`))
	f.Fuzz(func(t *testing.T, status int, url string, body []byte) {
		orig := bytes.Clone(body)
		r := Parse(Response{Status: status, URL: url, Body: body, Headers: map[string]string{"x-rate-limit-reset": string(body)}})
		if !bytes.Equal(body, orig) {
			t.Fatal("Parse modified the body")
		}
		if r.Schema.Valid != (len(r.Schema.Violations) == 0) {
			t.Fatalf("valid=%v with %d violations", r.Schema.Valid, len(r.Schema.Violations))
		}
		if r.Retryable != r.Class.Retryable() {
			t.Fatalf("retryable %v for class %s", r.Retryable, r.Class)
		}
		if _, err := json.Marshal(r); err != nil {
			t.Fatalf("result does not encode: %v", err)
		}
		// A top-level problem without a type is only ever a legacy item.
		if r.Shape == ShapeProblem && len(r.Problems) == 1 && r.Problems[0].Type() == "" && !strings.HasPrefix(r.Problems[0].Slug, "legacy-") && r.Problems[0].Slug != "unknown" {
			t.Fatalf("untyped top-level problem with slug %q", r.Problems[0].Slug)
		}
		checkClassifyAgrees(t, Response{Status: status, URL: url, Body: body, Headers: map[string]string{"x-rate-limit-reset": string(body)}}, r)
	})
}
