package retry

import (
	"strings"
	"testing"
)

const (
	now     = int64(1_700_000_000_000) // Tue, 14 Nov 2023 22:13:20 GMT
	nowDate = "Tue, 14 Nov 2023 22:13:20 GMT"
	nowSec  = now / 1000
)

func h(kv ...string) map[string]string {
	m := map[string]string{}
	for i := 0; i+1 < len(kv); i += 2 {
		m[kv[i]] = kv[i+1]
	}
	return m
}

func itoa(n int64) string {
	var b [20]byte
	i := len(b)
	if n == 0 {
		return "0"
	}
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return string(b[i:])
}

const (
	tooManyConns = `{"title":"ConnectionException","detail":"This stream is currently at the maximum allowed connection limit.","connection_issue":"TooManyConnections","type":"https://api.twitter.com/2/problems/streaming-connection"}`
	provisioning = `{"title":"ConnectionException","detail":"Your subscription change is currently being provisioned, please try again in a minute.","connection_issue":"ProvisioningSubscription","type":"https://api.twitter.com/2/problems/streaming-connection"}`
	noRules      = `{"title":"ConnectionException","detail":"x","connection_issue":"RuleConfigurationIssue","type":"https://api.twitter.com/2/problems/streaming-connection"}`
	usageCapped  = `{"account_id":"<redacted>","product_name":"standard-basic","title":"UsageCapExceeded","period":"Monthly","scope":"Product","detail":"Usage cap exceeded: Monthly product cap","type":"https://api.twitter.com/2/problems/usage-capped"}`
	opDisconnect = `{"errors":[{"title":"operational-disconnect","disconnect_type":"UpstreamOperationalDisconnect","detail":"This stream has been disconnected upstream for operational reasons.","type":"https://api.x.com/2/problems/operational-disconnect"}]}`
)

