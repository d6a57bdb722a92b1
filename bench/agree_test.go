package bench

import (
	"net/http"
	"strings"
	"testing"

	"github.com/xpreflight/xpreflight/core/params"
)

// Both validators judge the benchmark's request, and variants of it, the
// same way, so the benchmark compares equal work.
func TestValidatorsAgree(t *testing.T) {
	k := newKin(t)
	tests := []struct {
		name, url string
		valid     bool
	}{
		{"benchmark request", searchURL, true},
		{"brief request", briefURL, true},
		{"max_results too small", strings.Replace(searchURL, "max_results=50", "max_results=5", 1), false},
		{"unknown field", strings.Replace(searchURL, "lang%2Cconversation_id", "lang%2Cnope", 1), false},
		{"missing query", "https://api.x.com/2/tweets/search/recent?max_results=50", false},
		{"bad id", "https://api.x.com/2/tweets/12a", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, err := http.NewRequest("GET", tt.url, nil)
			if err != nil {
				t.Fatal(err)
			}
			kinErr := k.Validate(req)
			ours := params.Validate(params.Request{Method: "GET", URL: tt.url})
			if (kinErr == nil) != tt.valid {
				t.Errorf("kin-openapi: err = %v, want valid=%v", kinErr, tt.valid)
			}
			if ours.Valid != tt.valid {
				t.Errorf("xpreflight: valid = %v, want %v: %+v", ours.Valid, tt.valid, ours.Diagnostics)
			}
		})
	}
}
