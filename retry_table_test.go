package xpreflight

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/xpreflight/xpreflight/core/apierr"
	"github.com/xpreflight/xpreflight/core/retry"
)

const (
	searchPath = "/2/tweets/search/recent?query=from%3AXDevelopers&max_results=10"
	streamPath = "/2/tweets/search/stream"
	okBody     = `{"data":[{"id":"1","text":"hi"}],"meta":{"result_count":1}}`
)

var ok200 = answer{status: 200, body: []byte(okBody)}

// TestRetryTable reaches every row of core/retry's decision table (its
// doc.go), and the caps after it, through HTTP: a stand-in for X answers,
// the Transport decides, and the test checks what was sent, how long it
// waited and what it returned.
func TestRetryTable(t *testing.T) {
	hang := answer{hangUp: true}
	rl := func(status int, h map[string]string, body string) answer {
		return answer{status: status, headers: h, body: []byte(body)}
	}
	tooMany := fixture(t, "429-stream-too-many-connections.json")
	provisioning := fixture(t, "503-stream-provisioning.json")
	disconnect := fixture(t, "200-stream-operational-disconnect.json")
	rules409 := `{"title":"ConnectionException","detail":"define rules first","connection_issue":"RuleConfigurationIssue","type":"https://api.twitter.com/2/problems/streaming-connection"}`
	tests := []struct {
		row     string
		method  string
		path    string
		body    string
		opts    []Option
		answers []answer
		// want
		sent    int             // requests that reached the stand-in
		waits   []time.Duration // the waits between them
		reasons []retry.Reason  // OnRetry's reasons, one per wait
		status  int             // final status; 0: RoundTrip returned an error
		final   retry.Reason    // Result.Advice.Reason; "" when no advice was needed
		stopped string
	}{
		{row: "1 stream network", method: "GET", path: streamPath, answers: []answer{hang, hang, ok200},
			sent: 3, waits: []time.Duration{0, 250 * time.Millisecond}, reasons: []retry.Reason{"stream-network", "stream-network"}, status: 200},
		{row: "2 network, non-idempotent POST /2/tweets", method: "POST", path: "/2/tweets", body: `{"text":"hello"}`, answers: []answer{hang, ok200},
			sent: 1, status: 0},
		{row: "3 network, GET", method: "GET", path: searchPath, answers: []answer{hang, ok200},
			sent: 2, waits: []time.Duration{500 * time.Millisecond}, reasons: []retry.Reason{"network-backoff"}, status: 200},
		{row: "4 usage-capped (429 with a usage-capped problem)", method: "GET", path: searchPath,
			answers: []answer{{status: 429, headers: map[string]string{"x-rate-limit-remaining": "39999"}, body: fixture(t, "429-usage-capped.json")}},
			sent:    1, status: 429, final: "usage-capped"},
		{row: "4 usage-capped (402 credits depleted)", method: "GET", path: searchPath,
			answers: []answer{rl(402, nil, `{"title":"Payment Required","type":"about:blank","status":402,"detail":"Payment Required"}`)},
			sent:    1, status: 402, final: "usage-capped"},
		{row: "5 stream 429 TooManyConnections", method: "GET", path: streamPath, answers: []answer{{status: 429, body: tooMany}, ok200},
			sent: 2, waits: []time.Duration{time.Minute}, reasons: []retry.Reason{"stream-too-many-connections"}, status: 200},
		{row: "6 429, app 24-hour cap at 0", method: "GET", path: searchPath,
			answers: []answer{rl(429, map[string]string{"x-app-limit-24hour-remaining": "0", "x-app-limit-24hour-reset": unix(600), "x-rate-limit-remaining": "10"}, ""), ok200},
			sent:    2, waits: []time.Duration{601 * time.Second}, reasons: []retry.Reason{"daily-cap"}, status: 200},
		{row: "7 429, remaining 0 with reset", method: "GET", path: searchPath,
			answers: []answer{rl(429, map[string]string{"x-rate-limit-remaining": "0", "x-rate-limit-reset": unix(30)}, string(fixture(t, "429-about-blank.json"))), ok200},
			sent:    2, waits: []time.Duration{31 * time.Second}, reasons: []retry.Reason{"rate-limit-reset"}, status: 200},
		{row: "8 429, remaining > 0: X's per-second limit", method: "GET", path: searchPath,
			answers: []answer{rl(429, map[string]string{"x-rate-limit-remaining": "299", "x-rate-limit-reset": unix(900)}, ""), ok200},
			sent:    2, waits: []time.Duration{1125 * time.Millisecond}, reasons: []retry.Reason{"per-second-limit"}, status: 200},
		{row: "9 429, only reset", method: "GET", path: searchPath,
			answers: []answer{rl(429, map[string]string{"x-rate-limit-reset": unix(20)}, ""), ok200},
			sent:    2, waits: []time.Duration{21 * time.Second}, reasons: []retry.Reason{"rate-limit-reset"}, status: 200},
		{row: "10 429 without rate-limit headers (plain text)", method: "GET", path: searchPath,
			answers: []answer{{status: 429, body: fixture(t, "429-plain-text.txt")}, ok200},
			sent:    2, waits: []time.Duration{time.Minute}, reasons: []retry.Reason{"rate-limit-backoff"}, status: 200},
		{row: "11 stream operational-disconnect line: never retried mid-body", method: "GET", path: streamPath,
			answers: []answer{{status: 200, body: disconnect}},
			sent:    1, status: 200},
		{row: "12 stream ProvisioningSubscription", method: "GET", path: streamPath, answers: []answer{{status: 503, body: provisioning}, ok200},
			sent: 2, waits: []time.Duration{time.Minute}, reasons: []retry.Reason{"stream-provisioning"}, status: 200},
		{row: "13 stream 5xx", method: "GET", path: streamPath, answers: []answer{rl(500, nil, ""), rl(502, nil, ""), ok200},
			sent: 3, waits: []time.Duration{5 * time.Second, 10 * time.Second}, reasons: []retry.Reason{"stream-http-error", "stream-http-error"}, status: 200},
		{row: "14 5xx, non-idempotent POST /2/tweets", method: "POST", path: "/2/tweets", body: `{"text":"hello"}`, answers: []answer{rl(503, nil, ""), ok200},
			sent: 1, status: 503, final: "non-idempotent"},
		{row: "15 5xx, GET", method: "GET", path: searchPath, answers: []answer{rl(503, nil, ""), rl(500, nil, ""), ok200},
			sent: 3, waits: []time.Duration{500 * time.Millisecond, time.Second}, reasons: []retry.Reason{"server-error-backoff", "server-error-backoff"}, status: 200},
		{row: "16 stream 409 RuleConfigurationIssue", method: "GET", path: streamPath, answers: []answer{rl(409, nil, rules409), ok200},
			sent: 1, status: 409, final: "stream-rules"},
		{row: "17 other 4xx", method: "GET", path: searchPath, answers: []answer{{status: 400, body: fixture(t, "400-invalid-request-empty-ids.json")}, ok200},
			sent: 1, status: 400, final: "client-error"},
		{row: "18 success", method: "GET", path: searchPath, answers: []answer{ok200}, sent: 1, status: 200},
		{row: "18 partial", method: "GET", path: "/2/tweets?ids=1,2", answers: []answer{{status: 200, body: fixture(t, "200-partial-not-found.json")}}, sent: 1, status: 200},
		{row: "19 3xx", method: "GET", path: searchPath, answers: []answer{rl(302, map[string]string{"Location": "/elsewhere"}, "")}, sent: 1, status: 302, final: "not-retryable"},

		{row: "Retry-After longer than the backoff", method: "GET", path: searchPath, answers: []answer{rl(503, map[string]string{"Retry-After": "7"}, ""), ok200},
			sent: 2, waits: []time.Duration{7 * time.Second}, reasons: []retry.Reason{"retry-after"}, status: 200},
		{row: "attempts cap", method: "GET", path: searchPath, opts: []Option{WithMaxAttempts(3)}, answers: []answer{rl(503, nil, "")},
			sent: 3, waits: []time.Duration{500 * time.Millisecond, time.Second}, reasons: []retry.Reason{"server-error-backoff", "server-error-backoff"}, status: 503, final: "attempts-exhausted"},
		{row: "wait cap: park until the reset", method: "GET", path: searchPath,
			answers: []answer{rl(429, map[string]string{"x-rate-limit-remaining": "0", "x-rate-limit-reset": unix(3600)}, "")},
			sent:    1, status: 429, final: "rate-limit-reset"},
		{row: "state-setting POST is retried after a 5xx, body rewound", method: "POST", path: "/2/users/123/likes", body: `{"tweet_id":"1460323737035677698"}`,
			answers: []answer{rl(503, nil, ""), ok200},
			sent:    2, waits: []time.Duration{500 * time.Millisecond}, reasons: []retry.Reason{"server-error-backoff"}, status: 200},
	}
	for _, tc := range tests {
		t.Run(tc.row, func(t *testing.T) {
			s := newStandin(t, tc.answers...)
			clock := newFakeClock()
			var reasons []retry.Reason
			opts := append([]Option{OnRetry(func(e RetryEvent) { reasons = append(reasons, e.Advice.Reason) })}, tc.opts...)
			tr := s.transport(t, clock, opts...)
			var body io.Reader
			if tc.body != "" {
				body = strings.NewReader(tc.body)
			}
			req, err := http.NewRequest(tc.method, s.URL+tc.path, body)
			if err != nil {
				t.Fatal(err)
			}
			if tc.body != "" {
				req.Header.Set("Content-Type", "application/json")
			}
			resp, err := tr.RoundTrip(req)
			got := s.requests()
			if len(got) != tc.sent {
				t.Errorf("the stand-in got %d requests, want %d", len(got), tc.sent)
			}
			for i, g := range got {
				if string(g.body) != tc.body {
					t.Errorf("request %d carried body %q, want %q", i+1, g.body, tc.body)
				}
			}
			if !equalDurations(clock.sleeps(), tc.waits) {
				t.Errorf("waits %v, want %v", clock.sleeps(), tc.waits)
			}
			if !equalReasons(reasons, tc.reasons) {
				t.Errorf("OnRetry reasons %v, want %v", reasons, tc.reasons)
			}
			if tc.status == 0 {
				if err == nil {
					resp.Body.Close()
					t.Fatalf("got status %d, want a network error", resp.StatusCode)
				}
				return
			}
			if err != nil {
				t.Fatalf("RoundTrip: %v", err)
			}
			defer resp.Body.Close()
			if resp.StatusCode != tc.status {
				t.Errorf("status %d, want %d", resp.StatusCode, tc.status)
			}
			res := ResultOf(resp)
			if res == nil {
				t.Fatal("ResultOf: nil")
			}
			if res.Attempts != tc.sent {
				t.Errorf("Result.Attempts %d, want %d", res.Attempts, tc.sent)
			}
			var final retry.Reason
			if res.Advice != nil {
				final = res.Advice.Reason
			}
			if final != tc.final {
				t.Errorf("final advice %q, want %q", final, tc.final)
			}
			if res.Stopped != tc.stopped {
				t.Errorf("Stopped %q, want %q", res.Stopped, tc.stopped)
			}
			// The body comes back byte for byte as the stand-in sent it.
			b, _ := io.ReadAll(resp.Body)
			last := tc.answers[min(tc.sent, len(tc.answers))-1]
			if !bytes.Equal(b, last.body) {
				t.Errorf("body %q, want %q", b, last.body)
			}
		})
	}
}