// TestAdvise has a row for every row of doc.go's decision table.
func TestAdvise(t *testing.T) {
	tests := []struct {
		name   string
		in     Input
		retry  bool
		delay  int64
		reason Reason
		parked bool
	}{
		// row 1: stream network errors: immediate, then +250 ms, capped at 16 s
		{"stream network 1", Input{Attempt: 1, Stream: true}, true, 0, ReasonStreamNetwork, false},
		{"stream network 2", Input{Attempt: 2, Stream: true}, true, 250, ReasonStreamNetwork, false},
		{"stream network 5", Input{Attempt: 5, Stream: true}, true, 1000, ReasonStreamNetwork, false},
		{"stream network 100", Input{Attempt: 100, Stream: true}, true, 16000, ReasonStreamNetwork, false},
		// rows 2-3: REST network failure
		{"network POST /2/tweets", Input{Attempt: 1, Method: "POST", URL: "https://api.x.com/2/tweets"}, false, 0, ReasonNonIdempotent, false},
		{"network GET", Input{Attempt: 1, Method: "GET", URL: "/2/users/me", Random: 0.5}, true, 500, ReasonNetwork, false},
		{"network POST like (idempotent)", Input{Attempt: 2, Method: "POST", URL: "/2/users/12/likes", Random: 0.5}, true, 1000, ReasonNetwork, false},
		// row 4: usage-capped and 402
		{"429 usage-capped", Input{Attempt: 1, Status: 429, Body: []byte(usageCapped), Headers: h("x-rate-limit-remaining", "39999")}, false, 0, ReasonUsageCapped, false},
		{"402 credits depleted", Input{Attempt: 1, Status: 402}, false, 0, ReasonUsageCapped, false},
		// row 5: stream 429
		{"stream TooManyConnections 1", Input{Attempt: 1, Status: 429, Stream: true, Body: []byte(tooManyConns)}, true, 60_000, ReasonStreamTooManyConns, false},
		{"stream TooManyConnections 3", Input{Attempt: 3, Status: 429, Stream: true, Body: []byte(tooManyConns)}, true, 240_000, ReasonStreamTooManyConns, false},
		{"stream TooManyConnections 6 parks", Input{Attempt: 6, Status: 429, Stream: true, Body: []byte(tooManyConns)}, false, 0, ReasonStreamTooManyConns, true},
		{"TooManyConnections without the stream flag", Input{Attempt: 2, Status: 429, Body: []byte(tooManyConns)}, true, 120_000, ReasonStreamTooManyConns, false},
		{"stream 429 no body", Input{Attempt: 2, Status: 429, Stream: true}, true, 120_000, ReasonStreamRateLimited, false},
		{"stream 429 reset later than backoff", Input{Attempt: 1, Status: 429, Stream: true,
			Headers: h("date", nowDate, "x-rate-limit-remaining", "0", "x-rate-limit-reset", itoa(nowSec+300))}, true, 301_000, ReasonStreamRateLimited, false},
		// row 6: 24-hour caps
		{"app day cap parks", Input{Attempt: 1, Status: 429, Headers: h("date", nowDate, "x-app-limit-24hour-remaining", "0", "x-app-limit-24hour-reset", itoa(nowSec+3600), "x-rate-limit-remaining", "5")}, false, 0, ReasonDailyCap, true},
		{"user day cap soon", Input{Attempt: 1, Status: 429, Headers: h("date", nowDate, "x-user-limit-24hour-remaining", "0", "x-user-limit-24hour-reset", itoa(nowSec+30))}, true, 31_000, ReasonDailyCap, false},
		// row 7: window exhausted, anchored on Date
		{"reset anchored", Input{Attempt: 1, Status: 429, Headers: h("Date", nowDate, "X-Rate-Limit-Remaining", "0", "X-Rate-Limit-Reset", itoa(nowSec+120))}, true, 121_000, ReasonRateLimitReset, false},
		{"reset anchored, client clock 1 h fast", Input{Attempt: 1, Status: 429, Now: now + 3_600_000, Headers: h("date", nowDate, "x-rate-limit-remaining", "0", "x-rate-limit-reset", itoa(nowSec+120))}, true, 121_000, ReasonRateLimitReset, false},
		{"reset in the past, anchored", Input{Attempt: 1, Status: 429, Headers: h("date", nowDate, "x-rate-limit-remaining", "0", "x-rate-limit-reset", itoa(nowSec-5))}, true, 1000, ReasonRateLimitReset, false},
		{"reset unanchored gets X's 60 s floor", Input{Attempt: 1, Status: 429, Headers: h("x-rate-limit-remaining", "0", "x-rate-limit-reset", itoa(nowSec+10))}, true, 60_000, ReasonRateLimitReset, false},
		{"reset unanchored far", Input{Attempt: 1, Status: 429, Headers: h("x-rate-limit-remaining", "0", "x-rate-limit-reset", itoa(nowSec+600))}, true, 601_000, ReasonRateLimitReset, false},
		{"reset beyond maxWait parks", Input{Attempt: 1, Status: 429, Headers: h("date", nowDate, "x-rate-limit-remaining", "0", "x-rate-limit-reset", itoa(nowSec+7200))}, false, 0, ReasonRateLimitReset, true},
		// row 8: hidden per-second limit
		{"per-second 1", Input{Attempt: 1, Status: 429, Headers: h("x-rate-limit-remaining", "299", "x-rate-limit-reset", itoa(nowSec+800))}, true, 1000, ReasonPerSecondLimit, false},
		{"per-second 3 jittered", Input{Attempt: 3, Status: 429, Random: 0.5, Headers: h("x-rate-limit-remaining", "1")}, true, 4500, ReasonPerSecondLimit, false},
		{"per-second capped", Input{Attempt: 30, Status: 429, Random: 0.99, Headers: h("x-rate-limit-remaining", "1"), Policy: withPolicy(func(p *Policy) { p.MaxAttempts = 100 })}, true, 16000, ReasonPerSecondLimit, false},
		// row 9: reset only
		{"reset without remaining", Input{Attempt: 1, Status: 429, Headers: h("date", nowDate, "x-rate-limit-reset", itoa(nowSec+90))}, true, 91_000, ReasonRateLimitReset, false},
		// row 10: no headers
		{"429 bare 1", Input{Attempt: 1, Status: 429, Body: []byte(`{"title":"Too Many Requests","type":"about:blank","status":429,"detail":"Too Many Requests"}`)}, true, 60_000, ReasonRateLimitBackoff, false},
		{"429 bare 3", Input{Attempt: 3, Status: 429}, true, 240_000, ReasonRateLimitBackoff, false},
		{"429 legacy 88, POST /2/tweets is still retried", Input{Attempt: 1, Status: 429, Method: "POST", URL: "/2/tweets", Body: []byte(`{"errors":[{"code":88,"message":"Rate limit exceeded"}]}`)}, true, 60_000, ReasonRateLimitBackoff, false},
		// rows 11-13: stream server errors
		{"stream operational-disconnect line", Input{Attempt: 1, Status: 200, Stream: true, URL: "/2/tweets/search/stream", Body: []byte(opDisconnect)}, true, 0, ReasonStreamDisconnected, false},
		{"stream operational-disconnect line 3", Input{Attempt: 3, Status: 200, Stream: true, URL: "/2/tweets/search/stream", Body: []byte(opDisconnect)}, true, 500, ReasonStreamDisconnected, false},
		{"stream provisioning", Input{Attempt: 1, Status: 503, Stream: true, Body: []byte(provisioning)}, true, 60_000, ReasonStreamProvisioning, false},
		{"stream 503 1", Input{Attempt: 1, Status: 503, Stream: true}, true, 5000, ReasonStreamHTTP, false},
		{"stream 500 4", Input{Attempt: 4, Status: 500, Stream: true}, true, 40_000, ReasonStreamHTTP, false},
		{"stream 500 capped", Input{Attempt: 20, Status: 500, Stream: true}, true, 320_000, ReasonStreamHTTP, false},
		// rows 14-15: REST server errors
		{"503 POST /2/tweets", Input{Attempt: 1, Status: 503, Method: "POST", URL: "/2/tweets"}, false, 0, ReasonNonIdempotent, false},
		{"500 POST /2/dm_conversations", Input{Attempt: 1, Status: 500, Method: "post", URL: "https://api.twitter.com/2/dm_conversations?x=1"}, false, 0, ReasonNonIdempotent, false},
		{"500 PATCH", Input{Attempt: 1, Status: 500, Method: "PATCH", URL: "/2/x"}, false, 0, ReasonNonIdempotent, false},
		{"500 DELETE", Input{Attempt: 1, Status: 500, Method: "DELETE", URL: "/2/tweets/1", Random: 0.25}, true, 250, ReasonServerError, false},
		{"502 GET 3 full", Input{Attempt: 3, Status: 502, Random: 0.75}, true, 3000, ReasonServerError, false},
		{"504 GET capped", Input{Attempt: 4, Status: 504, Random: 0.5, Policy: &Policy{MaxAttempts: 9, MaxWaitMs: 1e6, BaseDelayMs: 1000, MaxBackoffMs: 5000, Jitter: JitterNone}}, true, 5000, ReasonServerError, false},
		{"500 retryNonIdempotent", Input{Attempt: 1, Status: 500, Method: "POST", URL: "/2/tweets", Random: 0.5, Policy: withPolicy(func(p *Policy) { p.RetryNonIdempotent = true })}, true, 500, ReasonServerError, false},
		{"200 internal-error problem", Input{Attempt: 1, Status: 500, Body: []byte(`{"type":"https://api.x.com/2/problems/internal-error","title":"Internal Error","detail":"x"}`), Random: 0.5}, true, 500, ReasonServerError, false},
		// rows 16-17: other 4xx
		{"stream 409 no rules", Input{Attempt: 1, Status: 409, Stream: true, Body: []byte(noRules)}, false, 0, ReasonStreamRulesProblem, false},
		{"400", Input{Attempt: 1, Status: 400}, false, 0, ReasonClientError, false},
		{"401 stream", Input{Attempt: 1, Status: 401, Stream: true}, false, 0, ReasonClientError, false},
		{"403", Input{Attempt: 1, Status: 403, Body: []byte(`{"detail":"You are not allowed to create a Tweet with duplicate content.","type":"about:blank","title":"Forbidden","status":403}`)}, false, 0, ReasonClientError, false},
		{"404 with Retry-After", Input{Attempt: 1, Status: 404, Headers: h("retry-after", "5")}, false, 0, ReasonClientError, false},
		// rows 18-19
		{"200", Input{Attempt: 1, Status: 200, Body: []byte(`{"data":{}}`)}, false, 0, ReasonNotAnError, false},
		{"200 partial", Input{Attempt: 1, Status: 200, Body: []byte(`{"data":[],"errors":[{"type":"about:blank","title":"x"}]}`)}, false, 0, ReasonNotAnError, false},
		{"302", Input{Attempt: 1, Status: 302}, false, 0, ReasonNotRetryable, false},
		// Retry-After
		{"503 Retry-After seconds", Input{Attempt: 1, Status: 503, Random: 0.5, Headers: h("Retry-After", "30")}, true, 30_000, ReasonRetryAfter, false},
		{"503 Retry-After shorter than backoff", Input{Attempt: 6, Status: 503, Random: 0.99, Headers: h("Retry-After", "1"), Policy: withPolicy(func(p *Policy) { p.MaxAttempts = 10 })}, true, 31_680, ReasonServerError, false},
		{"503 Retry-After HTTP date, anchored", Input{Attempt: 1, Status: 503, Now: now - 999_000, Headers: h("date", nowDate, "retry-after", "Tue, 14 Nov 2023 22:14:00 GMT")}, true, 40_000, ReasonRetryAfter, false},
		{"503 Retry-After RFC 850 date", Input{Attempt: 1, Status: 503, Headers: h("retry-after", "Tuesday, 14-Nov-23 22:13:50 GMT")}, true, 30_000, ReasonRetryAfter, false},
		{"503 Retry-After asctime", Input{Attempt: 1, Status: 503, Headers: h("retry-after", "Tue Nov 14 22:13:25 2023")}, true, 5000, ReasonRetryAfter, false},
		{"503 Retry-After garbage ignored", Input{Attempt: 1, Status: 503, Random: 0.5, Headers: h("retry-after", "soon")}, true, 500, ReasonServerError, false},
		{"503 Retry-After beyond cap parks", Input{Attempt: 1, Status: 503, Headers: h("retry-after", "86400")}, false, 0, ReasonRetryAfter, true},
		{"429 Retry-After longer than reset", Input{Attempt: 1, Status: 429, Headers: h("date", nowDate, "x-rate-limit-remaining", "0", "x-rate-limit-reset", itoa(nowSec+10), "retry-after", "20")}, true, 20_000, ReasonRetryAfter, false},
		{"POST /2/tweets 503 Retry-After still not retried", Input{Attempt: 1, Status: 503, Method: "POST", URL: "/2/tweets", Headers: h("retry-after", "1")}, false, 0, ReasonNonIdempotent, false},
		// attempts cap
		{"attempts cap", Input{Attempt: 5, Status: 503}, false, 0, ReasonAttemptsExhausted, false},
		{"attempts cap 429", Input{Attempt: 5, Status: 429}, false, 0, ReasonAttemptsExhausted, false},
		{"stream no attempts cap", Input{Attempt: 500, Status: 503, Stream: true}, true, 320_000, ReasonStreamHTTP, false},
		{"stream attempts cap set", Input{Attempt: 3, Status: 503, Stream: true, Policy: withPolicy(func(p *Policy) { p.StreamMaxAttempts = 3 })}, false, 0, ReasonAttemptsExhausted, false},
		{"attempt 0 counts as 1", Input{Attempt: 0, Status: 503, Random: 0.5}, true, 500, ReasonServerError, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.in.Now == 0 {
				tt.in.Now = now
			}
			a := Advise(tt.in)
			if a.Retry != tt.retry || a.DelayMs != tt.delay || a.Reason != tt.reason || a.Parked != tt.parked {
				t.Fatalf("Advise = %+v\nwant retry=%v delay=%d reason=%s parked=%v", a, tt.retry, tt.delay, tt.reason, tt.parked)
			}
			switch {
			case a.Retry && a.NotBefore != tt.in.Now+a.DelayMs:
				t.Errorf("notBefore %d, want now+delay %d", a.NotBefore, tt.in.Now+a.DelayMs)
			case a.Parked && a.NotBefore <= tt.in.Now+DefaultPolicy().MaxWaitMs:
				t.Errorf("parked with notBefore %d, not beyond the cap", a.NotBefore)
			case !a.Retry && !a.Parked && a.NotBefore != 0:
				t.Errorf("no retry but notBefore %d", a.NotBefore)
			}
			if a.Detail == "" {
				t.Error("empty detail")
			}
		})
	}
}

