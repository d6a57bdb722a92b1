package main

import (
	"bytes"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestGeneratedFilesAreCurrent regenerates everything in memory from
// ../shared/ref and fails when a committed file differs, is missing, or is
// a stale leftover. Fix with `go generate ./core/params`.
func TestGeneratedFilesAreCurrent(t *testing.T) {
	root, err := repoRoot()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "..", "shared", "ref")); err != nil {
		t.Skipf("reference specs not beside the repository: %v", err)
	}
	files, err := generateFromDisk(root)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range slices.Sorted(maps.Keys(files)) {
		got, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(name)))
		if err != nil {
			t.Errorf("%s: not committed (%v); run go generate ./core/params", name, err)
			continue
		}
		if !bytes.Equal(got, files[name]) {
			t.Errorf("%s drifted from the generator's output; run go generate ./core/params (first difference at byte %d)", name, firstDiff(got, files[name]))
		}
	}
	for _, dir := range []string{"schemas/request/2.166", "schemas/request/2.167"} {
		entries, err := os.ReadDir(filepath.Join(root, filepath.FromSlash(dir)))
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			if _, ok := files[dir+"/"+e.Name()]; !ok {
				t.Errorf("%s/%s is not generated any more; delete it", dir, e.Name())
			}
		}
	}
	if !strings.HasPrefix(string(files["core/params/routes_gen.go"]), "// Code generated ") || !strings.Contains(string(files["core/params/routes_gen.go"]), "DO NOT EDIT.") {
		t.Error("routes_gen.go lacks the generated-code header")
	}
}

func firstDiff(a, b []byte) int {
	for i := 0; i < len(a) && i < len(b); i++ {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}
