package proxy

import (
	"encoding/json"
	"maps"
	"reflect"
	"strings"
	"testing"
)

func testGate(t *testing.T) *Gate {
	t.Helper()
	g, err := NewGate(Config{AllowedOrigins: "https://app.example", Keys: testKey, Token: "SERVERTOKEN"})
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func TestDecideRefusesPathsBeforeValidating(t *testing.T) {
	g := testGate(t)
	for _, target := range []string{"/2/tweets/%2e%2e/%2e%2e/admin", "/2//evil.example/x", "/2/a\\b"} {
		d := g.Decide(Inbound{Method: "GET", Target: target, Headers: Headers{"origin": "https://app.example"}, Now: 1})
		if d.Forward || d.Status != 400 || d.Validator != ValidatorPath {
			t.Errorf("Decide(%q) = %+v, want a 400 path rejection", target, d)
		}
		var p Problem
		if err := json.Unmarshal(d.Problem, &p); err != nil || p.Type != "about:blank" || p.Status != 400 {
			t.Errorf("problem %s is not an about:blank 400 problem (%v)", d.Problem, err)
		}
		if d.Authorization != "" || strings.Contains(string(d.Problem), "SERVERTOKEN") {
			t.Errorf("a refused request carries the server token: %+v", d)
		}
	}
}

func TestDecideForwardsValidRequests(t *testing.T) {
	g := testGate(t)
	d := g.Decide(Inbound{Method: "GET", Target: "/2/tweets/search/recent?query=from%3AXDevelopers&max_results=10",
		Headers: Headers{"x-preflight-key": testKey}, Now: 1_700_000_000_000})
	if !d.Forward {
		t.Fatalf("a valid search request was rejected: %+v (%s)", d, d.Problem)
	}
	if d.Auth != AuthServer || d.Authorization != "Bearer SERVERTOKEN" || len(d.Key) != 64 {
		t.Errorf("decision %+v: want the server token and a 64-hex key", d)
	}
	if d.Validator != ValidatorValid || d.Route != "GET /2/tweets/search/recent" {
		t.Errorf("validator %q route %q, want valid GET /2/tweets/search/recent", d.Validator, d.Route)
	}
}

func TestDecideRejectsWithXsProblem(t *testing.T) {
	g := testGate(t)
	d := g.Decide(Inbound{Method: "GET", Target: "/2/tweets/search/recent?query=cats&max_results=5",
		Headers: Headers{"origin": "https://app.example"}, Now: 1_700_000_000_000})
	if d.Forward || d.Status != 400 || d.Validator != ValidatorInvalid {
		t.Fatalf("Decide = %+v, want a 400 rejection by the validator", d)
	}
	var p struct {
		Type   string `json:"type"`
		Errors []struct {
			Parameters map[string][]string `json:"parameters"`
		} `json:"errors"`
	}
	if err := json.Unmarshal(d.Problem, &p); err != nil {
		t.Fatal(err)
	}
	if p.Type != "https://api.x.com/2/problems/invalid-request" || len(p.Errors) == 0 || p.Errors[0].Parameters["max_results"][0] != "5" {
		t.Errorf("problem %s: want X's invalid-request problem naming max_results [5]", d.Problem)
	}
	if strings.Contains(string(d.Problem), "SERVERTOKEN") {
		t.Error("the problem echoes the server token")
	}
}

func TestDecidePublicReadOnly(t *testing.T) {
	g, err := NewGate(Config{PublicReadOrigins: "https://public.example", PublicRateLimiter: true, Token: "SERVERTOKEN"})
	if err != nil {
		t.Fatal(err)
	}
	public := Headers{"origin": "https://public.example", "cf-connecting-ip": "203.0.113.9"}
	tests := []struct {
		method, target string
		auth           Auth
		client         string
	}{
		{"GET", "/2/tweets/search/recent?query=cats", AuthPublic, "ip:203.0.113.9"},
		{"GET", "/2/users/by/username/XDevelopers", AuthPublic, "ip:203.0.113.9"},
		{"GET", "/2/tweets/search/stream", AuthNone, ""},                       // a stream connection is never public
		{"GET", "/2/tweets/sample10/stream?partition=1", AuthNone, ""},         // nor the volume streams
		{"GET", "/2/tweets/search/stream/rules", AuthPublic, "ip:203.0.113.9"}, // rules are ordinary reads
	}
	for _, tt := range tests {
		d := g.Decide(Inbound{Method: tt.method, Target: tt.target, Headers: public, Now: testNow})
		if d.Auth != tt.auth || d.Client != tt.client || (d.Authorization != "") != (tt.auth == AuthPublic) {
			t.Errorf("%s %s: auth %q client %q authorization set %v; want %q %q", tt.method, tt.target, d.Auth, d.Client, d.Authorization != "", tt.auth, tt.client)
		}
	}
}

// Decide marks a request for piping exactly when the route table says the
// operation is a stream (params.IsStream), the firehose language streams
// included.
func TestDecideMarksStreams(t *testing.T) {
	g := testGate(t)
	for target, want := range map[string]bool{
		"/2/tweets/search/stream": true, "/2/tweets/sample10/stream?partition=1": true,
		"/2/tweets/firehose/stream/lang/en?partition=1": true, "/2/tweets/firehose/stream/lang/pt?partition=1": true,
		"/2/tweets/search/stream/rules": false, "/2/tweets/search/recent?query=cat": false, "/2/made/up/stream": false, // a route the spec does not know is forwarded and read, not piped
	} {
		d := g.Decide(Inbound{Method: "GET", Target: target, Headers: Headers{"x-preflight-key": testKey}, Now: 1})
		if !d.Forward {
			t.Fatalf("Decide(%q) refused: %+v (%s)", target, d, d.Problem)
		}
		if d.Stream != want {
			t.Errorf("Decide(%q).Stream = %v, want %v (%+v)", target, d.Stream, want, d)
		}
	}
}

func TestForwardedHeaders(t *testing.T) {
	tests := []struct {
		name          string
		h             Headers
		authorization string
		want          Headers
		same          bool // the map itself comes back, not a copy
	}{
		{"caller's own, nothing else to drop", Headers{"authorization": "Bearer U", "accept": "*/*"}, "Bearer U",
			Headers{"authorization": "Bearer U", "accept": "*/*"}, true},
		{"no credential at all", Headers{"accept": "*/*"}, "", Headers{"accept": "*/*"}, true},
		{"empty map", Headers{}, "", Headers{}, true},
		{"a key is dropped, the server's token set", Headers{HeaderKey: "k", "accept": "*/*"}, "Bearer S",
			Headers{"authorization": "Bearer S", "accept": "*/*"}, false},
		{"a token is dropped", Headers{HeaderToken: "v1.x", "authorization": "Bearer U"}, "Bearer U",
			Headers{"authorization": "Bearer U"}, false},
		{"a refused credential: authorization dropped", Headers{"authorization": "Bearer U"}, "", Headers{}, false},
		{"an empty authorization is dropped", Headers{"authorization": ""}, "", Headers{}, false},
		{"another spelling chosen by header.Get", Headers{"Authorization": "A", "authorization": "B"}, "A",
			Headers{"Authorization": "A", "authorization": "A"}, false},
		{"public use replaces nothing sent", Headers{"origin": "https://p.example"}, "Bearer S",
			Headers{"origin": "https://p.example", "authorization": "Bearer S"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := maps.Clone(tt.h)
			got := forwardedHeaders(tt.h, tt.authorization)
			if !maps.Equal(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
			if !maps.Equal(tt.h, before) {
				t.Errorf("the request's own headers changed: %v, were %v", tt.h, before)
			}
			if same := reflect.ValueOf(got).UnsafePointer() == reflect.ValueOf(tt.h).UnsafePointer(); same != tt.same {
				t.Errorf("returned the request's own map: %v, want %v", same, tt.same)
			}
		})
	}
}
