package params

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// TestFixGolden shows, for each request of testdata/fixes/cases.requests,
// every finding's fixes with the URL each produces and that request's
// verdict, then what FixRequest makes of it with safe fixes and with all.
func TestFixGolden(t *testing.T) {
	const in, golden = "testdata/fixes/cases.requests", "testdata/fixes/cases.golden"
	got := renderFixGolden(t, readFixCases(t, in))
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./core/params -run TestFixGolden -update)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the output; run with -update and review the diff:\n%s", golden, firstLineDiff(string(want), got))
	}
}

func firstLineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			return fmt.Sprintf("line %d:\n  want %q\n  got  %q", i+1, wl, gl)
		}
	}
	return ""
}

func readFixCases(t *testing.T, path string) []Request {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var out []Request
	for _, line := range strings.Split(string(src), "\n") {
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		line, body, hasBody := strings.Cut(line, " | ")
		method, url, _ := strings.Cut(line, " ")
		req := Request{Method: method, URL: url}
		if hasBody {
			req.Body = []byte(body)
		}
		out = append(out, req)
	}
	if len(out) == 0 {
		t.Fatalf("%s holds no request", path)
	}
	return out
}

func resultVerdict(r Result) string {
	if r.Valid {
		return "valid"
	}
	return "INVALID"
}

func renderFixGolden(t *testing.T, reqs []Request) string {
	var b strings.Builder
	for _, req := range reqs {
		r := Validate(req)
		AttachFixes(req, &r)
		b.WriteString("== " + req.Method + " " + req.URL + "   [" + resultVerdict(r) + "]\n")
		for _, d := range r.Diagnostics {
			b.WriteString("   " + string(d.Severity) + " " + d.Code + " " + d.Parameter + "\n")
			if len(d.Fixes) == 0 {
				b.WriteString("      no fix\n")
			}
			for _, f := range d.Fixes {
				fixed, _ := applyRequestFix(req, f)
				kind := "guess"
				if f.Safe {
					kind = "safe"
				}
				b.WriteString("      fix (" + kind + "): " + f.Title + "\n")
				b.WriteString("         → " + fixed.URL + "   [" + resultVerdict(Validate(fixed)) + "]\n")
			}
		}
		for _, all := range []bool{false, true} {
			res := FixRequest(req, all)
			label := "fixRequest safe: "
			if all {
				label = "fixRequest all:  "
			}
			var codes []string
			for _, a := range res.Applied {
				codes = append(codes, a.Code)
			}
			b.WriteString("   " + label + res.URL + "   [" + resultVerdict(res.Result) + "; applied " + strings.Join(codes, ", ") + "]\n")
		}
		b.WriteString("\n")
	}
	return b.String()
}

// TestRequestFixesNeverAddErrors: every offered fix, applied alone, leaves
// no more errors than before; so does FixRequest.
func TestRequestFixesNeverAddErrors(t *testing.T) {
	n := 0
	for _, req := range readFixCases(t, "testdata/fixes/cases.requests") {
		n += checkRequestFixes(t, req)
	}
	if n < 10 {
		t.Fatalf("only %d fixes offered over the corpus: the test shows nothing", n)
	}
}

func checkRequestFixes(t *testing.T, req Request) int {
	t.Helper()
	r := Validate(req)
	AttachFixes(req, &r)
	before, n := countErrors(r.Diagnostics), 0
	for _, d := range r.Diagnostics {
		for _, f := range d.Fixes {
			n++
			fixed, ok := applyRequestFix(req, f)
			if !ok {
				t.Errorf("%s: %s fix %q has bad edits %+v", req.URL, d.Code, f.Title, f.Edits)
				continue
			}
			if after := countErrors(Validate(fixed).Diagnostics); after > before {
				t.Errorf("%s: %s fix %q → %s has %d errors, %d before", req.URL, d.Code, f.Title, fixed.URL, after, before)
			}
		}
	}
	for _, all := range []bool{false, true} {
		if res := FixRequest(req, all); countErrors(res.Result.Diagnostics) > before {
			t.Errorf("%s: FixRequest(all=%v) → %s has more errors", req.URL, all, res.URL)
		}
	}
	return n
}

func FuzzFixRequest(f *testing.F) {
	f.Add("GET", "/2/tweets/search/recent?query=rock%20AND%20roll&max_results=5")
	f.Add("GET", "http://api.x.com/2/tweets/20/?tweet.fields=id,,id")
	f.Add("GET", "/2/tweets?ids=1&ids=2&ids=")
	f.Fuzz(func(t *testing.T, method, url string) {
		if len(url) > 2048 {
			return
		}
		checkRequestFixes(t, Request{Method: method, URL: url})
	})
}
