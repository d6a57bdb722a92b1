package wire

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestAdviseRetryOp(t *testing.T) {
	tests := []struct {
		name, request string
		retry         bool
		delay         int64
		reason        string
	}{
		{"429 reset", `{"attempt":1,"status":429,"now":1700000000000,"headers":{"date":"Tue, 14 Nov 2023 22:13:20 GMT","x-rate-limit-remaining":"0","x-rate-limit-reset":"1700000060"}}`, true, 61000, "rate-limit-reset"},
		{"network GET default random", `{"attempt":2,"now":0,"method":"GET","url":"/2/users/me"}`, true, 1000, "network-backoff"},
		{"network POST tweet", `{"attempt":1,"now":0,"method":"POST","url":"/2/tweets"}`, false, 0, "non-idempotent"},
		{"usage cap body", `{"attempt":1,"now":0,"status":429,"body":"{\"title\":\"UsageCapExceeded\",\"type\":\"https://api.twitter.com/2/problems/usage-capped\",\"period\":\"Monthly\",\"scope\":\"Product\",\"detail\":\"d\"}"}`, false, 0, "usage-capped"},
		{"policy override", `{"attempt":2,"now":0,"status":500,"random":0,"policy":{"jitter":"none","baseDelayMs":200}}`, true, 400, "server-error-backoff"},
		{"decorrelated previousDelayMs", `{"attempt":3,"now":0,"status":500,"random":0.5,"previousDelayMs":3000,"policy":{"jitter":"decorrelated"}}`, true, 5000, "server-error-backoff"},
		{"stream network", `{"attempt":3,"now":0,"stream":true}`, true, 500, "stream-network"},
		{"null policy", `{"attempt":1,"now":0,"status":400,"policy":null}`, false, 0, "client-error"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := call(t, "adviseRetry", tt.request)
			if !r.OK {
				t.Fatalf("error %+v", r.Error)
			}
			var a struct {
				Retry     *bool
				DelayMs   *int64
				NotBefore *int64
				Reason    *string
			}
			if err := json.Unmarshal(r.Result, &a); err != nil || a.Retry == nil || a.DelayMs == nil || a.NotBefore == nil || a.Reason == nil {
				t.Fatalf("result %s lacks a required field", r.Result)
			}
			if *a.Retry != tt.retry || *a.DelayMs != tt.delay || *a.Reason != tt.reason {
				t.Errorf("got %s", r.Result)
			}
		})
	}
}

func TestAdviseRetryBadInput(t *testing.T) {
	for _, tt := range []struct{ request, inMessage string }{
		{`{"now":0}`, `missing field "attempt"`},
		{`{"attempt":0,"now":0}`, `field "attempt": 0`},
		{`{"attempt":1}`, `missing field "now"`},
		{`{"attempt":1,"now":-1}`, `field "now": -1`},
		{`{"attempt":1,"now":0,"status":42}`, `field "status": 42`},
		{`{"attempt":1,"now":0,"random":1}`, `field "random": 1 is outside [0, 1)`},
		{`{"attempt":1,"now":0,"random":-0.1}`, `field "random"`},
		{`{"attempt":1,"now":0,"previousDelayMs":-3}`, `previousDelayMs`},
		{`{"attempt":1,"now":0,"policy":{"maxAttempt":3}}`, `field "policy": malformed request: json: unknown field "maxAttempt"`},
		{`{"attempt":1,"now":0,"policy":{"maxAttempts":"3"}}`, `field "policy": field "maxAttempts"`},
		{`{"attempt":1,"now":0,"policy":{"maxAttempts":0}}`, `policy.maxAttempts is 0`},
		{`{"attempt":1,"now":0,"policy":{"jitter":"fancy"}}`, `policy.jitter is "fancy"`},
		{`{"attempt":1,"now":0,"policy":{"maxWaitMs":-1}}`, `policy.maxWaitMs is -1`},
		{`{"attempt":1,"now":0,"policy":[]}`, `field "policy"`},
	} {
		r := call(t, "adviseRetry", tt.request)
		if r.OK || r.Error.Code != CodeBadInput || !strings.Contains(r.Error.Message, tt.inMessage) {
			t.Errorf("%s: got ok=%v %+v, want bad-input containing %q", tt.request, r.OK, r.Error, tt.inMessage)
		}
	}
}
