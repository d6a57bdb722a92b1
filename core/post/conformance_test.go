package post

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// The conformance suite of twitter-text (Apache-2.0), read at test time as
// its README asks: ../shared/ref/twitter-text/conformance beside the
// repository.
var conformanceDir = filepath.Join("..", "..", "..", "shared", "ref", "twitter-text", "conformance")

func loadSuite(t *testing.T, file string) map[string]yaml.Node {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(conformanceDir, file))
	if err != nil {
		t.Fatalf("twitter-text's conformance suite belongs in ../shared/ref/twitter-text: %v", err)
	}
	var doc struct {
		Tests map[string]yaml.Node `yaml:"tests"`
	}
	if err := yaml.Unmarshal(raw, &doc); err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	return doc.Tests
}

type weightedCase struct {
	Description string `yaml:"description"`
	Text        string `yaml:"text"`
	Expected    struct {
		WeightedLength    int  `yaml:"weightedLength"`
		Valid             bool `yaml:"valid"`
		Permillage        int  `yaml:"permillage"`
		DisplayRangeStart int  `yaml:"displayRangeStart"`
		DisplayRangeEnd   int  `yaml:"displayRangeEnd"`
		ValidRangeStart   int  `yaml:"validRangeStart"`
		ValidRangeEnd     int  `yaml:"validRangeEnd"`
	} `yaml:"expected"`
}

// inclusiveEnd turns a half-open end back into twitter-text's inclusive one.
func inclusiveEnd(end int) int { return max(end-1, 0) }

