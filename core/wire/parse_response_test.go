package wire

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
)

func TestParseResponseOp(t *testing.T) {
	usage, err := os.ReadFile("../apierr/testdata/bodies/429-usage-capped.json")
	if err != nil {
		t.Fatal(err)
	}
	usageJSON, _ := json.Marshal(string(usage))
	tests := []struct {
		name, request, class string
		retryable, valid     bool
	}{
		{"usage-capped fixture", `{"status":429,"headers":{"x-rate-limit-limit":"40000","x-rate-limit-remaining":"39999"},"body":` + string(usageJSON) + `}`, "usage-capped", false, true},
		{"plain text", `{"status":429,"body":"Rate limit exceeded"}`, "rate-limited", true, false},
		{"empty 204", `{"status":204,"body":"","method":"DELETE","url":"/2/tweets/1"}`, "success", false, true},
		{"stream line", `{"status":200,"url":"https://api.x.com/2/tweets/search/stream","body":"{\"errors\":[{\"title\":\"operational-disconnect\",\"disconnect_type\":\"UpstreamOperationalDisconnect\",\"detail\":\"d\",\"type\":\"https://api.x.com/2/problems/operational-disconnect\"}]}"}`, "server-error", true, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := call(t, "parseResponse", tt.request)
			if !r.OK {
				t.Fatalf("error %+v", r.Error)
			}
			var got map[string]json.RawMessage
			if err := json.Unmarshal(r.Result, &got); err != nil {
				t.Fatal(err)
			}
			for _, field := range []string{"class", "status", "problems", "partialErrors", "rateLimit", "schema", "retryable"} {
				if _, ok := got[field]; !ok {
					t.Errorf("result lacks %q: %s", field, r.Result)
				}
			}
			var res struct {
				Class     string
				Retryable bool
				Schema    struct{ Valid bool }
			}
			json.Unmarshal(r.Result, &res)
			if res.Class != tt.class || res.Retryable != tt.retryable || res.Schema.Valid != tt.valid {
				t.Errorf("got %s", r.Result)
			}
		})
	}
}

func TestParseResponseBodyBytesSurvive(t *testing.T) {
	// A problem field with characters JSON may escape differently comes
	// back as X wrote it (re-encoded, but the same value).
	r := call(t, "parseResponse", `{"status":400,"body":"{\"type\":\"https://api.x.com/2/problems/invalid-request\",\"title\":\"Invalid Request\",\"detail\":\"<\\u00e9> \\\"q\\\"\",\"n\":12345678901234567890}"}`)
	if !r.OK || !strings.Contains(string(r.Result), `"n":12345678901234567890`) || !strings.Contains(string(r.Result), `"slug":"invalid-request"`) {
		t.Fatalf("%s %+v", r.Result, r.Error)
	}
}

func TestParseResponseBadInput(t *testing.T) {
	for _, tt := range []struct{ request, inMessage string }{
		{`{"body":"x"}`, `missing field "status"`},
		{`{"status":200}`, `missing field "body"`},
		{`{"status":99,"body":""}`, `field "status": 99`},
		{`{"status":600,"body":""}`, `field "status": 600`},
		{`{"status":"200","body":""}`, `field "status"`},
		{`{"status":200,"body":"","header":{}}`, `"header"`},
		{`{"status":200,"body":"","headers":{"a":1}}`, `headers`},
	} {
		r := call(t, "parseResponse", tt.request)
		if r.OK || r.Error.Code != CodeBadInput || !strings.Contains(r.Error.Message, tt.inMessage) {
			t.Errorf("%s: got ok=%v %+v, want bad-input naming %s", tt.request, r.OK, r.Error, tt.inMessage)
		}
	}
}
