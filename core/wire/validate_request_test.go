package wire

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestValidateRequestBadInput(t *testing.T) {
	tests := []struct {
		name, request, inMessage string
	}{
		{"missing method", `{"url":"/2/tweets"}`, `missing field "method"`},
		{"missing url", `{"method":"GET"}`, `missing field "url"`},
		{"unknown field", `{"method":"GET","url":"/2/tweets","bdy":"x"}`, `"bdy"`},
		{"bad tier", `{"method":"GET","url":"/2/tweets","tier":"Pro"}`, `unknown tier "Pro"`},
		{"now not a number", `{"method":"GET","url":"/2/tweets","now":"soon"}`, `field "now"`},
		{"now negative", `{"method":"GET","url":"/2/tweets","now":-5}`, `field "now"`},
		{"headers not strings", `{"method":"GET","url":"/2/tweets","headers":{"a":1}}`, `field "headers"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := call(t, "validateRequest", tt.request)
			if r.OK || r.Error == nil || r.Error.Code != CodeBadInput {
				t.Fatalf("got ok=%v error=%+v, want bad-input", r.OK, r.Error)
			}
			if !strings.Contains(r.Error.Message, tt.inMessage) {
				t.Errorf("message %q lacks %q", r.Error.Message, tt.inMessage)
			}
		})
	}
}

// The result has exactly the contract's fields, with route null and
// problem null in the right cases.
func TestValidateRequestShape(t *testing.T) {
	tests := []struct {
		name, request       string
		valid               bool
		route               string // "null" or the JSON string
		problem             bool
		firstCode, firstSev string
	}{
		{"valid search", `{"method":"GET","url":"/2/tweets/search/recent?query=cat&max_results=50","tier":"pay-per-use","now":1764072000000}`,
			true, `"GET /2/tweets/search/recent"`, false, "", ""},
		{"range error", `{"method":"GET","url":"https://api.x.com/2/tweets/search/recent?query=cat&max_results=5"}`,
			false, `"GET /2/tweets/search/recent"`, true, "out-of-range", "error"},
		// issue 12: a route the specs lack is a warning; route stays null
		{"unknown route", `{"method":"GET","url":"/2/nope"}`,
			true, `null`, false, "unknown-route", "warning"},
		{"unknown method", `{"method":"PATCH","url":"/2/tweets/20"}`,
			true, `null`, false, "method-not-allowed", "warning"},
		{"body", `{"method":"POST","url":"/2/tweets","headers":{"Content-Type":"application/json"},"body":"{\"text\":1}"}`,
			false, `"POST /2/tweets"`, true, "body-schema", "error"},
		{"now applies time rules", `{"method":"GET","url":"/2/tweets/search/recent?query=cat&end_time=2025-11-25T11:59:55Z","now":1764072000000}`,
			false, `"GET /2/tweets/search/recent"`, true, "end-time-too-recent", "error"},
		{"without now no time rules", `{"method":"GET","url":"/2/tweets/search/recent?query=cat&end_time=2025-11-25T11:59:55Z"}`,
			true, `"GET /2/tweets/search/recent"`, false, "", ""},
		{"warning only", `{"method":"GET","url":"/2/tweets?ids=1&ids=2"}`,
			true, `"GET /2/tweets"`, false, "repeated-parameter", "warning"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := call(t, "validateRequest", tt.request)
			if !r.OK {
				t.Fatalf("error: %+v", r.Error)
			}
			var got map[string]json.RawMessage
			if err := json.Unmarshal(r.Result, &got); err != nil {
				t.Fatal(err)
			}
			for _, k := range []string{"valid", "route", "diagnostics", "problem"} {
				if _, ok := got[k]; !ok {
					t.Errorf("result lacks %q: %s", k, r.Result)
				}
			}
			// "status" (X's HTTP status for problem) is there exactly when problem is.
			if want := 4 + map[bool]int{true: 1}[tt.problem]; len(got) != want {
				t.Errorf("result has %d fields, want %d: %s", len(got), want, r.Result)
			}
			if string(got["valid"]) != map[bool]string{true: "true", false: "false"}[tt.valid] {
				t.Errorf("valid = %s, want %v", got["valid"], tt.valid)
			}
			if string(got["route"]) != tt.route {
				t.Errorf("route = %s, want %s", got["route"], tt.route)
			}
			if (string(got["problem"]) != "null") != tt.problem {
				t.Errorf("problem = %s, want present=%v", got["problem"], tt.problem)
			}
			var diags []map[string]any
			if err := json.Unmarshal(got["diagnostics"], &diags); err != nil {
				t.Fatalf("diagnostics: %v (%s)", err, got["diagnostics"])
			}
			if tt.firstCode == "" {
				if len(diags) != 0 {
					t.Errorf("diagnostics = %s, want []", got["diagnostics"])
				}
				return
			}
			if len(diags) == 0 || diags[0]["code"] != tt.firstCode || diags[0]["severity"] != tt.firstSev {
				t.Errorf("diagnostics = %s, want first %s/%s", got["diagnostics"], tt.firstCode, tt.firstSev)
			}
		})
	}
}

// The problem is X's invalid-request body, byte for byte in field order.
func TestValidateRequestProblemBytes(t *testing.T) {
	r := call(t, "validateRequest", `{"method":"GET","url":"/2/tweets/search/recent?query=cat&max_results=5"}`)
	var got struct {
		Problem json.RawMessage `json:"problem"`
	}
	if err := json.Unmarshal(r.Result, &got); err != nil {
		t.Fatal(err)
	}
	want := "{\"errors\":[{\"parameters\":{\"max_results\":[\"5\"]},\"message\":\"The `max_results` query parameter value [5] is not between 10 and 100\"}],\"title\":\"Invalid Request\",\"detail\":\"One or more parameters to your request was invalid.\",\"type\":\"https://api.x.com/2/problems/invalid-request\"}"
	if string(got.Problem) != want {
		t.Errorf("problem =\n%s\nwant\n%s", got.Problem, want)
	}
}
