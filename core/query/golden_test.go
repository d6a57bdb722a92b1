package query

import (
	"flag"
	"go/ast"
	goparser "go/parser"
	gotoken "go/token"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden from the current output")

// A golden input (testdata/*.queries) holds one query per line, optionally
// prefixed by "endpoint tier |"; blank lines and lines starting with "#" are
// skipped. The .golden file beside it shows every diagnostic with carets
// under the offending text.
func TestGolden(t *testing.T) {
	inputs, err := filepath.Glob("testdata/*.queries")
	if err != nil || len(inputs) == 0 {
		t.Fatalf("no golden inputs: %v", err)
	}
	for _, in := range inputs {
		t.Run(filepath.Base(in), func(t *testing.T) {
			src, err := os.ReadFile(in)
			if err != nil {
				t.Fatal(err)
			}
			got := renderGolden(t, string(src))
			golden := strings.TrimSuffix(in, ".queries") + ".golden"
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./core/query -run TestGolden -update)", err)
			}
			if got != string(want) {
				t.Errorf("%s differs from the output; run with -update and review the diff.\n%s", golden, firstDiff(string(want), got))
			}
		})
	}
}

func renderGolden(t *testing.T, input string) string {
	var b strings.Builder
	for _, line := range strings.Split(input, "\n") {
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		opts, q := parseGoldenLine(t, line)
		q = unescapeGolden(q)
		r := Validate(q, opts)
		verdict := "valid"
		if !r.Valid {
			verdict = "INVALID"
		}
		b.WriteString("== " + string(endpointOf(opts)) + " " + string(tierOf(opts)) + ": " + verdict +
			" (length " + strconv.Itoa(r.Length) + "/" + strconv.Itoa(r.MaxLength) + ")\n")
		b.WriteString("   " + display(q) + "\n")
		for _, d := range r.Diagnostics {
			b.WriteString("   " + carets(q, d.ByteSpan) + " " + string(d.Severity) + " " + d.Code + "\n")
			b.WriteString("      " + d.Message + "\n")
			if d.Hint != "" {
				b.WriteString("      hint: " + d.Hint + "\n")
			}
		}
		if r.Formatted != q {
			b.WriteString("   formatted: " + r.Formatted + "\n")
		}
		b.WriteString("\n")
	}
	return b.String()
}

func parseGoldenLine(t *testing.T, line string) (Options, string) {
	head, q, ok := strings.Cut(line, " | ")
	if !ok {
		return Options{}, line
	}
	switch f := strings.Fields(head); {
	case len(f) == 2:
		return Options{Endpoint: Endpoint(f[0]), Tier: Tier(f[1])}, q
	case len(f) == 1 && f[0] != "" && isTierName(f[0]):
		return Options{Tier: Tier(f[0])}, q
	case len(f) == 1:
		return Options{Endpoint: Endpoint(f[0])}, q
	}
	t.Fatalf("bad golden line %q: want '[endpoint] [tier] | query'", line)
	return Options{}, ""
}

func isTierName(s string) bool { _, ok := ParseTier(s); return ok }

// repeatPattern is {N*text}: text repeated N times.
var repeatPattern = regexp.MustCompile(`\{(\d+)\*([^}]*)\}`)

