package proxy

import (
	"encoding/json"
	"strings"
	"testing"
)

// checkAppendJSON fails t unless v.AppendJSON writes what encoding/json
// writes for fields (v as its struct tags describe it), error for error.
// Decision and Annotation encode themselves (bridge.Appender): this is the
// one check that they say what reflection would.
func checkAppendJSON(t testing.TB, v interface{ AppendJSON([]byte) ([]byte, error) }, fields any) {
	t.Helper()
	want, wantErr := json.Marshal(fields)
	got, err := v.AppendJSON([]byte("prefix"))
	if (err != nil) != (wantErr != nil) {
		t.Fatalf("AppendJSON(%+v) error %v, encoding/json %v", v, err, wantErr)
	}
	if err != nil {
		return
	}
	if string(got) != "prefix"+string(want) {
		t.Fatalf("AppendJSON(%+v)\n got %s\nwant prefix%s", v, got, want)
	}
}

func checkDecisionJSON(t testing.TB, d Decision) {
	t.Helper()
	checkAppendJSON(t, d, decisionFields(d))
}

func TestDecisionJSONMatchesEncodingJSON(t *testing.T) {
	hostile := "q\"b\\s\x00\x1f\n<>&\u2028\u2029\xff猫"
	tests := []struct {
		name string
		d    Decision
	}{
		{"zero", Decision{}},
		{"forward, every field", Decision{Forward: true, Path: "/2/tweets?a=1&b=2", Authorization: "Bearer T",
			Auth: AuthServer, Key: strings.Repeat("ab", 32), Client: "ip:203.0.113.9", Stream: true,
			Route: "GET /2/tweets", Validator: ValidatorValid, Reason: "r", Warnings: "a,b"}},
		{"the bench's answer", Decision{Forward: true, Auth: AuthCaller, Key: strings.Repeat("f4", 32),
			Route: "GET /2/tweets/search/recent", Validator: ValidatorValid}},
		{"hostile strings in every string field", Decision{Forward: true, Path: hostile, Authorization: hostile,
			Auth: Auth(hostile), Key: hostile, Client: hostile, Route: hostile, Validator: hostile, Reason: hostile, Warnings: hostile}},
		{"status without problem", Decision{Status: 429, Validator: ValidatorInvalid}},
		{"negative status", Decision{Status: -1}},
		{"rejection", Decision{Status: 400, Problem: json.RawMessage(`{"title":"<x>","detail":"a\u2028"}`), Validator: ValidatorPath}},
		{"rejection, problem with spaces", Decision{Status: 400, Problem: json.RawMessage("{ \"a\" : [1, 2] }\n"), Validator: ValidatorInvalid}},
		{"rejection, problem not JSON", Decision{Status: 400, Problem: json.RawMessage(`{"a":`)}},
		{"empty problem is omitted", Decision{Status: 400, Problem: json.RawMessage{}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkDecisionJSON(t, tt.d) })
	}
}

func TestDecisionJSONOfRealDecisions(t *testing.T) {
	g, err := NewGate(Config{AllowedOrigins: "https://app.example", Keys: testKey, Token: "SERVERTOKEN",
		PublicReadOrigins: "https://public.example", PublicRateLimiter: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, in := range []Inbound{
		{Method: "GET", Target: benchTarget, Headers: Headers{"authorization": "Bearer X"}},
		{Method: "GET", Target: "/2/tweets/search/recent?query=cats&max_results=5"},
		{Method: "GET", Target: "/2/tweets/search/stream", Headers: Headers{"x-preflight-key": testKey}},
		{Method: "GET", Target: "/2/tweets/search/recent?query=cats", Headers: Headers{"origin": "https://public.example"}},
		{Method: "GET", Target: "/2/tweets/%2e%2e"},
		{Method: "GET", Target: "/2/tweets", Headers: Headers{"x-preflight-token": "v1.1.x.y"}},
		{Method: "GET", Target: "/2/not/a/route", Headers: Headers{TierHeader: "nope"}},
		{Method: "POST", Target: "/2/tweets", Headers: Headers{"content-type": "application/json"}, Body: `{"text":"<b>&</b>"}`},
	} {
		in.Now = 1_700_000_000_000
		checkDecisionJSON(t, g.Decide(in))
	}
}

func FuzzDecisionJSON(f *testing.F) {
	f.Add(true, 0, "", "/2/x?a=<b>", "Bearer \xff", "caller", "valid", "w\u2028")
	f.Add(false, 400, `{"a":1}`, "", "", "none", "path", "")
	f.Add(false, 401, `{"a":`, "", "", "", "", "")
	f.Fuzz(func(t *testing.T, forward bool, status int, problem, path, authorization, auth, validator, warnings string) {
		d := Decision{Forward: forward, Status: status, Path: path, Authorization: authorization, Auth: Auth(auth),
			Key: path, Client: authorization, Stream: forward, Route: warnings, Validator: validator, Reason: auth, Warnings: warnings}
		if problem != "" {
			d.Problem = json.RawMessage(problem)
		}
		checkDecisionJSON(t, d)
	})
}

func BenchmarkDecisionJSON(b *testing.B) {
	d := Decision{Forward: true, Auth: AuthCaller, Key: strings.Repeat("f4", 32),
		Route: "GET /2/tweets/search/recent", Validator: ValidatorValid}
	b.Run("AppendJSON", func(b *testing.B) {
		buf := make([]byte, 0, 256)
		for b.Loop() {
			buf, _ = d.AppendJSON(buf[:0])
		}
	})
	b.Run("encoding-json", func(b *testing.B) {
		for b.Loop() {
			json.Marshal(d)
		}
	})
}
