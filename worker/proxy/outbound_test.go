package proxy

import (
	"bytes"
	"compress/gzip"
	"compress/zlib"
	"os"
	"reflect"
	"strings"
	"testing"
)

func TestAnnotateClassifiesStreamsByStatus(t *testing.T) {
	a := Annotate(Outbound{Method: "GET", Target: "/2/tweets/search/stream", Status: 200, Headers: Headers{}, Stream: true, Now: 1})
	if a.Class != "success" || a.RetryAfterMs != nil || a.Block != nil {
		t.Errorf("Annotate(stream 200) = %+v, want class success and nothing else", a)
	}
}

// annotateLinesCases are answers whose headers AnnotateLines reads one way
// or the other: hostile spellings of the rate-limit names, answers that
// need every header, and answers that need only those.
var annotateLinesCases = []struct {
	status      int
	lines, body string
	noBody      bool
	rateOnly    bool // only the rate-limit lines are read
}{
	{200, "x-rate-limit-limit: 450\nx-rate-limit-remaining: 449\nx-rate-limit-reset: 1700000900\ncontent-type: application/json\n", `{"data":[]}`, false, true},
	{200, "x-rate-limit-remaining: 0\nx-rate-limit-reset: 1700000900\n", `{"data":[]}`, false, true},                            // a block
	{200, "X-Rate-Limit-Remaining: 0\nX-RATE-LIMIT-RESET: 1700000900\n", `{"data":[]}`, false, true},                            // lower-cased: folded
	{200, "x-rate-limit-remaining: 0\nx-rate-limit-re\u017fet: 1700000900\n", `{"data":[]}`, false, false},                      // ſ: not folded, every line read
	{200, "x-u\u017fer-limit-24hour-remaining: 0\nx-user-limit-24hour-reset: 1700000900\n", `{"data":[]}`, false, false},        // a spelling without the prefix
	{200, "x-rate-limit-remaining: 1\nx-rate-limit-remaining: 0\nx-rate-limit-reset: 1700000900\n", `{"data":[]}`, false, true}, // the last line wins
	{200, "x-rate-limit-: 1\nx-rate-limit: 2\nx-app-limit-24hour-remaining: 0\nx-app-limit-24hour-reset: 1700000950\n", "", true, true},
	{200, "x-rate-limit-remaining: 449\ncontent-type: application/json\n", `{"data":[],"errors":[{"title":"Not Found Error"}]}`, false, false}, // not plain: classed in full
	{200, "x-rate-limit-remaining: 449\n", `{"data":`, false, false},
	{204, "x-rate-limit-remaining: 449\n", "", false, false},
	{304, "etag: x\n", "", true, true},
	{429, "x-rate-limit-remaining: 0\nx-rate-limit-reset: 1700000900\nretry-after: 30\n", `{"title":"Too Many Requests","type":"about:blank","status":429}`, false, false},
	{503, "retry-after: 5\ndate: Tue, 14 Nov 2023 22:13:20 GMT\n", "", true, false},
	{200, "no colon\n:\n\n  X-A :  v \n\xff: 1\n", `{"data":1}`, false, false},
	// coded bodies: judged plain or not once decoded (apierr.DecodeBody)
	{200, "content-encoding: gzip\nx-rate-limit-remaining: 449\n", gz(`{"data":[]}`), false, true},
	{200, "x-rate-limit-remaining: 449\nContent-Encoding: GZIP\n", gz(`{"data":[],"errors":[{"title":"Not Found Error"}]}`), false, false},
	{200, "content-encoding: gzip, identity\n", gz(`{"data":[],"errors":[{"title":"Not Found Error"}]}`), false, false},
	{200, "content-encoding: identity\ncontent-encoding: deflate\n", zl(`{"errors":[{"title":"x"}]}`), false, false}, // the last line wins
	{200, "content-encoding: br\nx-rate-limit-remaining: 449\n", `{"data":[],"errors":[]}`, false, true},             // classed by status
	{200, "content-encoding: gzip\n", gz(`{"data":[]}`)[:12], false, true},                                           // cut off
	{200, "c\u0138ntent-encoding: gzip\n", gz(`{"data":[]}`), false, false},                                          // not the name
	{429, "content-encoding: deflate\nx-rate-limit-remaining: 39999\n", zl(`{"title":"UsageCapExceeded","type":"https://api.twitter.com/2/problems/usage-capped","period":"Monthly","scope":"Product"}`), false, false},
}

