// Command genpost generates core/post's tables from the reference data:
// twitter-text's weighting configs (config/v2.json, config/v3.json) and its
// TLD list (conformance/tld_lib.yml) in ../shared/ref/twitter-text beside the
// repository, and the Unicode emoji properties in unicode/emoji-data.txt.
//
// Run it with `go generate ./core/post`; TestGeneratedFilesAreCurrent fails
// when a committed table differs from what it would write.
package main

import (
	"os"
	"path/filepath"

	"github.com/xpreflight/xpreflight/internal/gentool"
)

func main() { gentool.Main("genpost", generateFromDisk) }

// generateFromDisk reads the sources relative to the repository root and
// returns the generated files by repository-relative path.
func generateFromDisk(root string) (map[string][]byte, error) {
	v2, err := gentool.ReadRef(root, "twitter-text/config/v2.json")
	if err != nil {
		return nil, err
	}
	v3, err := gentool.ReadRef(root, "twitter-text/config/v3.json")
	if err != nil {
		return nil, err
	}
	tlds, err := gentool.ReadRef(root, "twitter-text/conformance/tld_lib.yml")
	if err != nil {
		return nil, err
	}
	emoji, err := os.ReadFile(filepath.Join(root, "internal", "genpost", "unicode", "emoji-data.txt"))
	if err != nil {
		return nil, err
	}
	return generate(v2, v3, tlds, emoji)
}
