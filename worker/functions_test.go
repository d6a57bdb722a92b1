package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/xpreflight/xpreflight/worker/proxy"
)

type envelope struct {
	OK     bool            `json:"ok"`
	Result json.RawMessage `json:"result"`
	Error  *struct{ Code, Message string }
}

func call(t *testing.T, f func([]byte) []byte, fields ...string) envelope {
	t.Helper()
	return decode(t, f([]byte(strings.Join(fields, "\x00"))))
}

// decode reads a bridge answer, failing t unless it is one envelope.
func decode(t testing.TB, out []byte) envelope {
	t.Helper()
	var e envelope
	if err := json.Unmarshal(out, &e); err != nil || e.OK == (e.Error != nil) {
		t.Fatalf("%s is not an envelope (%v)", out, err)
	}
	return e
}

func TestConfigure(t *testing.T) {
	tests := []struct {
		name, config string
		result, code string
	}{
		{"origins sorted", `{"allowedOrigins":"https://b.example, https://a.example","bearerToken":"SECRET"}`, `{"apiOrigin":"https://api.x.com","timeoutMs":30000,"tier":"pay-per-use","classifySuccessBodies":true,"requestLog":"all","corsOrigins":["https://a.example","https://b.example"]}`, ""},
		{"none", `{}`, `{"apiOrigin":"https://api.x.com","timeoutMs":30000,"tier":"pay-per-use","classifySuccessBodies":true,"requestLog":"all","corsOrigins":[]}`, ""},
		{"settings applied", `{"apiOrigin":"http://127.0.0.1:9/","upstreamTimeoutMs":"1500","apiTier":"enterprise"}`, `{"apiOrigin":"http://127.0.0.1:9","timeoutMs":1500,"tier":"enterprise","classifySuccessBodies":true,"requestLog":"all","corsOrigins":[]}`, ""},
		{"bad origin", `{"apiOrigin":"ftp://x.example","bearerToken":"SECRET"}`, "", "bad-input"},
		{"short key", `{"preflightKey":"SECRET"}`, "", "bad-input"},
		{"wildcard refused", `{"allowedOrigins":"*","bearerToken":"SECRET"}`, "", "bad-input"},
		{"not JSON", `{`, "", "bad-input"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := call(t, configure, tt.config)
			if tt.code != "" {
				if e.OK || e.Error.Code != tt.code || strings.Contains(e.Error.Message, "SECRET") {
					t.Fatalf("got %+v, want %s without the secret", e.Error, tt.code)
				}
				return
			}
			if string(e.Result) != tt.result {
				t.Fatalf("result %s, want %s", e.Result, tt.result)
			}
		})
	}
}

func TestDecideAnnotateLocal(t *testing.T) {
	call(t, configure, `{"allowedOrigins":"https://app.example","preflightKeys":"k3y-secret-0123456789","bearerToken":"SERVERTOKEN"}`)
	tests := []struct {
		name   string
		f      func([]byte) []byte
		fields []string
		inRes  string // a substring of the result when ok
		code   string
	}{
		{"decide forwards", decide, []string{"GET", "/2/tweets/search/recent?query=cats", "1700000000000", "x-preflight-key: k3y-secret-0123456789\n"}, `"auth":"server"`, ""},
		{"decide refuses a wrong key", decide, []string{"GET", "/2/tweets/search/recent?query=cats", "1700000000000", "x-preflight-key: guess\n"}, `"status":401`, ""},
		{"decide rejects", decide, []string{"GET", "/2/tweets/search/recent?query=cats&max_results=5", "1700000000000", ""}, `"forward":false`, ""},
		{"decide with a body", decide, []string{"POST", "/2/tweets", "1700000000000", "content-type: application/json\n", `{"text":"hi"}`}, `"forward":true`, ""},
		{"decide: too few fields", decide, []string{"GET", "/2/x"}, "", "bad-input"},
		{"decide: bad now", decide, []string{"GET", "/2/x", "soon", ""}, "", "bad-input"},
		{"annotate with body and room", annotate, []string{"GET", "/2/tweets", "200", "1700000000000", "0.5", "", "x-rate-limit-remaining: 449\nx-rate-limit-reset: 1700000900\n", `{"data":[]}`}, `{"class":"success","roomUntil":1700000060000}`, ""},
		{"annotate streamed unread", annotate, []string{"GET", "/2/tweets/search/stream", "200", "1700000000000", "0.5", "1", ""}, `{"class":"success"}`, ""},
		{"annotate block", annotate, []string{"GET", "/2/tweets", "429", "1700000000000", "0.5", "", "x-rate-limit-remaining: 0\nx-rate-limit-reset: 1700000900\n", `{"title":"Too Many Requests","type":"about:blank","status":429,"detail":"Too Many Requests"}`}, `"block":{"until":1700000900000`, ""},
		{"annotate: bad status", annotate, []string{"GET", "/2/tweets", "ok", "1", "0", "", ""}, "", "bad-input"},
		{"annotate: too few fields", annotate, []string{"GET", "/2/tweets", "200"}, "", "bad-input"},
		{"local", local, []string{`{"until":1700000900000,"headers":{"x-rate-limit-remaining":"0"}}`, "1700000000000"}, `"retryAfterMs":900000`, ""},
		{"local: bad block", local, []string{`[]`, "1"}, "", "bad-input"},
		{"local: bad now", local, []string{`{"until":1}`, "x"}, "", "bad-input"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := call(t, tt.f, tt.fields...)
			if tt.code != "" {
				if e.OK || e.Error.Code != tt.code {
					t.Fatalf("got ok=%v %+v, want %s", e.OK, e.Error, tt.code)
				}
				return
			}
			if !e.OK || !strings.Contains(string(e.Result), tt.inRes) {
				t.Fatalf("got %s %+v, want a result containing %s", e.Result, e.Error, tt.inRes)
			}
		})
	}
}