// unescapeGolden lets inputs spell bytes a text file can't hold (\xNN) and
// long repetitions ({N*text}).
func unescapeGolden(s string) string {
	s = repeatPattern.ReplaceAllStringFunc(s, func(m string) string {
		sub := repeatPattern.FindStringSubmatch(m)
		n, _ := strconv.Atoi(sub[1])
		return strings.Repeat(sub[2], n)
	})
	if !strings.Contains(s, `\x`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if strings.HasPrefix(s[i:], `\x`) && i+4 <= len(s) {
			if n, err := strconv.ParseUint(s[i+2:i+4], 16, 8); err == nil {
				b.WriteByte(byte(n))
				i += 3
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func endpointOf(o Options) Endpoint {
	o, _, _ = normalize(o)
	return o.Endpoint
}

func tierOf(o Options) Tier {
	o, _, _ = normalize(o)
	return o.Tier
}

// display shows q on one line: tabs, newlines and invalid bytes escaped,
// everything else as is.
func display(q string) string {
	var b strings.Builder
	for i := 0; i < len(q); {
		r, n := utf8.DecodeRuneInString(q[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			b.WriteString(`\x` + strconv.FormatUint(uint64(q[i]), 16))
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		default:
			b.WriteString(q[i : i+n])
		}
		i += n
	}
	return b.String()
}

// carets underlines span under display(q), one column per character.
func carets(q string, span Range) string {
	col := func(off int) int { return utf8.RuneCountInString(display(q[:off])) }
	start, end := col(span.Start), col(span.End)
	n := max(end-start, 1)
	return strings.Repeat(" ", start) + strings.Repeat("^", n)
}

func firstDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var a, b string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			b = g[i]
		}
		if a != b {
			return "line " + strconv.Itoa(i+1) + ":\n  want: " + a + "\n  got:  " + b
		}
	}
	return ""
}

// TestEveryCodeHasAGolden fails when a diagnostic code is declared but no
// golden file shows it firing, or doc.go's check table does not list it.
func TestEveryCodeHasAGolden(t *testing.T) {
	var all strings.Builder
	goldens, _ := filepath.Glob("testdata/*.golden")
	for _, g := range goldens {
		data, err := os.ReadFile(g)
		if err != nil {
			t.Fatal(err)
		}
		all.Write(data)
	}
	text := all.String()
	doc, err := os.ReadFile("doc.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, code := range declaredCodes(t) {
		if !strings.Contains(text, " "+code+"\n") {
			t.Errorf("code %q appears in no testdata/*.golden", code)
		}
		if !strings.Contains(string(doc), "//\t"+code+" ") {
			t.Errorf("code %q is missing from doc.go's check table", code)
		}
	}
}

// declaredCodes reads the Code* string constants of the package's source.
func declaredCodes(t *testing.T) []string {
	t.Helper()
	fset := gotoken.NewFileSet()
	var codes []string
	for _, file := range []string{"codes.go", "parser.go"} {
		f, err := goparser.ParseFile(fset, file, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			vs, ok := n.(*ast.ValueSpec)
			if !ok || len(vs.Values) != 1 || !strings.HasPrefix(vs.Names[0].Name, "Code") {
				return true
			}
			if lit, ok := vs.Values[0].(*ast.BasicLit); ok && lit.Kind == gotoken.STRING {
				s, _ := strconv.Unquote(lit.Value)
				codes = append(codes, s)
			}
			return true
		})
	}
	if len(codes) < 40 {
		t.Fatalf("found only %d codes", len(codes))
	}
	return codes
}

// TestLevelsGoldenCoversCatalogue: every operator whose availability
// depends on the access level is shown at every level in levels.queries.
func TestLevelsGoldenCoversCatalogue(t *testing.T) {
	src, err := os.ReadFile("testdata/levels.queries")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(src), "\n")
	checked := 0
	for _, info := range Operators() {
		if info.Availability != Advanced && info.Availability != EmbeddingTier {
			continue
		}
		checked++
		for _, tier := range Tiers() {
			found := false
			for _, line := range lines {
				opts, q := parseGoldenLine(t, line)
				if opts.Tier == tier && usesOperator(q, info) {
					found = true
					break
				}
			}
			if !found {
				t.Errorf("levels.queries has no query using %s on %s", info.Name, tier)
			}
		}
	}
	if checked < 10 {
		t.Errorf("only %d level-dependent operators in the catalogue", checked)
	}
}

// usesOperator reports whether q contains the operator or term of info.
func usesOperator(q string, info OperatorInfo) bool {
	if info.Name == "$" {
		return strings.Contains(q, " $") || strings.HasPrefix(q, "$")
	}
	return strings.Contains(q, info.Name)
}

// TestEveryErrorHasASource walks every diagnostic code: each one doc.go's
// check table says can be an error must name its source in the "Why each
// error is an error" table, that table lists nothing else, and no golden
// output shows a code at a severity the check table does not give it.
func TestEveryErrorHasASource(t *testing.T) {
	doc, err := os.ReadFile("doc.go")
	if err != nil {
		t.Fatal(err)
	}
	sev, sources := docTables(t, string(doc))
	for _, code := range declaredCodes(t) {
		s, ok := sev[code]
		if !ok {
			t.Errorf("%s: not in doc.go's check table", code)
			continue
		}
		src := sources[code]
		if strings.Contains(s, "error") && len(strings.TrimSpace(src)) < 10 {
			t.Errorf("%s: can be an error but names no source in doc.go (%q)", code, src)
		}
	}
	for code := range sources {
		if !strings.Contains(sev[code], "error") {
			t.Errorf("%s: has a source but the check table says it is never an error", code)
		}
	}
	goldens, _ := filepath.Glob("testdata/*.golden")
	seen := regexp.MustCompile(`\^ (error|warning) ([a-z0-9-]+)\n`)
	for _, g := range goldens {
		data, err := os.ReadFile(g)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range seen.FindAllStringSubmatch(string(data), -1) {
			if !strings.Contains(sev[m[2]], m[1]) {
				t.Errorf("%s shows %s as %s; doc.go's check table says %q", g, m[2], m[1], sev[m[2]])
			}
		}
	}
}

// docTables reads doc.go's check table (code → severity column) and its
// sources table (code → source).
func docTables(t *testing.T, doc string) (sev, sources map[string]string) {
	sev, sources = map[string]string{}, map[string]string{}
	var table map[string]string
	inSev := false
	for _, line := range strings.Split(doc, "\n") {
		switch {
		case strings.HasPrefix(line, "//\tcode ") && strings.Contains(line, " sev "):
			table, inSev = sev, true
			continue
		case strings.HasPrefix(line, "//\tcode ") && strings.Contains(line, " source"):
			table, inSev = sources, false
			continue
		case !strings.HasPrefix(line, "//\t"):
			table = nil
			continue
		}
		if table == nil {
			continue
		}
		f := strings.Fields(strings.TrimPrefix(line, "//\t"))
		if len(f) < 2 {
			continue
		}
		if _, dup := table[f[0]]; dup {
			t.Errorf("doc.go lists %s twice in one table", f[0])
		}
		if inSev {
			table[f[0]] = f[1]
		} else {
			table[f[0]] = strings.Join(f[1:], " ")
		}
	}
	if len(sev) < 40 || len(sources) < 10 {
		t.Fatalf("doc.go tables not found: %d codes, %d sources", len(sev), len(sources))
	}
	return sev, sources
}
