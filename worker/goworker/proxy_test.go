package main

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/xpreflight/xpreflight"
)

// TestProxy runs the Worker's handler natively: net/http's transport in
// place of syumai's fetch, an httptest server in place of X.
func TestProxy(t *testing.T) {
	var seen []string
	x := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		seen = append(seen, r.Method+" "+r.URL.RequestURI()+" "+r.Header.Get("Authorization")+" "+r.Header.Get("Cookie"))
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		io.WriteString(w, `{"data":{"id":"2244994945","name":"X Dev","username":"XDevelopers"}}`)
	}))
	defer x.Close()
	p, err := newProxy(x.URL, http.DefaultTransport, xpreflight.WithMaxAttempts(1))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		target string
		status int
		mark   string // x-preflight
		sent   bool
	}{
		{"/2/users/by/username/XDevelopers", 200, "forwarded", true},
		{"/2/tweets/search/recent?query=cat%20and%20dog", 400, "rejected", false},
		{"/v1/health", 404, "", false},
	}
	for _, tc := range tests {
		seen = nil
		req := httptest.NewRequest("GET", tc.target, nil)
		req.Header.Set("Authorization", "Bearer t")
		req.Header.Set("Cookie", "session=secret")
		rec := httptest.NewRecorder()
		p.ServeHTTP(rec, req)
		if rec.Code != tc.status || rec.Header().Get("X-Preflight") != tc.mark || (len(seen) == 1) != tc.sent {
			t.Errorf("%s: status %d, x-preflight %q, sent %v", tc.target, rec.Code, rec.Header().Get("X-Preflight"), seen)
		}
		if tc.sent && seen[0] != "GET "+tc.target+" Bearer t " {
			t.Errorf("X got %q: want the target and credential, no cookie", seen[0])
		}
	}
}

func TestNewProxyRefusesBadOrigins(t *testing.T) {
	for _, o := range []string{"", "api.x.com", "ftp://api.x.com", "https://api.x.com/2/"} {
		if _, err := newProxy(o, nil); err == nil || !strings.Contains(err.Error(), "X_API_ORIGIN") {
			t.Errorf("origin %q: err %v", o, err)
		}
	}
}
