package wire

import (
	"encoding/json"
	"strings"
	"testing"
)

type response struct {
	OK     bool            `json:"ok"`
	Result json.RawMessage `json:"result"`
	Error  *Error          `json:"error"`
}

func call(t *testing.T, op, request string) response {
	t.Helper()
	out := Handle(op, []byte(request))
	var r response
	if err := json.Unmarshal(out, &r); err != nil {
		t.Fatalf("Handle(%q, %q) returned invalid JSON %q: %v", op, request, out, err)
	}
	return r
}

func TestHandleFailures(t *testing.T) {
	tests := []struct {
		name, op, request, code, inMessage string
	}{
		{"unknown op", "frobnicate", `{}`, CodeUnknownOp, `"frobnicate"`},
		{"empty op", "", `{}`, CodeUnknownOp, `unknown op ""`},
		{"empty body", "validateQuery", ``, CodeBadInput, "empty request"},
		{"not JSON", "validateQuery", `{"query":`, CodeBadInput, "unexpected end"},
		{"syntax error", "validateQuery", `{"query" "x"}`, CodeBadInput, "at byte"},
		{"array", "validateQuery", `["x"]`, CodeBadInput, "expected"},
		{"wrong type", "validateQuery", `{"query": 5}`, CodeBadInput, `field "query"`},
		{"unknown field", "validateQuery", `{"query":"a","qeury":"b"}`, CodeBadInput, `"qeury"`},
		{"trailing data", "validateQuery", `{"query":"a"} {}`, CodeBadInput, "after the JSON object"},
		{"missing query", "validateQuery", `{"endpoint":"search_all"}`, CodeBadInput, `missing field "query"`},
		{"fixQuery missing query", "fixQuery", `{"apply":"all"}`, CodeBadInput, `missing field "query"`},
		{"bad endpoint", "validateQuery", `{"query":"a","endpoint":"search"}`, CodeBadInput, `unknown endpoint "search"`},
		{"bad tier", "validateQuery", `{"query":"a","tier":"elevated"}`, CodeBadInput, `unknown tier "elevated"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := call(t, tt.op, tt.request)
			if r.OK || r.Error == nil {
				t.Fatalf("ok=%v error=%v, want a %s error", r.OK, r.Error, tt.code)
			}
			if r.Error.Code != tt.code || !strings.Contains(r.Error.Message, tt.inMessage) {
				t.Errorf("error = %+v, want code %s with %q in the message", *r.Error, tt.code, tt.inMessage)
			}
		})
	}
}

func TestHandleValidateQueryShape(t *testing.T) {
	r := call(t, "validateQuery", `{"query":"cat has:media","endpoint":"search_all","tier":"enterprise"}`)
	if !r.OK {
		t.Fatalf("error: %+v", r.Error)
	}
	var got map[string]json.RawMessage
	if err := json.Unmarshal(r.Result, &got); err != nil {
		t.Fatal(err)
	}
	for _, field := range []string{"valid", "length", "maxLength", "diagnostics", "formatted"} {
		if _, ok := got[field]; !ok {
			t.Errorf("result lacks required field %q: %s", field, r.Result)
		}
	}
}

func TestHandleRecoversFromPanics(t *testing.T) {
	ops["panicky"] = func([]byte) (any, error) { panic("boom") }
	defer delete(ops, "panicky")
	r := call(t, "panicky", `{}`)
	if r.OK || r.Error == nil || r.Error.Code != CodeInternal || !strings.Contains(r.Error.Message, "boom") {
		t.Fatalf("got %+v, want an internal error naming the panic", r)
	}
}

func TestOpsListsEveryOperation(t *testing.T) {
	want := []string{"adviseRetry", "fixQuery", "fixRequest", "parseResponse", "validatePost", "validateQuery", "validateRequest"}
	if got := Ops(); strings.Join(got, ",") != strings.Join(want, ",") {
		t.Fatalf("Ops() = %v, want %v", got, want)
	}
}

func FuzzHandle(f *testing.F) {
	for _, seed := range []string{`{"query":"cat has:media"}`, `{}`, ``, `{"query":"(((("}`, `{"query":"a","endpoint":"stream_rule"}`} {
		for _, op := range Ops() {
			f.Add(op, seed)
		}
	}
	f.Fuzz(func(t *testing.T, op, request string) {
		out := Handle(op, []byte(request))
		var r response
		if err := json.Unmarshal(out, &r); err != nil {
			t.Fatalf("invalid JSON %q: %v", out, err)
		}
		if r.OK == (r.Error != nil) {
			t.Fatalf("ok=%v but error=%v", r.OK, r.Error)
		}
	})
}