func TestSplitFieldsIsSplitN(t *testing.T) {
	for _, payload := range []string{"", "a", "\x00", "a\x00b", "GET\x00/2/x\x001\x00h: v\n", "a\x00b\x00c\x00d\x00e\x00f\x00", "\x00\x00\x00\x00\x00\x00"} {
		var f [5][]byte
		n := splitFields([]byte(payload), f[:])
		want := bytes.SplitN([]byte(payload), []byte{0}, 5)
		if n != len(want) {
			t.Errorf("%q: %d fields, SplitN %d", payload, n, len(want))
			continue
		}
		for i := range want {
			if !bytes.Equal(f[i], want[i]) {
				t.Errorf("%q: field %d = %q, SplitN %q", payload, i, f[i], want[i])
			}
		}
	}
}

// TestDecideAnswerOutlivesItsPayload: decide reads its fields as views of
// the payload; the answer must not be one, since JS overwrites the buffer
// with the next call.
func TestDecideAnswerOutlivesItsPayload(t *testing.T) {
	call(t, configure, `{"bearerToken":"SERVERTOKEN"}`)
	for _, fields := range [][]string{
		{"GET", "/2/tweets/search/recent?query=cats", "1700000000000", "authorization: Bearer U\n"},
		{"GET", "/2/tweets/search/recent?query=cats&max_results=5", "1700000000000", "authorization: Bearer U\n"},
		{"POST", "/2/tweets", "1700000000000", "authorization: Bearer U\ncontent-type: application/json\n", `{"text":1}`},
		{"GET", "/2/nope/" + strings.Repeat("x", 40), "1700000000000", "x-preflight-tier: weird\n"},
	} {
		payload := []byte(strings.Join(fields, "\x00"))
		out := decide(payload)
		before := string(out)
		for i := range payload {
			payload[i] = '#'
		}
		if string(out) != before {
			t.Errorf("%q: the answer changed with its payload: %s, was %s", fields[1], out, before)
		}
	}
}

// FuzzSplitFields: splitFields is bytes.SplitN for any payload.
func FuzzSplitFields(f *testing.F) {
	f.Add([]byte("GET\x00/2/x\x001\x00h: v\n\x00body\x00with NUL"))
	f.Add([]byte(""))
	f.Fuzz(func(t *testing.T, payload []byte) {
		var got [5][]byte
		n := splitFields(payload, got[:])
		want := bytes.SplitN(payload, []byte{0}, 5)
		if n != len(want) {
			t.Fatalf("%q: %d fields, SplitN %d", payload, n, len(want))
		}
		for i := range want {
			if !bytes.Equal(got[i], want[i]) {
				t.Fatalf("%q: field %d = %q, SplitN %q", payload, i, got[i], want[i])
			}
		}
	})
}

