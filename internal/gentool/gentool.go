// Package gentool is the one pattern every generator of xpreflight follows:
//
//	generator    a command (package main) in an internal/ directory (beside what it feeds, or at the root for core/, which stays pure):
//	             internal/genquery (operator catalogue), schemas/internal/genrequest
//	             (route table, request schemas), schemas/internal/genresponse (response schemas,
//	             problem-type table), internal/genpost (twitter-text weights,
//	             TLDs, emoji and NFC tables), wasm/internal/gentypes (codes.d.ts)
//	inputs       ../shared/ref beside the repository (ReadRef), plus files in the repository
//	output       generateFromDisk(root) map[repo-relative path][]byte, built in memory
//	go:generate  in the package that holds the generated Go file: go run <generator>
//	writing      Write: only files whose bytes changed
//	drift test   in the generator's package: Current (Drift against the committed files); it fails,
//	             and names the go generate command, when one differs or is missing
//
// Generated files carry "Code generated … DO NOT EDIT." (Go) or a $comment
// saying so (JSON).
package gentool

import (
	"bytes"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// RepoRoot walks up from the working directory to the directory holding
// go.mod (go generate and go test both run inside the repository).
func RepoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("no go.mod above the working directory")
		}
		dir = parent
	}
}

// ReadRef reads a file of the reference data, ../shared/ref beside the
// repository root.
func ReadRef(root, name string) ([]byte, error) {
	data, err := os.ReadFile(filepath.Join(root, "..", "shared", "ref", name))
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w (the reference data lives in ../shared/ref beside the repository)", name, err)
	}
	return data, nil
}

// Write writes every file below root whose bytes differ from files[path],
// creating directories as needed, and returns the paths it wrote.
func Write(root string, files map[string][]byte) ([]string, error) {
	var wrote []string
	for _, name := range slices.Sorted(maps.Keys(files)) {
		path := filepath.Join(root, filepath.FromSlash(name))
		if old, err := os.ReadFile(path); err == nil && bytes.Equal(old, files[name]) {
			continue
		}
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return wrote, err
		}
		if err := os.WriteFile(path, files[name], 0o644); err != nil {
			return wrote, err
		}
		wrote = append(wrote, name)
	}
	return wrote, nil
}

// Drift compares files with what is committed below root and returns one
// message per file that differs or is missing, each telling to run fix.
func Drift(root string, files map[string][]byte, fix string) []string {
	var out []string
	for _, name := range slices.Sorted(maps.Keys(files)) {
		got, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(name)))
		switch {
		case err != nil:
			out = append(out, fmt.Sprintf("%s: not committed (%v); run %s", name, err, fix))
		case !bytes.Equal(got, files[name]):
			out = append(out, fmt.Sprintf("%s drifted from the generator's output (first difference at byte %d); run %s", name, firstDiff(got, files[name]), fix))
		}
	}
	return out
}

// Current is a generator's drift test: it runs generate on the repository,
// fails t for every file that differs from what is committed (naming fix),
// and returns the root and the files for the test's own further checks.
func Current(t testing.TB, generate func(root string) (map[string][]byte, error), fix string) (string, map[string][]byte) {
	t.Helper()
	root, err := RepoRoot()
	if err != nil {
		t.Fatal(err)
	}
	files, err := generate(root)
	if err != nil {
		t.Fatal(err)
	}
	for _, msg := range Drift(root, files, fix) {
		t.Error(msg)
	}
	return root, files
}

func firstDiff(a, b []byte) int {
	for i := 0; i < len(a) && i < len(b); i++ {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}

// Main is a generator's main: generate from root, write what changed, and
// print one line per file written (prefixed with the generator's name).
func Main(name string, generate func(root string) (map[string][]byte, error)) {
	root, err := RepoRoot()
	if err == nil {
		var files map[string][]byte
		if files, err = generate(root); err == nil {
			var wrote []string
			wrote, err = Write(root, files)
			for _, w := range wrote {
				fmt.Println(name+": wrote", w)
			}
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, name+":", err)
		os.Exit(1)
	}
}