func gz(s string) string {
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	w.Write([]byte(s))
	w.Close()
	return b.String()
}

func zl(s string) string {
	var b bytes.Buffer
	w := zlib.NewWriter(&b)
	w.Write([]byte(s))
	w.Close()
	return b.String()
}

// TestAnnotateCoded: X's coded answers are classed by their decoded bytes
// (recorded fixtures, worker/test/fixtures/README.md), or by status with
// the reason when they cannot be decoded within MaxInspect.
func TestAnnotateCoded(t *testing.T) {
	partial, err := os.ReadFile("../test/fixtures/tweets-lookup-partial-200.json")
	if err != nil {
		t.Fatal(err)
	}
	p := string(partial)
	bomb := gz(`{"data":[` + strings.Repeat("0,", MaxInspect) + `0]}`)
	tests := []struct {
		name, coding, body string
		status             int
		class, statusOnly  string
	}{
		{"plain", "", p, 200, "partial", ""},
		{"identity", "identity", p, 200, "partial", ""},
		{"gzip", "gzip", gz(p), 200, "partial", ""},
		{"x-gzip", "x-gzip", gz(p), 200, "partial", ""},
		{"deflate", "deflate", zl(p), 200, "partial", ""},
		{"gzip, identity", "gzip, identity", gz(p), 200, "partial", ""},
		{"br", "br", gz(p), 200, "success", "unknown-coding"},
		{"gzip twice", "gzip, gzip", gz(gz(p)), 200, "success", "unknown-coding"},
		{"corrupt", "gzip", "\x1f\x8b" + p, 200, "success", "bad-coding"},
		{"bomb", "gzip", bomb, 200, "success", "too-long"},
		{"plain labelled gzip, 503", "gzip", `{"title":"Service Unavailable"}`, 503, "server-error", "bad-coding"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			lines := "x-rate-limit-remaining: 449\n"
			if tc.coding != "" {
				lines += "content-encoding: " + tc.coding + "\n"
			}
			body := tc.body
			out := Outbound{Method: "GET", Target: "/2/tweets?ids=1", Status: tc.status, Now: 1_700_000_000_000, Body: &body}
			a := AnnotateLines(out, lines, Headers{}, Headers{})
			if a.Class != tc.class || a.StatusOnly != tc.statusOnly || a.Reason != "" {
				t.Fatalf("class %q, statusOnly %q, reason %q; want %q, %q", a.Class, a.StatusOnly, a.Reason, tc.class, tc.statusOnly)
			}
			if body != tc.body {
				t.Fatal("X's bytes changed")
			}
		})
	}
}

// TestAnnotateLines: AnnotateLines answers as Annotate of ParseHeaderLines,
// with its two maps kept from call to call as the Worker keeps them.
func TestAnnotateLines(t *testing.T) {
	all, rate := Headers{}, Headers{}
	for _, tc := range annotateLinesCases {
		checkAnnotateLines(t, tc.status, tc.lines, tc.body, tc.noBody, all, rate)
		if rateOnly := len(all) == 0; rateOnly != tc.rateOnly {
			t.Errorf("AnnotateLines(%d, %q, %q) read only the rate-limit lines: %v, want %v", tc.status, tc.lines, tc.body, rateOnly, tc.rateOnly)
		}
		clear(all)
		clear(rate)
	}
}

func FuzzAnnotateLines(f *testing.F) {
	for _, tc := range annotateLinesCases {
		f.Add(tc.status, tc.lines, tc.body, tc.noBody)
	}
	f.Fuzz(func(t *testing.T, status int, lines, body string, noBody bool) {
		checkAnnotateLines(t, status, lines, body, noBody, Headers{}, Headers{})
	})
}

func checkAnnotateLines(t *testing.T, status int, lines, body string, noBody bool, all, rate Headers) {
	t.Helper()
	out := Outbound{Method: "GET", Target: "/2/tweets/search/recent?query=x", Status: status, Now: 1_700_000_000_000, Random: 0.5}
	if !noBody {
		out.Body = &body
	}
	got := AnnotateLines(out, lines, all, rate)
	out.Headers = ParseHeaderLines(lines)
	if want := Annotate(out); !reflect.DeepEqual(got, want) {
		t.Fatalf("AnnotateLines(%d, %q, %q) = %+v, Annotate %+v", status, lines, body, got, want)
	}
}
