package params

import (
	"encoding/json"
	"go/ast"
	goparser "go/parser"
	gotoken "go/token"
	"os"
	"strconv"
	"strings"
	"testing"
)

// TestEveryParamsErrorHasASource walks every diagnostic code: doc.go's
// "Why each error is an error" table lists each one, every code that can
// be an error names its source there, and the golden record shows no code
// at a severity the table does not give it.
func TestEveryParamsErrorHasASource(t *testing.T) {
	doc, err := os.ReadFile("doc.go")
	if err != nil {
		t.Fatal(err)
	}
	sev, src := paramsSourceTable(t, string(doc))
	codes := paramsCodes(t)
	for _, code := range codes {
		s, ok := sev[code]
		switch {
		case !ok:
			t.Errorf("%s: missing from doc.go's table", code)
		case strings.Contains(s, "error") && len(strings.Trim(src[code], " -")) < 10:
			t.Errorf("%s: can be an error but names no source (%q)", code, src[code])
		case !strings.Contains(s, "error") && !strings.HasPrefix(src[code], "-"):
			t.Errorf("%s: a warning only, but the table gives a source %q as if it were an error", code, src[code])
		}
	}
	if len(sev) != len(codes) {
		t.Errorf("doc.go's table has %d codes, the package declares %d", len(sev), len(codes))
	}
	golden, err := os.ReadFile("testdata/validate.golden.json")
	if err != nil {
		t.Fatal(err)
	}
	dec := json.NewDecoder(strings.NewReader(string(golden)))
	for dec.More() {
		var entry struct {
			Result Result `json:"result"`
		}
		if err := dec.Decode(&entry); err != nil {
			t.Fatal(err)
		}
		for _, d := range entry.Result.Diagnostics {
			if !strings.Contains(sev[d.Code], string(d.Severity)) {
				t.Errorf("the golden record shows %s as %s; doc.go says %q", d.Code, d.Severity, sev[d.Code])
			}
		}
	}
}

// paramsSourceTable reads the "code sev source" table of doc.go.
func paramsSourceTable(t *testing.T, doc string) (sev, src map[string]string) {
	sev, src = map[string]string{}, map[string]string{}
	in := false
	for _, line := range strings.Split(doc, "\n") {
		if strings.HasPrefix(line, "//\tcode ") && strings.Contains(line, " source") {
			in = true
			continue
		}
		if !in {
			continue
		}
		if !strings.HasPrefix(line, "//\t") {
			break
		}
		f := strings.Fields(strings.TrimPrefix(line, "//\t"))
		if len(f) < 3 {
			t.Fatalf("doc.go table line %q: want code, sev, source", line)
		}
		if _, dup := sev[f[0]]; dup {
			t.Errorf("doc.go lists %s twice", f[0])
		}
		sev[f[0]], src[f[0]] = f[1], strings.Join(f[2:], " ")
	}
	if len(sev) < 30 {
		t.Fatalf("doc.go's source table not found (%d rows)", len(sev))
	}
	return sev, src
}

// paramsCodes reads the Code* string constants of result.go.
func paramsCodes(t *testing.T) []string {
	f, err := goparser.ParseFile(gotoken.NewFileSet(), "result.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	var codes []string
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
	return codes
}