func withPolicy(f func(*Policy)) *Policy {
	p := DefaultPolicy()
	f(&p)
	return &p
}

func TestParkedNotBefore(t *testing.T) {
	a := Advise(Input{Attempt: 1, Status: 429, Now: now + 5000, Headers: h("date", nowDate, "x-app-limit-24hour-remaining", "0", "x-app-limit-24hour-reset", itoa(nowSec+3600))})
	// anchored: 3600 s + 1 s margin after the server's now, added to the client's now
	if !a.Parked || a.NotBefore != now+5000+3_601_000 || !strings.Contains(a.Detail, "park") {
		t.Fatalf("%+v", a)
	}
}

func TestJitterStrategies(t *testing.T) {
	tests := []struct {
		jitter  Jitter
		attempt int
		random  float64
		prev    int64
		want    int64
	}{
		{JitterFull, 1, 0, 0, 0},
		{JitterFull, 3, 0.5, 0, 2000},
		{JitterEqual, 3, 0, 0, 2000},
		{JitterEqual, 3, 0.5, 0, 3000},
		{JitterNone, 3, 0.9, 0, 4000},
		{JitterNone, 40, 0.9, 0, 60_000},
		{JitterDecorrelated, 1, 0, 0, 1000},
		{JitterDecorrelated, 2, 0.5, 0, 2000},         // [1000, 3000)
		{JitterDecorrelated, 3, 0.5, 4000, 6500},      // [1000, 12000)
		{JitterDecorrelated, 9, 0.99, 50_000, 59_410}, // upper capped at 60 s
	}
	for _, tt := range tests {
		p := DefaultPolicy()
		p.Jitter = tt.jitter
		p.MaxAttempts = 100
		a := Advise(Input{Attempt: tt.attempt, Status: 500, Now: now, Random: tt.random, PreviousDelayMs: tt.prev, Policy: &p})
		if a.DelayMs != tt.want {
			t.Errorf("%s attempt %d random %v prev %d: delay %d, want %d", tt.jitter, tt.attempt, tt.random, tt.prev, a.DelayMs, tt.want)
		}
	}
}

