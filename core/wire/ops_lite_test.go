//go:build !js

package wire

import (
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// The query-only build exists to start fast: it must not link the packages
// whose init dominates start-up. go list answers from the build graph, so
// this holds for the wasm entry point exactly as wasm/build.sh builds it.
func TestQueryOnlyBuildLeavesOutHeavyPackages(t *testing.T) {
	goBin := filepath.Join(runtime.GOROOT(), "bin", "go")
	heavy := []string{
		"github.com/santhosh-tekuri/jsonschema/v5",
		"github.com/xpreflight/xpreflight/core/params",
		"github.com/xpreflight/xpreflight/core/apierr",
		"github.com/xpreflight/xpreflight/core/retry",
		"github.com/xpreflight/xpreflight/schemas",
	}
	for _, tc := range []struct {
		name      string
		tags      []string
		wantHeavy bool
	}{
		{"full", nil, true},
		{"query-only", []string{"-tags", "xpreflight_querylite"}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			args := append([]string{"list"}, tc.tags...)
			args = append(args, "-deps", "github.com/xpreflight/xpreflight/wasm")
			cmd := exec.Command(goBin, args...)
			cmd.Env = append(cmd.Environ(), "GOOS=js", "GOARCH=wasm")
			out, err := cmd.CombinedOutput()
			if err != nil {
				t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, out)
			}
			deps := map[string]bool{}
			for _, line := range strings.Fields(string(out)) {
				deps[line] = true
			}
			if !deps["github.com/xpreflight/xpreflight/core/query"] {
				t.Fatalf("core/query missing from the %s build's dependencies:\n%s", tc.name, out)
			}
			for _, pkg := range heavy {
				if deps[pkg] != tc.wantHeavy {
					t.Errorf("%s build depends on %s: %v, want %v", tc.name, pkg, deps[pkg], tc.wantHeavy)
				}
			}
		})
	}
}
