package query

import (
	"os"
	"slices"
	"strings"
	"testing"
)

// TestFixGolden shows, for each query of testdata/fixes/cases.queries, every
// diagnostic's fixes with the query each one produces and that query's
// verdict, then what FixQuery makes of it with safe fixes and with all.
func TestFixGolden(t *testing.T) {
	const in, golden = "testdata/fixes/cases.queries", "testdata/fixes/cases.golden"
	src, err := os.ReadFile(in)
	if err != nil {
		t.Fatal(err)
	}
	got := renderFixGolden(t, string(src))
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./core/query -run TestFixGolden -update)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the output; run with -update and review the diff.\n%s", golden, firstDiff(string(want), got))
	}
}

func renderFixGolden(t *testing.T, input string) string {
	var b strings.Builder
	for _, line := range strings.Split(input, "\n") {
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		opts, q := parseGoldenLine(t, line)
		q = unescapeGolden(q)
		r := Validate(q, opts)
		AttachFixes(q, opts, r.Diagnostics)
		b.WriteString("== " + string(endpointOf(opts)) + " " + string(tierOf(opts)) + ": " + verdictOf(r) + "\n")
		b.WriteString("   " + display(q) + "\n")
		for _, d := range r.Diagnostics {
			b.WriteString("   " + carets(q, d.ByteSpan) + " " + string(d.Severity) + " " + d.Code + "\n")
			if len(d.Fixes) == 0 {
				b.WriteString("      no fix\n")
			}
			for _, f := range d.Fixes {
				fixed, _ := applyEdits(q, f.Edits)
				kind := "guess"
				if f.Safe {
					kind = "safe"
				}
				b.WriteString("      fix (" + kind + "): " + f.Title + "\n")
				b.WriteString("         → " + display(fixed) + "   [" + verdictOf(Validate(fixed, opts)) + "]\n")
			}
		}
		for _, all := range []bool{false, true} {
			res := FixQuery(q, opts, all)
			label := "fixQuery safe: "
			if all {
				label = "fixQuery all:  "
			}
			var codes []string
			for _, a := range res.Applied {
				codes = append(codes, a.Code)
			}
			b.WriteString("   " + label + display(res.Query) + "   [" + verdictOf(res.Report) + "; applied " + strings.Join(codes, ", ") + "]\n")
		}
		b.WriteString("\n")
	}
	return b.String()
}

func verdictOf(r Report) string {
	if r.Valid {
		return "valid"
	}
	return "INVALID"
}

// TestFixesNeverAddErrors checks the promise behind every fix on the
// golden corpus: applied alone it leaves no more errors than before, and
// FixQuery ends with no more errors than it started with.
func TestFixesNeverAddErrors(t *testing.T) {
	for _, q := range fixCorpus(t) {
		for _, opts := range []Options{{}, {Endpoint: StreamRule}, {Tier: Enterprise}} {
			checkFixes(t, q, opts)
		}
	}
}

func checkFixes(t *testing.T, q string, opts Options) {
	t.Helper()
	r := Validate(q, opts)
	AttachFixes(q, opts, r.Diagnostics)
	before := countErrors(r.Diagnostics)
	for _, d := range r.Diagnostics {
		for _, f := range d.Fixes {
			if len(f.Edits) == 0 {
				t.Errorf("%q: %s fix %q has no edits", q, d.Code, f.Title)
			}
			fixed, ok := applyEdits(q, f.Edits)
			if !ok {
				t.Errorf("%q: %s fix %q has overlapping or out-of-range edits %+v", q, d.Code, f.Title, f.Edits)
				continue
			}
			if after := countErrors(Validate(fixed, opts).Diagnostics); after > before {
				t.Errorf("%q: %s fix %q → %q has %d errors, %d before", q, d.Code, f.Title, fixed, after, before)
			}
			for _, e := range f.Edits {
				if e.Span.Start > e.Span.End || e.Span.End > len([]rune(q))*2 {
					t.Errorf("%q: %s fix %q: span %+v out of range", q, d.Code, f.Title, e.Span)
				}
			}
		}
	}
	for _, all := range []bool{false, true} {
		if res := FixQuery(q, opts, all); countErrors(res.Report.Diagnostics) > before {
			t.Errorf("%q: FixQuery(all=%v) → %q has more errors than before", q, all, res.Query)
		}
	}
}

// fixCorpus is every query of the golden inputs.
func fixCorpus(t *testing.T) []string {
	t.Helper()
	files := []string{"testdata/fixes/cases.queries", "testdata/syntax.queries", "testdata/arguments.queries",
		"testdata/operators.queries", "testdata/whole.queries", "testdata/availability.queries"}
	var out []string
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(string(src), "\n") {
			if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
				continue
			}
			_, q := parseGoldenLine(t, line)
			out = append(out, unescapeGolden(q))
		}
	}
	return out
}

// TestSafeFixesKeepMeaning: a safe fix keeps the query's clauses, compared
// as a multiset of leaves after the repairs it stands for (quotes made
// straight and a phrase compared word by word, @ dropped from a username,
// AND between clauses removed, a documented operator rename applied).
func TestSafeFixesKeepMeaning(t *testing.T) {
	renamed := map[string]string{"min_faves": "min_likes", "min_retweets": "min_reposts"}
	n := 0
	for _, q := range fixCorpus(t) {
		r := Validate(q, Options{})
		AttachFixes(q, Options{}, r.Diagnostics)
		for _, d := range r.Diagnostics {
			for _, f := range d.Fixes {
				if !f.Safe {
					continue
				}
				n++
				fixed, _ := applyEdits(q, f.Edits)
				before, after := meaning(q, renamed), meaning(fixed, renamed)
				if !slices.Equal(before, after) {
					t.Errorf("safe fix %s %q changed %q → %q:\n before %q\n after  %q", d.Code, f.Title, q, fixed, before, after)
				}
			}
		}
	}
	if n < 5 {
		t.Fatalf("only %d safe fixes in the corpus: the test shows nothing", n)
	}
}

// meaning lists a query's leaves normalised for the repairs safe fixes make.
func meaning(q string, renamed map[string]string) []string {
	tree, _ := Parse(q)
	var out []string
	for _, x := range collectLeaves(tree.Root) {
		switch x := x.(type) {
		case *Term:
			w := x.Text
			if x.Kind == Keyword && strings.EqualFold(w, "and") {
				continue
			}
			for _, c := range typographicQuotes {
				w = strings.ReplaceAll(w, string(c), `"`)
			}
			// The repaired token of a curly-quoted phrase is the phrase itself:
			// compare its words.
			out = append(out, strings.Fields(strings.Trim(w, `"`))...)
		case *Operator:
			key := x.Key
			if r, ok := renamed[key]; ok {
				key = r
			}
			v := strings.TrimPrefix(x.Value, "@")
			if x.Arg == ArgQuoted {
				v = x.Unquoted()
			}
			out = append(out, key+":"+v)
		}
	}
	slices.Sort(out)
	return out
}

func FuzzFix(f *testing.F) {
	for _, q := range []string{"rock AND roll", "“happy birthday” cat", "from:@jack min_faves:10", "'a b' c", "url:https://x.com/a cat", "has:medias cat", "(cat OR dog", "cat)"} {
		f.Add(q)
	}
	f.Fuzz(func(t *testing.T, q string) {
		if len(q) > 512 {
			return
		}
		checkFixes(t, q, Options{})
	})
}