func TestPolicyCheck(t *testing.T) {
	if err := DefaultPolicy().Check(); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		mod  func(*Policy)
		want string
	}{
		{func(p *Policy) { p.MaxAttempts = 0 }, "policy.maxAttempts"},
		{func(p *Policy) { p.StreamMaxAttempts = -1 }, "policy.streamMaxAttempts"},
		{func(p *Policy) { p.Jitter = "fancy" }, `policy.jitter is "fancy"`},
		{func(p *Policy) { p.StreamHTTPMaxMs = -5 }, "policy.streamHttpMaxMs is -5"},
	} {
		p := DefaultPolicy()
		tt.mod(&p)
		if err := p.Check(); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Check() = %v, want an error naming %s", err, tt.want)
		}
	}
}

func TestIdempotent(t *testing.T) {
	for _, tt := range []struct {
		method, url string
		want        bool
	}{
		{"GET", "/2/tweets/search/recent?query=x", true},
		{"", "/2/tweets", true},
		{"DELETE", "/2/tweets/1", true},
		{"PUT", "/2/lists/1", true},
		{"POST", "/2/tweets", false},
		{"POST", "https://api.x.com/2/tweets?x=1", false},
		{"POST", "/2/users/123/likes", true},
		{"POST", "https://api.twitter.com/2/users/123/following", true},
		{"POST", "/2/users//likes", false},
		{"POST", "/2/users/123/likes/extra", false},
		{"POST", "/2/tweets/search/stream/rules?dry_run=true", true},
		{"POST", "/2/media/upload/1/append", false},
		{"PATCH", "/2/users/123/likes", false},
		{"TRACE", "/", false},
	} {
		if got := Idempotent(tt.method, tt.url); got != tt.want {
			t.Errorf("Idempotent(%q, %q) = %v, want %v", tt.method, tt.url, got, tt.want)
		}
	}
}
