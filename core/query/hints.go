package query

import (
	"strings"

	"github.com/xpreflight/xpreflight/core/internal/editdist"
)

// webSearchNames are operators of X's web search (and of v1.1) that the v2
// API rejects, with what to use instead. min_faves:/min_retweets: are
// documented as rejected with 400 (fact sheet §3.5); the rest are the
// common web-search spellings.
var webSearchNames = map[string]string{
	"min_faves":    "min_faves: is X's web-search name; the API's operator is min_likes:",
	"min_retweets": "min_retweets: is X's web-search name; the API's operator is min_reposts:",
	"since":        "since: is web-search syntax; use the start_time request parameter",
	"until":        "until: is web-search syntax; use the end_time request parameter",
	"since_id":     "since_id: is web-search syntax; use the since_id request parameter",
	"max_id":       "max_id: is web-search syntax; use the until_id request parameter",
	"near":         "near: is web-search syntax; use point_radius:[lon lat radius]",
	"within":       "within: is web-search syntax; use point_radius:[lon lat radius]",
	"exclude":      "exclude: is web-search syntax; negate an is: operator instead, e.g. -is:reply",
	"include":      "include: is web-search syntax; the API has is:retweet, is:reply, is:quote",
}

// filterReplacements maps web search's filter:X to the v2 operator.
var filterReplacements = map[string]string{
	"links": "has:links", "media": "has:media", "images": "has:images", "videos": "has:videos",
	"native_video": "has:videos", "hashtags": "has:hashtags", "mentions": "has:mentions",
	"replies": "is:reply", "retweets": "is:retweet", "nativeretweets": "is:retweet",
	"quote": "is:quote", "verified": "is:verified", "blue_verified": "is:verified",
}

func webSearchHint(op *Operator) string {
	if op.Key == "filter" {
		if r, ok := filterReplacements[toLowerASCII(op.Value)]; ok {
			return "filter: is web-search syntax; the API uses " + r
		}
		return "filter: is web-search syntax; the API uses has: and is: operators (filter:links → has:links, filter:replies → is:reply)"
	}
	return webSearchNames[op.Key]
}

// nearestOperator returns the catalogue name closest to op's name (or to
// is:/has: with its value) within a small edit distance, or "".
func nearestOperator(op *Operator) string {
	var buf [48]byte
	key := string(lookupKey(buf[:0], op))
	best, bestDist := nearestName(key)
	// "hass:media": the mistyped name may be is:/has: with its value.
	if withValue := op.Key + ":" + toLowerASCII(op.Value); op.Arg == ArgBare && withValue != key {
		if b, d := nearestName(withValue); d < bestDist {
			best = b
		}
	}
	return best
}

// isHasValues lists the values X accepts after is: or has:, for hints.
func isHasValues(key string) string {
	var vals []string
	for i := range catalogue {
		info := &catalogue[i]
		for _, name := range append([]string{info.Name}, info.Aliases...) {
			if v, ok := strings.CutPrefix(name, key+":"); ok {
				vals = append(vals, v)
			}
		}
	}
	return strings.Join(vals, ", ")
}

func nearestName(key string) (string, int) {
	best, bestDist := "", 3
	if len(key) <= 4 {
		bestDist = 2 // short names: only a single edit is a plausible typo
	}
	for i := range catalogue {
		info := &catalogue[i]
		names := append([]string{info.Name}, info.Aliases...)
		for _, name := range names {
			if !strings.HasSuffix(name, ":") && !strings.HasPrefix(name, "is:") && !strings.HasPrefix(name, "has:") {
				continue // plain terms have no name to mistype
			}
			cand := strings.TrimSuffix(name, ":")
			if d, ok := editdist.Within(key, cand, bestDist-1); ok {
				best, bestDist = name, d
			}
		}
	}
	return best, bestDist
}
