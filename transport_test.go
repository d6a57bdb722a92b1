package xpreflight

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/xpreflight/xpreflight/core/apierr"
	"github.com/xpreflight/xpreflight/core/params"
	"github.com/xpreflight/xpreflight/core/query"
	"github.com/xpreflight/xpreflight/core/retry"
)

// rewrite sends every request to a stand-in, whatever its host: the test's
// way to let requests to https://api.x.com reach a local server.
type rewrite struct {
	to   *url.URL
	base http.RoundTripper
}

func (r rewrite) RoundTrip(req *http.Request) (*http.Response, error) {
	out := req.Clone(req.Context())
	out.URL.Scheme, out.URL.Host, out.Host = r.to.Scheme, r.to.Host, ""
	return r.base.RoundTrip(out)
}

func get(t *testing.T, tr http.RoundTripper, target string) *http.Response {
	t.Helper()
	req, err := http.NewRequest("GET", target, nil)
	if err != nil {
		t.Fatal(err)
	}
	resp, err := tr.RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { resp.Body.Close() })
	return resp
}

// TestJudge: what happens to a request by core/params' verdict.
func TestJudge(t *testing.T) {
	long := "/2/tweets/search/recent?query=" + url.QueryEscape(strings.Repeat("cats ", 120)+"dogs")
	tests := []struct {
		name   string
		path   string
		opts   []Option
		sent   bool   // reached the stand-in
		local  bool   // answered by the Transport
		code   string // a diagnostic code the verdict must hold
		status int
	}{
		{name: "valid search", path: searchPath, sent: true, status: 200},
		{name: "ambiguous and: X rejects it", path: "/2/tweets/search/recent?query=cat%20and%20dog", local: true, code: params.CodeInvalidQuery, status: 400},
		{name: "unknown parameter", path: "/2/tweets/search/recent?query=cat&max_result=10", local: true, code: params.CodeUnknownParameter, status: 400},
		{name: "empty ids", path: "/2/tweets?ids=", local: true, code: params.CodeEmptyParameter, status: 400},
		{name: "repeated parameter is only a warning: sent", path: searchPath + "&max_results=20", sent: true, code: params.CodeRepeatedParameter, status: 200},
		{name: "route no spec knows: sent", path: "/2/some/new/endpoint", sent: true, code: params.CodeUnknownRoute, status: 200},
		{name: "601-byte query over pay-per-use's 512", path: long, local: true, code: params.CodeInvalidQuery, status: 400},
		{name: "601-byte query within enterprise's 4096", path: long, opts: []Option{WithTier(query.Enterprise)}, sent: true, status: 200},
		{name: "WithoutValidation sends anything", path: "/2/tweets?ids=", opts: []Option{WithoutValidation()}, sent: true, status: 200},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := newStandin(t, ok200)
			resp := get(t, s.transport(t, newFakeClock(), tc.opts...), s.URL+tc.path)
			if resp.StatusCode != tc.status {
				t.Errorf("status %d, want %d", resp.StatusCode, tc.status)
			}
			if sent := len(s.requests()) == 1; sent != tc.sent {
				t.Errorf("sent %v, want %v", sent, tc.sent)
			}
			res := ResultOf(resp)
			if res.Local != tc.local || (resp.Header.Get("X-Preflight") == "rejected") != tc.local {
				t.Errorf("Local %v, x-preflight %q; want local %v", res.Local, resp.Header.Get("X-Preflight"), tc.local)
			}
			if tc.code != "" && !hasCode(res.Request, tc.code) {
				t.Errorf("no %s finding in %+v", tc.code, res.Request)
			}
			if !tc.local {
				return
			}
			// The local answer is the invalid-request problem X sends,
			// read back by core/apierr like any answer of X.
			var p params.Problem
			b, _ := io.ReadAll(resp.Body)
			if err := json.Unmarshal(b, &p); err != nil || p.Type != params.ProblemType || len(p.Errors) == 0 {
				t.Errorf("body %s is not X's invalid-request problem (%v)", b, err)
			}
			if res.Response().Class != apierr.InvalidRequest || res.Attempts != 0 {
				t.Errorf("class %s attempts %d", res.Response().Class, res.Attempts)
			}
			var pe *ProblemError
			if err := CheckResponse(resp); !errors.As(err, &pe) || !pe.Local || len(pe.Diagnostics) == 0 {
				t.Errorf("CheckResponse: %v", err)
			}
		})
	}
}

func hasCode(r *params.Result, code string) bool {
	if r == nil {
		return false
	}
	for _, d := range r.Diagnostics {
		if d.Code == code {
			return true
		}
	}
	return false
}

