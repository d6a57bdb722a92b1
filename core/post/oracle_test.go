package post

import (
	"encoding/json"
	"fmt"
	"os"
	"testing"
)

// TestOracle compares Parse with the twitter-text npm package's own answers
// (parseTweet, extractEntitiesWithIndices; recorded by testdata/oracle.mjs
// for a seeded corpus of generated posts: URLs with and without protocol,
// mentions, lists, hashtags, cashtags, emoji, CJK, separators).
func TestOracle(t *testing.T) {
	raw, err := os.ReadFile("testdata/twitter-text-oracle.json")
	if err != nil {
		t.Fatal(err)
	}
	var file struct {
		Cases []struct {
			Text            string `json:"text"`
			WeightedLength  int    `json:"weightedLength"`
			Valid           bool   `json:"valid"`
			Permillage      int    `json:"permillage"`
			ValidRangeEnd   int    `json:"validRangeEnd"`
			DisplayRangeEnd int    `json:"displayRangeEnd"`
			Entities        []struct {
				Kind, Text, ListSlug string
				Start, End           int
			} `json:"entities"`
		} `json:"cases"`
	}
	if err := json.Unmarshal(raw, &file); err != nil {
		t.Fatal(err)
	}
	if len(file.Cases) < 500 {
		t.Fatalf("only %d oracle cases", len(file.Cases))
	}
	failures := 0
	for _, c := range file.Cases {
		r := Parse(c.Text, V3())
		got := fmt.Sprint(r.WeightedLength, r.Valid, r.Permillage, inclusiveEnd(r.ValidRange.End), inclusiveEnd(r.DisplayRange.End))
		want := fmt.Sprint(c.WeightedLength, c.Valid, c.Permillage, c.ValidRangeEnd, c.DisplayRangeEnd)
		var ge, we []string
		for _, e := range r.Entities {
			ge = append(ge, fmt.Sprintf("%s %q%s [%d,%d)", e.Kind, e.Text, e.ListSlug, e.Span.Start, e.Span.End))
		}
		for _, e := range c.Entities {
			we = append(we, fmt.Sprintf("%s %q%s [%d,%d)", e.Kind, e.Text, e.ListSlug, e.Start, e.End))
		}
		if got != want || fmt.Sprint(ge) != fmt.Sprint(we) {
			failures++
			if failures <= 15 {
				t.Errorf("%q\n got %s %v\nwant %s %v", c.Text, got, ge, want, we)
			}
		}
	}
	t.Logf("%d oracle cases, %d differ", len(file.Cases), failures)
}
