package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xpreflight/xpreflight/internal/gentool"
)

// TestGeneratedFilesAreCurrent regenerates everything in memory from
// ../shared/ref and fails when a committed file differs, is missing, or is
// a stale leftover (a missing ../shared/ref fails too). Fix with
// `go generate ./core/params`.
func TestGeneratedFilesAreCurrent(t *testing.T) {
	root, files := gentool.Current(t, generateFromDisk, "go generate ./core/params")
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
