package main

import (
	"testing"

	"github.com/xpreflight/xpreflight/internal/gentool"
)

// TestGeneratedFilesAreCurrent regenerates the tables in memory and fails when
// a committed file differs. Fix with `go generate ./core/post`.
func TestGeneratedFilesAreCurrent(t *testing.T) {
	_, files := gentool.Current(t, generateFromDisk, "go generate ./core/post")
	if len(files) != 4 {
		t.Errorf("generator made %d files, want 4", len(files))
	}
}

// TestGeneratorRejectsBadInput: broken reference data is an error naming the file.
func TestGeneratorRejectsBadInput(t *testing.T) {
	good := []byte(`{"version":3,"maxWeightedTweetLength":280,"scale":100,"defaultWeight":200,"transformedURLLength":23,"ranges":[]}`)
	tld := []byte("country:\n- jp\ngeneric:\n- com\n")
	emoji := []byte("231A..231B ; Emoji\n231A ; Emoji_Presentation\n1F3FB ; Emoji_Modifier\n")
	if _, err := generate(good, good, tld, emoji); err != nil {
		t.Fatalf("minimal good input: %v", err)
	}
	cases := map[string][4][]byte{
		"unknown config field": {[]byte(`{"bogus":1}`), good, tld, emoji},
		"zero scale":           {[]byte(`{"maxWeightedTweetLength":280,"scale":0}`), good, tld, emoji},
		"no generic tlds":      {good, good, []byte("country:\n- jp\n"), emoji},
		"dotted tld":           {good, good, []byte("country:\n- co.jp\ngeneric:\n- com\n"), emoji},
		"bad code point":       {good, good, tld, []byte("ZZZZ ; Emoji\n")},
		"no modifiers":         {good, good, tld, []byte("231A ; Emoji\n231A ; Emoji_Presentation\n")},
	}
	for name, in := range cases {
		if _, err := generate(in[0], in[1], in[2], in[3]); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}