func equalDurations(a, b []time.Duration) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func equalReasons(a, b []retry.Reason) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestRetryStops covers what stops a retry core/retry allows: the
// request's deadline, and a streamed body with no GetBody.
func TestRetryStops(t *testing.T) {
	reset := answer{status: 429, headers: map[string]string{"x-rate-limit-remaining": "0", "x-rate-limit-reset": unix(30)}}
	t.Run("deadline before the reset", func(t *testing.T) {
		s := newStandin(t, reset, ok200)
		// The deadline is real time; the clock starts now so the two agree.
		// The reset wait is anchored on the answer's Date, whatever the clock.
		clock := &fakeClock{t: time.Now()}
		tr := s.transport(t, clock)
		ctx, cancel := context.WithDeadline(context.Background(), clock.now().Add(10*time.Second))
		defer cancel()
		req, _ := http.NewRequestWithContext(ctx, "GET", s.URL+searchPath, nil)
		resp, err := tr.RoundTrip(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		res := ResultOf(resp)
		if resp.StatusCode != 429 || res.Stopped != StopDeadline || len(s.requests()) != 1 || len(clock.sleeps()) != 0 {
			t.Fatalf("status %d stopped %q sent %d slept %v; want 429, deadline, 1, none", resp.StatusCode, res.Stopped, len(s.requests()), clock.sleeps())
		}
		var rle *RateLimitError
		if err := CheckResponse(resp); !errors.As(err, &rle) || rle.Stopped != StopDeadline || !rle.Reset.Equal(epoch.Add(30*time.Second)) {
			t.Fatalf("CheckResponse: %v", err)
		}
	})
	t.Run("cancelled while waiting", func(t *testing.T) {
		s := newStandin(t, reset, ok200)
		ctx, cancel := context.WithCancel(context.Background())
		clock := newFakeClock()
		tr := s.transport(t, clock, WithSleep(func(ctx context.Context, d time.Duration) error { cancel(); return ctx.Err() }))
		req, _ := http.NewRequestWithContext(ctx, "GET", s.URL+searchPath, nil)
		if _, err := tr.RoundTrip(req); !errors.Is(err, context.Canceled) {
			t.Fatalf("err %v, want context.Canceled", err)
		}
	})
	big := bytes.Repeat([]byte("x"), defaultBodyMax+10)
	t.Run("over-bound body without GetBody", func(t *testing.T) {
		s := newStandin(t, answer{status: 429, headers: map[string]string{"x-rate-limit-remaining": "3"}}, ok200)
		tr := s.transport(t, newFakeClock())
		req, _ := http.NewRequest("POST", s.URL+"/2/tweets", io.NopCloser(bytes.NewReader(big)))
		resp, err := tr.RoundTrip(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		res := ResultOf(resp)
		if res.Stopped != StopBodyNotRewindable || res.Request != nil || len(s.requests()) != 1 || !bytes.Equal(s.requests()[0].body, big) {
			t.Fatalf("stopped %q judged %v sent %d", res.Stopped, res.Request != nil, len(s.requests()))
		}
	})
	t.Run("over-bound body rewound with GetBody", func(t *testing.T) {
		s := newStandin(t, answer{status: 429, headers: map[string]string{"x-rate-limit-remaining": "3"}}, ok200)
		tr := s.transport(t, newFakeClock())
		req, _ := http.NewRequest("POST", s.URL+"/2/tweets", bytes.NewReader(big)) // sets GetBody
		resp, err := tr.RoundTrip(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		got := s.requests()
		if resp.StatusCode != 200 || len(got) != 2 || !bytes.Equal(got[0].body, big) || !bytes.Equal(got[1].body, big) {
			t.Fatalf("status %d, %d requests", resp.StatusCode, len(got))
		}
	})
}

// TestStreamBodyUnread: a stream's 2xx body reaches the caller unread and
// in full, as it arrives.
func TestStreamBodyUnread(t *testing.T) {
	line := `{"data":{"id":"1","text":"hi"},"matching_rules":[{"id":"2","tag":"t"}]}` + "\r\n"
	s := newStandin(t, answer{status: 200, body: []byte(line + "\r\n" + line)})
	tr := s.transport(t, newFakeClock())
	req, _ := http.NewRequest("GET", s.URL+streamPath, nil)
	resp, err := tr.RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	res := ResultOf(resp)
	if !res.Stream || res.Response().Class != apierr.Success {
		t.Fatalf("stream %v class %s", res.Stream, res.Response().Class)
	}
	b, _ := io.ReadAll(resp.Body)
	if string(b) != line+"\r\n"+line {
		t.Fatalf("body %q", b)
	}
}
