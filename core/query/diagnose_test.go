package query

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// Diagnose reports exactly Validate's diagnostics on every golden query.
func TestDiagnoseMatchesValidate(t *testing.T) {
	inputs, err := filepath.Glob("testdata/*.queries")
	if err != nil || len(inputs) == 0 {
		t.Fatalf("no golden inputs: %v", err)
	}
	n := 0
	for _, in := range inputs {
		src, err := os.ReadFile(in)
		if err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(string(src), "\n") {
			if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
				continue
			}
			opts, q := parseGoldenLine(t, line)
			q = unescapeGolden(q)
			want := Validate(q, opts).Diagnostics
			if got := Diagnose(q, opts); !reflect.DeepEqual(got, want) {
				t.Errorf("%s: Diagnose(%q) = %+v\nValidate says %+v", filepath.Base(in), q, got, want)
			}
			n++
		}
	}
	if n < 50 {
		t.Errorf("only %d golden queries compared", n)
	}
}