// TestConformanceWeighted runs every case of validate.yml's weighted-length
// sections: WeightedTweetsCounterTest with config v2 (as twitter-text's own
// runners do), the emoji and directional-marker sections with v3.
func TestConformanceWeighted(t *testing.T) {
	suite := loadSuite(t, "validate.yml")
	sections := map[string]Config{
		"WeightedTweetsCounterTest":                    V2(),
		"WeightedTweetsWithDiscountedEmojiCounterTest": V3(),
		"UnicodeDirectionalMarkerCounterTest":          V3(),
	}
	total := 0
	for name, cfg := range sections {
		node, ok := suite[name]
		if !ok {
			t.Fatalf("validate.yml has no section %s", name)
		}
		var cases []weightedCase
		if err := node.Decode(&cases); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, c := range cases {
			total++
			r := Parse(c.Text, cfg)
			e := c.Expected
			got := [7]int{r.WeightedLength, b2i(r.Valid), r.Permillage, r.DisplayRange.Start, inclusiveEnd(r.DisplayRange.End), r.ValidRange.Start, inclusiveEnd(r.ValidRange.End)}
			want := [7]int{e.WeightedLength, b2i(e.Valid), e.Permillage, e.DisplayRangeStart, e.DisplayRangeEnd, e.ValidRangeStart, e.ValidRangeEnd}
			if got != want {
				t.Errorf("%s: %s\n got [weighted valid permille dispStart dispEnd validStart validEnd] %v\nwant %v", name, c.Description, got, want)
			}
		}
	}
	if total != 44 {
		t.Errorf("ran %d weighted cases, the suite has 44", total)
	}
	t.Logf("validate.yml weighted sections: %d cases", total)
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

type listCase struct {
	Description string   `yaml:"description"`
	Text        string   `yaml:"text"`
	Expected    []string `yaml:"expected"`
}

type indexedCase struct {
	Description string `yaml:"description"`
	Text        string `yaml:"text"`
	Expected    []struct {
		URL        string `yaml:"url"`
		ScreenName string `yaml:"screen_name"`
		ListSlug   string `yaml:"list_slug"`
		Hashtag    string `yaml:"hashtag"`
		Cashtag    string `yaml:"cashtag"`
		Indices    []int  `yaml:"indices"`
	} `yaml:"expected"`
}

// found is one extracted entity as the suite states it.
type found struct {
	text  string
	list  string
	span  Span
	isURL bool
}

func extractKind(kind, text string) []found {
	var out []found
	switch kind {
	case "urls":
		for _, u := range extractURLs(text, nil) {
			out = append(out, found{text: u.Text, span: utf16Span(text, Span{u.Start, u.End})})
		}
	case "mentions", "mentions_or_lists":
		for _, m := range extractMentions(text, nil) {
			if kind == "mentions" && m.List != "" {
				continue
			}
			out = append(out, found{text: m.Name, list: m.List, span: utf16Span(text, Span{m.Start, m.End})})
		}
	case "hashtags":
		urls := extractURLs(text, nil)
		for _, h := range extractHashtags(text, nil) {
			if slices.ContainsFunc(urls, func(u urlMatch) bool { return h.Start < u.End && u.Start < h.End }) {
				continue
			}
			out = append(out, found{text: h.Tag, span: utf16Span(text, Span{h.Start, h.End})})
		}
	case "cashtags":
		for _, c := range extractCashtags(text, nil) {
			out = append(out, found{text: c.Tag, span: utf16Span(text, Span{c.Start, c.End})})
		}
	}
	return out
}

// TestConformanceExtract runs every case of extract.yml's URL, mention,
// hashtag and cashtag sections.
func TestConformanceExtract(t *testing.T) {
	suite := loadSuite(t, "extract.yml")
	lists := map[string]string{
		"urls": "urls", "tco_urls_with_params": "urls", "mentions": "mentions",
		"hashtags": "hashtags", "hashtags_from_astral": "hashtags", "cashtags": "cashtags",
	}
	indexed := map[string]string{
		"urls_with_indices": "urls", "urls_with_directional_markers": "urls",
		"mentions_with_indices": "mentions", "mentions_or_lists_with_indices": "mentions_or_lists",
		"hashtags_with_indices": "hashtags", "cashtags_with_indices": "cashtags",
	}
	total := 0
	for section, kind := range lists {
		var cases []listCase
		decodeSection(t, suite, section, &cases)
		for _, c := range cases {
			total++
			var got []string
			for _, f := range extractKind(kind, c.Text) {
				got = append(got, f.text)
			}
			if !slices.Equal(got, c.Expected) && !(len(got) == 0 && len(c.Expected) == 0) {
				t.Errorf("%s: %s\ntext %q\n got %q\nwant %q", section, c.Description, c.Text, got, c.Expected)
			}
		}
	}
	for section, kind := range indexed {
		var cases []indexedCase
		decodeSection(t, suite, section, &cases)
		for _, c := range cases {
			total++
			var got, want []string
			for _, f := range extractKind(kind, c.Text) {
				got = append(got, f.text+f.list+" "+strings.Trim(strings.Join(strings.Fields(fmtSpan(f.span)), ","), "[]"))
			}
			for _, e := range c.Expected {
				name := e.URL + e.ScreenName + e.ListSlug + e.Hashtag + e.Cashtag
				if len(e.Indices) != 2 {
					t.Fatalf("%s: %s: indices %v", section, c.Description, e.Indices)
				}
				want = append(want, name+" "+strings.Trim(strings.Join(strings.Fields(fmtSpan(Span{e.Indices[0], e.Indices[1]})), ","), "[]"))
			}
			if !slices.Equal(got, want) {
				t.Errorf("%s: %s\ntext %q\n got %q\nwant %q", section, c.Description, c.Text, got, want)
			}
		}
	}
	t.Logf("extract.yml URL, mention, hashtag and cashtag sections: %d cases", total)
	if total != 91+10+2+5+23+3+5+65+3+8+8+2 {
		t.Errorf("ran %d extract cases", total)
	}
}

func fmtSpan(s Span) string {
	return strings.Join([]string{itoa(s.Start), itoa(s.End)}, " ")
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	neg := n < 0
	if neg {
		n = -n
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	if neg {
		b = append([]byte{'-'}, b...)
	}
	return string(b)
}

func decodeSection(t *testing.T, suite map[string]yaml.Node, section string, into any) {
	t.Helper()
	node, ok := suite[section]
	if !ok {
		t.Fatalf("extract.yml has no section %s", section)
	}
	if err := node.Decode(into); err != nil {
		t.Fatalf("%s: %v", section, err)
	}
}
