package gentool

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestWriteAndDrift(t *testing.T) {
	root := t.TempDir()
	files := map[string][]byte{"a/b.go": []byte("package b\n"), "c.json": []byte("{}\n")}
	if got := Drift(root, files, "go generate"); len(got) != 2 || !strings.Contains(got[0], "a/b.go: not committed") {
		t.Fatalf("Drift before writing = %q, want both files missing", got)
	}
	wrote, err := Write(root, files)
	if err != nil || len(wrote) != 2 {
		t.Fatalf("Write = %v, %v; want both files written", wrote, err)
	}
	if got := Drift(root, files, "go generate"); len(got) != 0 {
		t.Fatalf("Drift after writing = %q, want none", got)
	}
	if wrote, _ := Write(root, files); len(wrote) != 0 {
		t.Errorf("a second Write rewrote %v; unchanged files are left alone", wrote)
	}
	if err := os.WriteFile(filepath.Join(root, "c.json"), []byte("{ }\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	got := Drift(root, files, "go generate ./x")
	if len(got) != 1 || !strings.Contains(got[0], "c.json drifted") || !strings.Contains(got[0], "byte 1") || !strings.Contains(got[0], "go generate ./x") {
		t.Errorf("Drift after an edit = %q", got)
	}
}

func TestReadRefNamesWhereTheDataLives(t *testing.T) {
	if _, err := ReadRef(t.TempDir(), "missing.json"); err == nil || !strings.Contains(err.Error(), "../shared/ref") {
		t.Errorf("ReadRef(missing) = %v, want an error naming ../shared/ref", err)
	}
}
