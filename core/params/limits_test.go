package params

import (
	"encoding/json"
	"strconv"
	"strings"
	"testing"
)

// hostileRequests are the requests of the cost corpus (issue 13): each row
// says which limit it must hit and the verdict that follows.
var hostileRequests = []struct {
	name  string
	req   Request
	code  string // the limit's finding
	sev   string // its severity
	valid bool
}{
	{"70 KB URL", get("/2/tweets/search/recent?query=cat&x=" + strings.Repeat("a", 70<<10)), CodeURLTooLong, "warning", true},
	{"7,000 unknown parameters in 55 KB: not checked", get("/2/tweets/search/recent?query=cat" + strings.Repeat("&zz=1", 7000)), CodeURLTooLong, "warning", true},
	{"3,000 unknown parameters in 15 KB", get("/2/tweets/search/recent?query=cat" + strings.Repeat("&zz=1", 3000)), CodeTooManyParameters, "error", false},
	{"1,000 repeats of a known parameter", get("/2/tweets/search/recent?query=cat" + strings.Repeat("&max_results=10", 1000)), CodeTooManyParameters, "warning", true},
	{"100 KB body", post("/2/tweets", `{"text":"`+strings.Repeat("a", 100<<10)+`"}`), CodeBodyTooLarge, "warning", true},
	{"60,000 '[' body", post("/2/tweets", strings.Repeat("[", 60_000)), CodeBodyTooDeep, "warning", true},
	{"65 levels of objects", post("/2/tweets", `{"text":"a","reply":`+strings.Repeat(`{"a":`, 64)+"1"+strings.Repeat("}", 64)+"}"), CodeBodyTooDeep, "warning", true},
	{"150 bad rules", post("/2/tweets/search/stream/rules", rulesBody(150, "(cat")), CodeRulesNotLinted, "warning", false},
	{"50 rules of 100 findings each: linting stops once invalid and full", post("/2/tweets/search/stream/rules", rulesBody(50, strings.Repeat(") ", 500))), CodeRulesNotLinted, "warning", false},
	{"25 unknown parameters with 500-byte names", get("/2/tweets/search/recent?query=cat" + longNames(25)), CodeTooManyDiagnostics, "error", false},
	{"70 KB URL of '<': the limit's finding stays small", get("/2/tweets/search/recent?query=cat" + longNames(140)), CodeURLTooLong, "warning", true},
}

// longNames is n query parameters with distinct 500-byte names of '<'
// (six bytes each once JSON-encoded).
func longNames(n int) string {
	var b strings.Builder
	for i := range n {
		b.WriteString("&" + strings.Repeat("<", 500) + strconv.Itoa(i) + "=1")
	}
	return b.String()
}

func rulesBody(n int, value string) string {
	rules := make([]string, n)
	for i := range rules {
		v, _ := json.Marshal(value)
		rules[i] = `{"value":` + string(v) + `,"tag":"t` + strconv.Itoa(i) + `"}`
	}
	return `{"add":[` + strings.Join(rules, ",") + `]}`
}

// Every hostile request hits its limit, says so in the Result, and the
// Result's JSON stays under 64 KiB with at most MaxDiagnostics findings.
func TestLimits(t *testing.T) {
	for _, tt := range hostileRequests {
		t.Run(tt.name, func(t *testing.T) {
			res := Validate(tt.req)
			var hit *Diagnostic
			for i := range res.Diagnostics {
				if res.Diagnostics[i].Code == tt.code {
					hit = &res.Diagnostics[i]
				}
			}
			if hit == nil {
				t.Fatalf("no %s finding:%s", tt.code, dump(res.Diagnostics))
			}
			if string(hit.Severity) != tt.sev || res.Valid != tt.valid {
				t.Errorf("%s is a %s and valid=%v, want %s and valid=%v:%s", tt.code, hit.Severity, res.Valid, tt.sev, tt.valid, dump(res.Diagnostics))
			}
			out, err := json.Marshal(res)
			if err != nil {
				t.Fatal(err)
			}
			if len(out) > 64<<10 {
				t.Errorf("Result is %d bytes, over 64 KiB", len(out))
			}
			if len(res.Diagnostics) > MaxDiagnostics {
				t.Errorf("%d diagnostics, over %d", len(res.Diagnostics), MaxDiagnostics)
			}
			for _, d := range res.Diagnostics {
				if len(d.Message) > MaxTextBytes || len(d.Value) > MaxTextBytes || len(d.Parameter) > MaxTextBytes {
					t.Errorf("%s: a text field is over %d bytes", d.Code, MaxTextBytes)
				}
			}
		})
	}
}

// At the limits themselves everything is still checked.
func TestLimitsAreInclusive(t *testing.T) {
	depth64 := `{"text":"a","reply":` + strings.Repeat(`[`, 63) + strings.Repeat("]", 63) + "}"
	tests := []struct {
		name string
		req  Request
		code string // a finding that shows the request was checked
	}{
		{"64 levels: decoded and validated", post("/2/tweets", depth64), CodeBodySchema},
		// the repeats fill the list: the 100th's error shows in the count's severity
		{"100th parameter judged", get("/2/tweets/search/recent?query=cat" + strings.Repeat("&max_results=10", 98) + "&zz=1"), CodeTooManyDiagnostics},
		{"100th rule linted", post("/2/tweets/search/stream/rules", strings.Replace(rulesBody(100, "cat"), `"cat","tag":"t99"`, `"(cat","tag":"t99"`, 1)), CodeInvalidRule},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := Validate(tt.req)
			found := false
			for _, d := range res.Diagnostics {
				found = found || d.Code == tt.code
				switch d.Code {
				case CodeBodyTooDeep, CodeTooManyParameters, CodeRulesNotLinted:
					t.Errorf("limit hit at the limit: %s", d.Message)
				}
			}
			if !found || res.Valid {
				t.Errorf("no %s finding, or valid (every row has an error to find):%s", tt.code, dump(res.Diagnostics))
			}
		})
	}
	// the 100th rule is linted: its finding names #/add/99
	res := Validate(post("/2/tweets/search/stream/rules", rulesBody(100, "(cat")[:0]+strings.Replace(rulesBody(100, "cat"), `"cat","tag":"t99"`, `"(cat","tag":"t99"`, 1)))
	last := ""
	for _, d := range res.Diagnostics {
		if d.Code == CodeInvalidRule {
			last = d.Parameter
		}
	}
	if last != "#/add/99/value" {
		t.Errorf("last linted rule is %q, want #/add/99/value", last)
	}
}
