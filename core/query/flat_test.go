package query

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// flatOptions are the option sets the fast path is compared under: every
// endpoint and tier (availability and length limits differ), and unknown
// names, which the fast path leaves to the full one.
var flatOptions = []Options{
	{},
	{Endpoint: SearchRecent, Tier: PayPerUse},
	{Endpoint: SearchAll, Tier: Enterprise},
	{Endpoint: CountsRecent, Tier: PayPerUse},
	{Endpoint: CountsAll, Tier: PayPerUse},
	{Endpoint: StreamRule, Tier: Enterprise},
	{Endpoint: StreamRule, Tier: PayPerUse},
	{Endpoint: "search_everything", Tier: "gold"},
}

// viaBothPaths runs the fast path and the full path on q, formatting or
// not, and returns whether the fast path answered and both Reports.
func viaBothPaths(q string, opts Options, format bool) (fastOK bool, fast, full Report) {
	valid8, length, units := measure(q)
	validateFull(q, opts, format, valid8, length, units, &full)
	fastOK = valid8 && lintFlat(q, opts, length, units, format, &fast)
	return fastOK, fast, full
}

// addSeedQueries seeds f with X's docs examples and the golden inputs.
func addSeedQueries(f *testing.F) {
	for _, ex := range docExamples {
		f.Add(ex.q)
	}
	inputs, _ := filepath.Glob("testdata/*.queries")
	for _, in := range inputs {
		data, err := os.ReadFile(in)
		if err != nil {
			f.Fatal(err)
		}
		for _, line := range strings.Split(string(data), "\n") {
			if _, q, ok := strings.Cut(line, " | "); ok {
				line = q
			}
			if len(line) < 300 && !strings.HasPrefix(line, "#") {
				f.Add(unescapeGolden(line))
			}
		}
	}
}

// FuzzFastPathAgrees checks, for any input, under every option set, with
// and without formatting: when the flat fast path answers, its Report
// (verdict, length, limit, every diagnostic field, formatted text) is
// exactly the full path's; and Validate and Diagnose give the full path's
// answer whichever path they took.
func FuzzFastPathAgrees(f *testing.F) {
	addSeedQueries(f)
	for _, tc := range flatCases {
		f.Add(tc.q)
	}
	f.Fuzz(func(t *testing.T, q string) {
		for _, opts := range flatOptions {
			for _, format := range []bool{false, true} {
				var sized Report
				if judgeBySize(q, opts, &sized) { // neither path runs: see TestJudgedBySize
					if got := Validate(q, opts); !reflect.DeepEqual(got, sized) {
						t.Fatalf("Validate(%q, %+v) = %+v, judged by size %+v", q, opts, got, sized)
					}
					continue
				}
				ok, fast, full := viaBothPaths(q, opts, format)
				if ok && !reflect.DeepEqual(fast, full) {
					t.Fatalf("%q %+v format=%v: fast path\n%+v\nfull path\n%+v", q, opts, format, fast, full)
				}
				if format {
					if got := Validate(q, opts); !reflect.DeepEqual(got, full) {
						t.Fatalf("Validate(%q, %+v) = %+v, full path %+v", q, opts, got, full)
					}
				} else if got := Diagnose(q, opts); !reflect.DeepEqual(got, full.Diagnostics) {
					t.Fatalf("Diagnose(%q, %+v) = %+v, full path %+v", q, opts, got, full.Diagnostics)
				}
			}
		}
	})
}

// flatCases say which queries the fast path answers under default options
// (search_recent, pay-per-use); each must agree with the full path.
var flatCases = []struct {
	q    string
	fast bool
}{
	{"a", true},
	{"from:XDevelopers -is:retweet", true},
	{"  cat   has:media\t-is:retweet lang:en ", true},
	{"FROM:XDevelopers cat HAS:Media", true},
	{"#buildinpublic @XDevelopers 🐈", true},
	{"cat $TWTR", false}, // cashtags need Enterprise
	{"lang:en cat LANG:EN", true},
	{"-lang:en cat lang:es", true},
	{"café -naïve", true},
	{"(from:XDevelopers OR from:API) has:media -is:retweet lang:en", false}, // groups
	{`"api v2" cat`, false},                                                 // phrase
	{`url:"https://x.com" cat`, false},                                      // quoted argument
	{"cat point_radius:[2.35 48.86 16km]", false},
	{"cat OR dog", false},
	{"cat --dog", false},    // double negation: a warning
	{"cat - dog", false},    // dangling minus: a warning
	{"cat and dog", false},  // explicit and: an error
	{"cat or dog", false},   // lower-case or: a warning
	{"cat from:", false},    // missing value
	{"cat frm:jack", false}, // unknown operator
	{"has:media", false},    // not standalone
	{"-cat", false},         // only negations
	{"", false},             // empty
	{"   ", false},          // empty
	{"lang:en lang:es", false},
	{"cat -is:nullcast is:nullcast", false},
	{"cat list:1 list:2", false},
	{"cat it's", false},                // single quote
	{"cat foo:bar:baz", false},         // unknown operator
	{"cat sample:10", false},           // filtered stream only
	{"cat is:verified", true},          // standalone? whichever: must agree
	{"cat bio:x", false},               // advanced on pay-per-use
	{"cat \xff", false},                // invalid UTF-8
	{strings.Repeat("a ", 300), false}, // over 512 characters
}

func TestFastPath(t *testing.T) {
	for _, tc := range flatCases {
		for _, format := range []bool{false, true} {
			ok, fast, full := viaBothPaths(tc.q, Options{}, format)
			if ok != tc.fast {
				t.Errorf("%q: fast path answered %v, want %v (full path: %+v)", tc.q, ok, tc.fast, full.Diagnostics)
			}
			if ok && !reflect.DeepEqual(fast, full) {
				t.Errorf("%q format=%v: fast path %+v, full path %+v", tc.q, format, fast, full)
			}
			if ok && (!full.Valid || len(full.Diagnostics) != 0) {
				t.Errorf("%q: fast path answered a query with findings: %+v", tc.q, full.Diagnostics)
			}
		}
	}
}

// TestFastPathAllocatesNothing: the clean brief query costs no allocation
// on either entry point.
func TestFastPathAllocatesNothing(t *testing.T) {
	q := "from:XDevelopers -is:retweet"
	if n := testing.AllocsPerRun(100, func() { Diagnose(q, Options{}) }); n != 0 {
		t.Errorf("Diagnose(%q): %v allocations", q, n)
	}
	if n := testing.AllocsPerRun(100, func() { Validate(q, Options{}) }); n != 0 {
		t.Errorf("Validate(%q): %v allocations", q, n)
	}
	if !utf8.ValidString(q) {
		t.Fatal("unreachable")
	}
}