// TestAnnotateAnswerOutlivesItsPayload: annotate reads its fields as views
// of the payload; the answer must not be one (a block's headers are X's).
func TestAnnotateAnswerOutlivesItsPayload(t *testing.T) {
	for _, fields := range [][]string{
		{"GET", "/2/tweets", "200", "1700000000000", "0.5", "", "x-rate-limit-remaining: 449\nx-rate-limit-reset: 1700000900\n", `{"data":[]}`},
		{"GET", "/2/tweets", "429", "1700000000000", "0.5", "", "x-rate-limit-limit: 450\nx-rate-limit-remaining: 0\nx-rate-limit-reset: 1700000900\n", `{"title":"Too Many Requests","type":"about:blank","status":429}`},
		{"GET", "/2/tweets", "200", "1700000000000", "0.5", "", "x-rate-limit-remaining: 0\nx-rate-limit-reset: 1700000900\nX-App-Limit-24hour-Remaining: 0\nx-app-limit-24hour-reset: 1700000950\n", `{"data":{"errors":1`},
	} {
		payload := []byte(strings.Join(fields, "\x00"))
		out := annotate(payload)
		before := string(out)
		for i := range payload {
			payload[i] = '#'
		}
		if string(out) != before {
			t.Errorf("%q: the answer changed with its payload: %s, was %s", fields[6], out, before)
		}
	}
}

// TestAnnotateForgetsTheLastAnswer: the header map annotate keeps between
// calls carries nothing from one answer into the next, and one grown past
// keepHeaders is let go.
func TestAnnotateForgetsTheLastAnswer(t *testing.T) {
	many := "x-rate-limit-remaining: 0\nx-rate-limit-reset: 1700000900\n"
	for i := range keepHeaders + 1 {
		many += "x-h" + strings.Repeat("i", i) + ": v\n"
	}
	for _, step := range []struct{ lines, want string }{
		{"x-rate-limit-remaining: 449\nx-rate-limit-reset: 1700000900\n", `{"class":"success","roomUntil":1700000060000}`},
		{"content-type: application/json\n", `{"class":"success"}`},
		{many, `{"class":"success","block":{"until":1700000900000,"headers":{"x-rate-limit-remaining":"0","x-rate-limit-reset":"1700000900"}}}`},
		{"", `{"class":"success"}`},
	} {
		e := call(t, annotate, "GET", "/2/tweets", "200", "1700000000000", "0.5", "", step.lines, `{"data":[]}`)
		if string(e.Result) != step.want {
			t.Fatalf("after headers %q: %s, want %s", step.lines, e.Result, step.want)
		}
		if len(answerHeaders) != 0 || len(rateHeaders) != 0 {
			t.Fatalf("annotate left %d and %d headers in its maps", len(answerHeaders), len(rateHeaders))
		}
	}
}

// TestDecideForgetsTheLastRequest: the header map decide keeps between calls
// carries nothing from one request into the next (a credential least of
// all), and one grown past keepHeaders is let go.
func TestDecideForgetsTheLastRequest(t *testing.T) {
	if e := call(t, configure, `{"apiOrigin":"http://127.0.0.1:1"}`); !e.OK {
		t.Fatalf("configure: %+v", e.Error)
	}
	many := "authorization: Bearer MANY\n"
	for i := range keepHeaders + 1 {
		many += "x-h" + strings.Repeat("i", i) + ": v\n"
	}
	const target = "/2/tweets/search/recent?query=cats"
	// The rate key names the credential the request carried (proxy.RateKey).
	for _, step := range []struct{ lines, auth, key string }{
		{"authorization: Bearer CALLER\n", "caller", proxy.RateKey("Bearer CALLER", "GET /2/tweets/search/recent")},
		{"accept: */*\n", "none", proxy.RateKey("", "GET /2/tweets/search/recent")},
		{many, "caller", proxy.RateKey("Bearer MANY", "GET /2/tweets/search/recent")},
		{"Authorization: Bearer UPPER\n", "caller", proxy.RateKey("Bearer UPPER", "GET /2/tweets/search/recent")},
		{"", "none", proxy.RateKey("", "GET /2/tweets/search/recent")},
	} {
		e := call(t, decide, "GET", target, "1700000000000", step.lines)
		var d struct {
			Forward             bool
			Auth, Authorization string
		}
		if err := json.Unmarshal(e.Result, &d); err != nil || !d.Forward || d.Auth != step.auth {
			t.Fatalf("after headers %q: %s, want forwarded with auth %s", step.lines, e.Result, step.auth)
		}
		if len(requestHeaders) != 0 {
			t.Fatalf("decide left %d headers in its map", len(requestHeaders))
		}
	}
}
