package proxy

import (
	"strings"
	"testing"

	"github.com/xpreflight/xpreflight/core/apierr"
	"github.com/xpreflight/xpreflight/core/params"
	"github.com/xpreflight/xpreflight/core/retry"
)

// TestDecideForwardsWhenTheValidatorFails: a failure of our own validator
// must never refuse a request; it is forwarded and says so.
func TestDecideForwardsWhenTheValidatorFails(t *testing.T) {
	saved := validateFunc
	t.Cleanup(func() { validateFunc = saved })
	validateFunc = func(params.Request) params.Result { panic("index out of range [3] with length 3") }

	d := testGate(t).Decide(Inbound{Method: "GET", Target: "/2/tweets/search/recent?query=cats&max_results=5",
		Headers: Headers{"authorization": "Bearer C"}, Now: 1_700_000_000_000})
	if !d.Forward || d.Validator != ValidatorUnavailable {
		t.Fatalf("Decide = %+v, want forwarded with validator unavailable", d)
	}
	if !strings.Contains(d.Reason, "validateRequest panicked: index out of range") {
		t.Errorf("reason %q does not say what failed", d.Reason)
	}
	if d.Route != "GET /2/tweets/search/recent" || len(d.Key) != 64 {
		t.Errorf("route %q key %q: want the method and path as the route and a key", d.Route, d.Key)
	}
}

// TestDecideUnchecked: after the Go instance failed on a request, the fresh
// one forwards it without the validator (which is not even called), but
// still behind the path guard.
func TestDecideUnchecked(t *testing.T) {
	saved := validateFunc
	t.Cleanup(func() { validateFunc = saved })
	validateFunc = func(params.Request) params.Result { t.Fatal("the validator ran"); return params.Result{} }

	g := testGate(t)
	d := g.Decide(Inbound{Method: "GET", Target: "/2/tweets/search/recent?query=" + strings.Repeat("(", 3000),
		Headers: Headers{"authorization": "Bearer C"}, Now: 1_700_000_000_000, Unchecked: true})
	if !d.Forward || d.Validator != ValidatorUnavailable || !strings.Contains(d.Reason, "forwarded unchecked") {
		t.Fatalf("Decide = %+v, want forwarded unchecked with validator unavailable", d)
	}
	if d.Route != "GET /2/tweets/search/recent" || len(d.Key) != 64 {
		t.Errorf("route %q key %q: want the method and path as the route and a key", d.Route, d.Key)
	}
	bad := g.Decide(Inbound{Method: "GET", Target: "/2/../admin", Unchecked: true})
	if bad.Forward || bad.Validator != ValidatorPath {
		t.Errorf("unchecked Decide of /2/../admin = %+v, want refused by the path guard", bad)
	}
}

// TestAnnotateFallsBackToTheStatus: when the response parser or the retry
// advisor fail, the answer is still annotated from its status and passed on.
func TestAnnotateFallsBackToTheStatus(t *testing.T) {
	savedParse, savedAdvise := parseFunc, adviseFunc
	t.Cleanup(func() { parseFunc, adviseFunc = savedParse, savedAdvise })
	parseFunc = func(apierr.Response) apierr.Result { panic("parser bug") }
	adviseFunc = func(retry.Input) retry.Advice { panic("advisor bug") }

	body := `{"title":"Service Unavailable","type":"about:blank","status":503,"detail":"Service Unavailable"}`
	a := Annotate(Outbound{Method: "GET", Target: "/2/tweets", Status: 503, Headers: Headers{}, Body: &body, Now: 1})
	if a.Class != "server-error" || a.RetryAfterMs != nil {
		t.Errorf("Annotate = %+v, want class server-error from the status and no advice", a)
	}
	for _, want := range []string{"parseResponse panicked: parser bug", "adviseRetry panicked: advisor bug"} {
		if !strings.Contains(a.Reason, want) {
			t.Errorf("reason %q does not mention %q", a.Reason, want)
		}
	}
}
