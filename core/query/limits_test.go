package query

import (
	"encoding/json"
	"strings"
	"testing"
)

// The longest documented query per endpoint is at least every limit of the
// length table: judging by size never rejects what some level may send.
func TestLongestDocumented(t *testing.T) {
	for _, ep := range []Endpoint{SearchRecent, SearchAll, CountsRecent, CountsAll, StreamRule} {
		longest := 0
		for _, tier := range []Tier{PayPerUse, Enterprise} {
			longest = max(longest, MaxLength(Options{Endpoint: ep, Tier: tier}))
		}
		if got := longestDocumented(ep); got != longest {
			t.Errorf("longestDocumented(%s) = %d, the length table's longest is %d", ep, got, longest)
		}
	}
}

// Past the longest documented length a query is judged by size alone: one
// error, nothing parsed, nothing formatted; at the limit it is parsed.
func TestJudgedBySize(t *testing.T) {
	ent := func(ep Endpoint) Options { return Options{Endpoint: ep, Tier: Enterprise} }
	tests := []struct {
		name   string
		q      string
		opts   Options
		sized  bool
		length int
	}{
		{"4,096 on enterprise search: parsed", strings.Repeat("a ", 2048)[:4095] + "b", ent(SearchAll), false, 4096},
		{"4,097 on enterprise search", strings.Repeat("a ", 2049)[:4097], ent(SearchAll), true, 4097},
		{"4,097 on pay-per-use: same verdict", strings.Repeat("a ", 2049)[:4097], Options{}, true, 4097},
		{"2,049 on a rule", strings.Repeat("a ", 1025)[:2049], ent(StreamRule), true, 2049},
		{"2,048 on a rule: parsed", strings.Repeat("a ", 1024)[:2048], ent(StreamRule), false, 2048},
		{"4,096 emoji (16 KB): parsed", strings.Repeat("😀", 4096), ent(SearchAll), false, 4096},
		{"4,097 emoji", strings.Repeat("😀", 4097), ent(SearchAll), true, 4097},
		{"invalid bytes count one each", strings.Repeat("\xff", 4097), ent(SearchAll), true, 4097},
		{"1 MB of '('", strings.Repeat("(", 1<<20), ent(SearchAll), true, 1 << 20},
		{"unknown endpoint judged as search_recent", strings.Repeat("a", 4097), Options{Endpoint: "nope"}, true, 4097},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Validate(tt.q, tt.opts)
			if r.Length != tt.length {
				t.Errorf("length %d, want %d", r.Length, tt.length)
			}
			sized := len(r.Diagnostics) == 1 && r.Diagnostics[0].Code == CodeTooLong && r.Formatted == "" && !r.Valid
			if sized != tt.sized {
				t.Fatalf("judged by size = %v, want %v: %+v", sized, tt.sized, r.Diagnostics)
			}
			if !sized {
				return
			}
			d := r.Diagnostics[0]
			limit := MaxLength(tt.opts)
			if d.ByteSpan.End != len(tt.q) || d.ByteSpan.Start != byteOffsetOfRune(tt.q, limit) {
				t.Errorf("byte span %+v, want from character %d to the end (%d)", d.ByteSpan, limit, len(tt.q))
			}
			if !strings.Contains(d.Message, "not parsed") {
				t.Errorf("message %q does not say the query was not parsed", d.Message)
			}
		})
	}
}

// A rule past 2,048 characters on a level no source gives a rule limit is
// a warning: judged by size, not parsed, but not an error.
func TestJudgedBySizeUndocumentedLevel(t *testing.T) {
	r := Validate(strings.Repeat("(", 5000), Options{Endpoint: StreamRule, Tier: Free})
	if len(r.Diagnostics) != 1 || r.Diagnostics[0].Code != CodeLengthUnclear || !r.Valid || r.Formatted != "" {
		t.Errorf("got valid=%v %+v", r.Valid, r.Diagnostics)
	}
}

