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

// FuzzSplitObject: on every valid JSON input, splitObject agrees with
// encoding/json decoding into map[string]json.RawMessage.
func FuzzSplitObject(f *testing.F) {
	for _, s := range []string{`{}`, ` { "a" : 1 , "b":[1,{"c":"}"}], "d\"q":"x\\"} `, `{"a":1,"a":2}`, `[1]`, `"s"`, `{"k\u00e9":true,"n":null,"f":-1.5e3}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		if !json.Valid(b) {
			return
		}
		var want map[string]json.RawMessage
		wantErr := json.Unmarshal(b, &want)
		got, ok := splitObject(b)
		if (wantErr == nil && want != nil) != ok {
			t.Fatalf("splitObject ok=%v, encoding/json err=%v map=%v", ok, wantErr, want)
		}
		if !ok {
			return
		}
		if len(got) != len(want) {
			t.Fatalf("%d members, want %d", len(got), len(want))
		}
		for k, v := range want {
			if !bytes.Equal(got[k], v) {
				t.Fatalf("member %q = %s, want %s", k, got[k], v)
			}
		}
	})
}
