package wire

import (
	"encoding/json"
	"strings"
	"testing"
)

// hostile are the worst cases of input shape for the call stack and the
// answer size, at each limit and past it. Run under GOOS=js (build.sh
// runs core/... on Node) they are the proof that no input exhausts the
// WebAssembly stack: every recursion over input is bounded by
// query.MaxDepth (256 groups) or jsonnest.MaxDepth (64 levels of JSON).
func hostile() []struct{ name, op, request string } {
	str := func(s string) string { b, _ := json.Marshal(s); return string(b) }
	groups := func(n int) string { return strings.Repeat("(", n) + "cat" + strings.Repeat(")", n) }
	arrays := func(n int) string { return strings.Repeat("[", n) + strings.Repeat("]", n) }
	objects := func(n int) string { return strings.Repeat(`{"a":`, n) + "1" + strings.Repeat("}", n) }
	return []struct{ name, op, request string }{
		{"256 groups (the parser's depth)", "validateQuery", `{"query":` + str(groups(256)) + `,"tier":"enterprise","endpoint":"search_all"}`},
		{"2,046 groups (the most 4,096 characters hold around a word)", "validateQuery", `{"query":` + str(groups(2046)) + `,"tier":"enterprise","endpoint":"search_all"}`},
		{"4,096 unclosed '('", "validateQuery", `{"query":` + str(strings.Repeat("(", 4096)) + `,"tier":"enterprise","endpoint":"search_all"}`},
		{"2,048 negated groups", "validateQuery", `{"query":` + str(strings.Repeat("-(", 2048)) + `,"tier":"enterprise","endpoint":"search_all"}`},
		{"1,023 groups in a rule", "validateRequest", `{"method":"POST","url":"/2/tweets/search/stream/rules","headers":{"content-type":"application/json"},"body":` + str(`{"add":[{"value":`+str(groups(1023))+`}]}`) + `,"tier":"enterprise"}`},
		{"2,047 groups in the URL", "validateRequest", `{"method":"GET","url":` + str("/2/tweets/search/all?query="+strings.Repeat("%28", 2047)+"cat"+strings.Repeat("%29", 2047)) + `,"tier":"enterprise"}`},
		{"body of 64 levels (decoded)", "validateRequest", `{"method":"POST","url":"/2/tweets","headers":{"content-type":"application/json"},"body":` + str(`{"text":"a","reply":`+arrays(63)+`}`) + `}`},
		{"body of 9,999 levels", "validateRequest", `{"method":"POST","url":"/2/tweets","headers":{"content-type":"application/json"},"body":` + str(arrays(9999)) + `}`},
		{"body of 100,000 '['", "validateRequest", `{"method":"POST","url":"/2/tweets","headers":{"content-type":"application/json"},"body":` + str(strings.Repeat("[", 100_000)) + `}`},
		{"rules body of 9,999 levels", "validateRequest", `{"method":"POST","url":"/2/tweets/search/stream/rules","headers":{"content-type":"application/json"},"body":` + str(`{"add":`+arrays(9999)+`}`) + `}`},
		{"response of 64 levels (decoded)", "parseResponse", `{"status":400,"body":` + str(`{"errors":[`+objects(63)+`]}`) + `}`},
		{"response error item of 9,999 levels", "parseResponse", `{"status":400,"body":` + str(`{"errors":[`+objects(9998)+`]}`) + `}`},
		{"response data of 9,999 levels", "parseResponse", `{"status":200,"body":` + str(`{"data":`+arrays(9998)+`}`) + `}`},
		{"retry advice on a body of 9,999 levels", "adviseRetry", `{"attempt":1,"status":429,"now":0,"body":` + str(`{"errors":[`+objects(9998)+`]}`) + `}`},
		{"request itself 9,999 levels deep", "validateQuery", `{"query":"cat","tier":` + arrays(9999) + `}`},
		{"unknown field 9,999 levels deep", "validateRequest", `{"method":"GET","url":"/2/tweets","x":` + objects(9999) + `}`},
	}
}

// Every hostile request gets a well-formed answer under 64 KiB: a result,
// or a bad-input error, never internal (a panic) and never a crash.
func TestHostileWorstCases(t *testing.T) {
	for _, tt := range hostile() {
		t.Run(tt.name, func(t *testing.T) {
			out := Handle(tt.op, []byte(tt.request))
			var env struct {
				OK    bool   `json:"ok"`
				Error *Error `json:"error"`
			}
			if err := json.Unmarshal(out, &env); err != nil {
				t.Fatalf("answer is not JSON: %v: %.200s", err, out)
			}
			if !env.OK && env.Error.Code != CodeBadInput {
				t.Errorf("error %s: %s", env.Error.Code, env.Error.Message)
			}
			if len(out) > 64<<10 {
				t.Errorf("answer is %d bytes, over 64 KiB", len(out))
			}
		})
	}
}

// Requests over an op's limit are refused before decoding, naming it.
func TestRequestLimits(t *testing.T) {
	for _, op := range []string{"validateQuery", "validateRequest", "parseResponse"} {
		n := MaxRequestBytes(op)
		over := `{"query":"` + strings.Repeat("a", n) + `"}`
		out := string(Handle(op, []byte(over)))
		if !strings.Contains(out, `"code":"bad-input"`) || !strings.Contains(out, "at most") {
			t.Errorf("%s over %d bytes: %.300s", op, n, out)
		}
	}
	// at the limit the request is decoded: a 4,097-character query is a finding
	q := strings.Repeat("a", 4097)
	out := string(Handle("validateQuery", []byte(`{"query":"`+q+`"}`)))
	if !strings.Contains(out, `"ok":true`) || !strings.Contains(out, "query-too-long") {
		t.Errorf("4,097-character query: %.300s", out)
	}
}