// Hostile queries within the documented length: the JSON of any report,
// Formatted included, stays under 64 KiB.
func TestReportSizeBounded(t *testing.T) {
	const budget = 64 << 10
	hostile := map[string]string{
		"4,096 control bytes":           strings.Repeat("\x01", 4096),
		"2,048 stray ')'":               strings.Repeat(") ", 2048),
		"1,365 unknown operators":       strings.Repeat("a:b ", 1024),
		"1,024 quoted <> operators":     strings.Repeat(`"<" `, 1024),
		"4,096 invalid bytes":           strings.Repeat("\xff", 4096),
		"unclosed quotes of & and <":    strings.Repeat(`"&<`, 1365),
		"1,024 apostrophes with '<'":    strings.Repeat("'< ", 1365),
		"deep groups then stray parens": strings.Repeat("(", 300) + strings.Repeat(")", 2000),
		// each invalid-username message quotes 40 bytes of '&', 240 once
		// encoded: 67 KB without the byte budget (measured 2026-12-04)
		"90 usernames of '&'": strings.Repeat("from:"+strings.Repeat("&", 38)+" ", 90),
	}
	for name, q := range hostile {
		for _, ep := range []Endpoint{SearchAll, StreamRule} {
			r := Validate(q, Options{Endpoint: ep, Tier: Enterprise})
			out, err := json.Marshal(r)
			if err != nil {
				t.Fatal(err)
			}
			if len(out) > budget {
				t.Errorf("%s on %s: report is %d bytes, over %d", name, ep, len(out), budget)
			}
			if n := len(r.Diagnostics); n > maxDiagnostics {
				t.Errorf("%s on %s: %d diagnostics, over %d", name, ep, n, maxDiagnostics)
			}
		}
	}
}

// Syntax findings past the parser's 400 keep their severity in the count:
// 650 misplaced ORs are warnings (no source records X's answer), so the
// too-many-diagnostics entry is a warning; 2,000 stray ')' are errors.
func TestDroppedSyntaxSeverity(t *testing.T) {
	for _, tt := range []struct {
		q    string
		want Severity
	}{
		{"cat" + strings.Repeat(" OR OR", 650), SeverityWarning},
		{"cat" + strings.Repeat(" )", 2000), SeverityError},
	} {
		r := Validate(tt.q, Options{Endpoint: SearchAll, Tier: Enterprise})
		last := r.Diagnostics[len(r.Diagnostics)-1]
		if last.Code != CodeTooManyDiagnostics || last.Severity != tt.want {
			t.Errorf("%.20q…: last finding %s %s, want too-many-diagnostics %s", tt.q, last.Code, last.Severity, tt.want)
		}
	}
}

// Checking fixes is bounded per call: a 3,750-character query with 60
// fixable findings gets fixes for the first ones only, FixQuery stops when
// the work is spent, and a query with over 100 findings gets none. (Unbounded, validateQuery spent 2.4 s and
// fixQuery minutes under wasm on it, measured 2026-12-04.)
func TestFixWorkBounded(t *testing.T) {
	q := strings.Repeat("abcdefghij ", 330) + strings.Repeat(") ", 60) // 60 stray ')', each fixable by removing it
	opts := Options{Endpoint: SearchAll, Tier: Enterprise}
	r := Validate(q, opts)
	work := MaxFixWork
	AttachFixesWithin(q, opts, r.Diagnostics, &work)
	fixed := 0
	for _, d := range r.Diagnostics {
		if len(d.Fixes) > 0 {
			fixed++
		}
	}
	if fixed == 0 || fixed > MaxFixWork/len(q)+1 || work != 0 {
		t.Errorf("%d findings got fixes and %d bytes of work are left; want some, at most %d, and none left", fixed, work, MaxFixWork/len(q)+1)
	}
	res := FixQuery(q, opts, true)
	if n := len(res.Applied); n > MaxFixWork/(len(q)-2)+1 {
		t.Errorf("FixQuery applied %d fixes: more checks than MaxFixWork allows", n)
	}
	// over 100 findings: no fixes at all
	many := strings.Repeat(") ", 2048)
	mr := Validate(many, opts)
	AttachFixes(many, opts, mr.Diagnostics)
	for _, d := range mr.Diagnostics {
		if len(d.Fixes) > 0 {
			t.Fatalf("a query with over 100 findings got fixes: %+v", d)
		}
	}
	// a short query is not limited: all its fixes are offered
	short := Validate("cat )", opts)
	AttachFixes("cat )", opts, short.Diagnostics)
	if len(short.Diagnostics) == 0 || len(short.Diagnostics[0].Fixes) == 0 {
		t.Errorf("no fix for a stray ')' in a short query: %+v", short.Diagnostics)
	}
}
