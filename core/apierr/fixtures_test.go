package apierr

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestFixtures parses every recorded body (testdata/README.md cites each).
func TestFixtures(t *testing.T) {
	tests := []struct {
		file     string
		status   int
		url      string
		class    Class
		shape    Shape
		problems string // slugs, comma-separated
		partial  string
		valid    bool
	}{
		{"429-about-blank.json", 429, "", RateLimited, ShapeProblem, "about:blank", "", true},
		{"401-about-blank.json", 401, "", Unauthorized, ShapeProblem, "about:blank", "", true},
		{"403-duplicate-content.json", 403, "/2/tweets", Forbidden, ShapeProblem, "about:blank", "", true},
		{"403-client-forbidden.json", 403, "", Forbidden, ShapeProblem, "client-forbidden", "", true},
		{"403-client-forbidden-2021.json", 403, "", Forbidden, ShapeProblem, "client-forbidden", "", true},
		{"403-unsupported-authentication.json", 403, "", Forbidden, ShapeProblem, "unsupported-authentication", "", true},
		{"429-usage-capped.json", 429, "", UsageCapped, ShapeProblem, "usage-capped", "", true},
		{"400-invalid-request-tweet-fields.json", 400, "", InvalidRequest, ShapeProblem, "invalid-request", "", true},
		{"400-invalid-request-empty-ids.json", 400, "", InvalidRequest, ShapeProblem, "invalid-request", "", true},
		{"400-invalid-request-duplicate-id.json", 400, "", InvalidRequest, ShapeProblem, "invalid-request", "", true},
		{"200-partial-not-found.json", 200, "/2/tweets?ids=1,2", Partial, ShapeEnvelope, "", "resource-not-found", true},
		// X's 2020 body lacks resource_id, which spec 2.166 requires: a
		// finding about X, reported, and the class is unaffected.
		{"200-errors-only-not-authorized.json", 200, "", Partial, ShapeErrors, "", "not-authorized-for-resource", false},
		{"200-errors-only-user-not-found.json", 200, "", Partial, ShapeErrors, "", "resource-not-found", true},
		{"200-docs-partial-api-x-com.json", 200, "", Partial, ShapeEnvelope, "", "resource-not-found", true},
		{"200-stream-operational-disconnect.json", 200, "/2/tweets/search/stream", ServerError, ShapeStreamLine, "operational-disconnect", "", true},
		{"429-stream-too-many-connections.json", 429, "/2/tweets/search/stream", RateLimited, ShapeProblem, "streaming-connection", "", true},
		{"503-stream-provisioning.json", 503, "/2/tweets/search/stream", ServerError, ShapeProblem, "streaming-connection", "", true},
		{"429-legacy-88.json", 429, "", RateLimited, ShapeErrors, "legacy-88", "", true},
		{"403-legacy-38-media-upload.json", 403, "/2/media/upload", Forbidden, ShapeProblem, "legacy-38", "", true},
		{"201-rules-duplicate.json", 201, "/2/tweets/search/stream/rules", Partial, ShapeErrors, "", "duplicate-rules", true},
		{"200-rules-invalid.json", 200, "/2/tweets/search/stream/rules", Partial, ShapeErrors, "", "invalid-rules", true},
		{"429-plain-text.txt", 429, "", RateLimited, ShapeNotJSON, "", "", false},
		{"404-html.html", 404, "", NotFound, ShapeNotJSON, "", "", false},
	}
	seen := map[string]bool{}
	for _, tt := range tests {
		seen[tt.file] = true
		t.Run(tt.file, func(t *testing.T) {
			body := readFixture(t, tt.file)
			orig := bytes.Clone(body)
			r := Parse(Response{Status: tt.status, Body: body, URL: tt.url})
			if !bytes.Equal(body, orig) {
				t.Fatal("Parse modified the caller's body")
			}
			if r.Class != tt.class || r.Shape != tt.shape {
				t.Errorf("class, shape = %s, %s; want %s, %s", r.Class, r.Shape, tt.class, tt.shape)
			}
			if got := slugs(r.Problems); got != tt.problems {
				t.Errorf("problems = %q, want %q", got, tt.problems)
			}
			if got := slugs(r.PartialErrors); got != tt.partial {
				t.Errorf("partialErrors = %q, want %q", got, tt.partial)
			}
			if r.Schema.Valid != tt.valid || r.Schema.Valid != (len(r.Schema.Violations) == 0) {
				t.Errorf("schema = %+v, want valid=%v", r.Schema, tt.valid)
			}
			if r.Retryable != r.Class.Retryable() {
				t.Errorf("retryable = %v for class %s", r.Retryable, r.Class)
			}
			checkClassifyAgrees(t, Response{Status: tt.status, Body: body, URL: tt.url}, r)
		})
	}
	entries, err := os.ReadDir(filepath.Join("testdata", "bodies"))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !seen[e.Name()] {
			t.Errorf("fixture %s has no row in TestFixtures", e.Name())
		}
	}
}

// checkClassifyAgrees: Classify is Parse minus the schema report, so every
// other field must be equal, and the report must be left empty.
func checkClassifyAgrees(t *testing.T, resp Response, parsed Result) {
	t.Helper()
	c := Classify(resp)
	if c.Schema.Valid || c.Schema.Violations != nil {
		t.Errorf("Classify filled the schema report: %+v", c.Schema)
	}
	parsed.Schema = SchemaReport{}
	if !reflect.DeepEqual(c, parsed) {
		t.Errorf("Classify = %+v\nParse    = %+v (schema aside)", c, parsed)
	}
}

func readFixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "bodies", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func slugs(ps []Problem) string {
	s := make([]string, len(ps))
	for i, p := range ps {
		s[i] = p.Slug
	}
	return strings.Join(s, ",")
}

// TestFixturesKeepEveryField: every field of a recorded body comes back
// byte for byte, including ones no spec names (client_id,
// required_enrollment, account_id, product_name, details).
func TestFixturesKeepEveryField(t *testing.T) {
	for _, tt := range []struct {
		file, field, raw string
		partial          bool
	}{
		{"403-client-forbidden.json", "required_enrollment", `"Appropriate Level of API Access"`, false},
		{"403-client-forbidden.json", "client_id", `"27988566"`, false},
		{"429-usage-capped.json", "product_name", `"standard-basic"`, false},
		{"200-rules-invalid.json", "details", `["Rules must contain a non-negation term (at position 1)","Rules must contain at least one positive, non-stopword clause (at position 1)"]`, true},
		{"201-rules-duplicate.json", "id", `"1518831215612096512"`, true},
	} {
		r := Parse(Response{Status: 200, Body: readFixture(t, tt.file)})
		ps := r.Problems
		if tt.partial {
			ps = r.PartialErrors
		}
		if len(ps) == 0 || string(ps[0].Fields[tt.field]) != tt.raw {
			t.Errorf("%s: field %s = %s, want %s", tt.file, tt.field, ps[0].Fields[tt.field], tt.raw)
		}
	}
}
