package schemas

import (
	"strings"
	"testing"
)

func TestCompileRefusesOutsideURLs(t *testing.T) {
	if _, err := loadEmbedded("https://example.com/x.json"); err == nil || !strings.Contains(err.Error(), "outside") {
		t.Fatalf("loadEmbedded(outside URL) err = %v, want refusal", err)
	}
	if _, err := Compile("response/does-not-exist.json"); err == nil || !strings.Contains(err.Error(), "does-not-exist") {
		t.Fatalf("Compile(missing) err = %v, want an error naming the file", err)
	}
}