// TestFail: OnInvalid(Fail) turns a refused request into an error that
// errors.As finds through http.Client's *url.Error.
func TestFail(t *testing.T) {
	s := newStandin(t, ok200)
	client := s.transport(t, newFakeClock(), OnInvalid(Fail)).Client()
	_, err := client.Get(s.URL + "/2/tweets/search/recent?query=cat%20and%20dog")
	var pe *ProblemError
	if !errors.As(err, &pe) || !pe.Local || pe.Class != apierr.InvalidRequest {
		t.Fatalf("err %v, want a local *ProblemError", err)
	}
	if !strings.Contains(err.Error(), "Ambiguous use of and") || len(s.requests()) != 0 {
		t.Fatalf("err %q (requests %d): want X's wording and no request", err, len(s.requests()))
	}
}

// TestHosts: X's hosts are judged (here reached through a rewriting base),
// any other host passes through untouched: no judging, no retry, no Result.
func TestHosts(t *testing.T) {
	s := newStandin(t, answer{status: 503}, ok200)
	to, _ := url.Parse(s.URL)
	tr, err := New(rewrite{to, http.DefaultTransport}, WithSleep(newFakeClock().sleep))
	if err != nil {
		t.Fatal(err)
	}
	if resp := get(t, tr, "https://API.X.com/2/tweets?ids="); resp.StatusCode != 400 || !ResultOf(resp).Local {
		t.Errorf("api.x.com: status %d, want a local 400", resp.StatusCode)
	}
	if resp := get(t, tr, "https://api.twitter.com:443"+searchPath); resp.StatusCode != 200 || ResultOf(resp).Attempts != 2 {
		t.Errorf("api.twitter.com: status %d, want 200 after a retry", resp.StatusCode)
	}
	if resp := get(t, tr, s.URL+"/2/tweets?ids="); resp.StatusCode != 200 || ResultOf(resp) != nil {
		t.Errorf("another host: status %d result %v, want X's answer untouched", resp.StatusCode, ResultOf(resp))
	}
}

// TestZeroTransport: a Transport not made by New works with the defaults.
func TestZeroTransport(t *testing.T) {
	s := newStandin(t, ok200)
	to, _ := url.Parse(s.URL)
	tr := &Transport{Base: rewrite{to, http.DefaultTransport}}
	resp := get(t, tr, "https://api.x.com"+searchPath)
	if resp.StatusCode != 200 || ResultOf(resp) == nil || ResultOf(resp).Request == nil {
		t.Fatalf("status %d result %+v", resp.StatusCode, ResultOf(resp))
	}
}

func TestOptionErrors(t *testing.T) {
	for _, o := range []Option{WithTier("free"), WithMaxAttempts(0), OnInvalid(7), WithHosts("a/b"), WithClock(nil),
		WithSleep(nil), WithRandom(nil), WithPolicy(retry.Policy{})} {
		if _, err := New(nil, o); err == nil || !strings.HasPrefix(err.Error(), "xpreflight.") {
			t.Errorf("New: err %v, want one naming the option", err)
		}
	}
}

// TestPartial: a 200 with partial errors comes back as data, its errors
// reachable from the response.
func TestPartial(t *testing.T) {
	body := fixture(t, "200-partial-not-found.json")
	s := newStandin(t, answer{status: 200, body: body})
	resp := get(t, s.transport(t, newFakeClock()), s.URL+"/2/tweets?ids=1,2")
	res := ResultOf(resp)
	if CheckResponse(resp) != nil || res.Response().Class != apierr.Partial || len(res.Response().PartialErrors) == 0 {
		t.Fatalf("class %s partial %d", res.Response().Class, len(res.Response().PartialErrors))
	}
	if got := res.Response().PartialErrors[0].Slug; got != "resource-not-found" {
		t.Fatalf("slug %q", got)
	}
}

// TestConcurrent: one Transport, many goroutines; each call gets its own
// Result (run with -race to see no state is shared).
func TestConcurrent(t *testing.T) {
	s := newStandin(t, ok200)
	tr := s.transport(t, newFakeClock())
	errs := make(chan error, 16)
	for g := range 16 {
		go func() {
			for i := range 8 {
				path := searchPath
				if (g+i)%2 == 1 {
					path = "/2/tweets?ids="
				}
				req, _ := http.NewRequest("GET", s.URL+path, nil)
				resp, err := tr.RoundTrip(req)
				if err != nil {
					errs <- err
					return
				}
				resp.Body.Close()
				if local := ResultOf(resp).Local; local != (path != searchPath) {
					errs <- fmt.Errorf("%s: local %v", path, local)
					return
				}
			}
			errs <- nil
		}()
	}
	for range 16 {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
}
