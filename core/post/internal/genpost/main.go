// Command genpost generates core/post's tables from the reference data:
// twitter-text's weighting configs (config/v2.json, config/v3.json) and its
// TLD list (conformance/tld_lib.yml) in ../shared/ref/twitter-text beside the
// repository, and the Unicode emoji properties in unicode/emoji-data.txt.
//
// Run it with `go generate ./core/post`; TestGeneratedFilesAreCurrent fails
// when a committed table differs from what it would write.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
)

func main() {
	root := flag.String("root", "../..", "repository root (core/post is written below it)")
	flag.Parse()
	files, err := generateFromDisk(*root)
	if err != nil {
		fmt.Fprintln(os.Stderr, "genpost:", err)
		os.Exit(1)
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(*root, filepath.FromSlash(name)), body, 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "genpost:", err)
			os.Exit(1)
		}
	}
}

// generateFromDisk reads the sources relative to the repository root and
// returns the generated files by repository-relative path.
func generateFromDisk(root string) (map[string][]byte, error) {
	ref := filepath.Join(root, "..", "shared", "ref", "twitter-text")
	read := func(p string) ([]byte, error) {
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, fmt.Errorf("%w (twitter-text's reference data belongs in ../shared/ref/twitter-text beside the repository)", err)
		}
		return b, nil
	}
	v2, err := read(filepath.Join(ref, "config", "v2.json"))
	if err != nil {
		return nil, err
	}
	v3, err := read(filepath.Join(ref, "config", "v3.json"))
	if err != nil {
		return nil, err
	}
	tlds, err := read(filepath.Join(ref, "conformance", "tld_lib.yml"))
	if err != nil {
		return nil, err
	}
	emoji, err := os.ReadFile(filepath.Join(root, "core", "post", "internal", "genpost", "unicode", "emoji-data.txt"))
	if err != nil {
		return nil, err
	}
	return generate(v2, v3, tlds, emoji)
}
