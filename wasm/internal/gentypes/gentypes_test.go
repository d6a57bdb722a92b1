package gentypes

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/xpreflight/xpreflight/internal/gentool"
)

const root = "../../.."

func TestGeneratedIsCurrent(t *testing.T) {
	gentool.Current(t, Files, "go generate ./wasm/internal/gentypes (or ./build.sh gen)")
}

// TestGoldenCodesAreDeclared checks the convention against what the core
// really emits: every code in the query and request golden files must be in
// the generated unions (a code named other than Code<Name> would be missing).
func TestGoldenCodesAreDeclared(t *testing.T) {
	src, err := Generate(root)
	if err != nil {
		t.Fatal(err)
	}
	declared := map[string]bool{}
	for _, m := range regexp.MustCompile(`(?m)^  \| '([^']+)'`).FindAllStringSubmatch(string(src), -1) {
		declared[m[1]] = true
	}
	sources := []struct {
		glob string
		re   *regexp.Regexp
	}{
		{"core/query/testdata/*.golden", regexp.MustCompile(`\^ (?:error|warning) ([a-z0-9-]+)`)},
		{"core/params/testdata/*.json", regexp.MustCompile(`"code": "([a-z0-9-]+)"`)},
	}
	seen := 0
	for _, s := range sources {
		files, err := filepath.Glob(filepath.Join(root, s.glob))
		if err != nil || len(files) == 0 {
			t.Fatalf("no golden files match %s (err %v)", s.glob, err)
		}
		for _, f := range files {
			raw, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			for _, m := range s.re.FindAllStringSubmatch(string(raw), -1) {
				seen++
				if !declared[m[1]] {
					t.Errorf("%s: code %q is not in %s", filepath.Base(f), m[1], Output)
				}
			}
		}
	}
	if seen < 50 {
		t.Fatalf("found only %d codes in the golden files; did their format change?", seen)
	}
}

func TestIsCodeName(t *testing.T) {
	for name, want := range map[string]bool{"CodeTooLong": true, "Code": false, "Codec": false, "codeX": false, "XCode": false} {
		if got := isCodeName(name); got != want {
			t.Errorf("isCodeName(%q) = %v, want %v", name, got, want)
		}
	}
}
