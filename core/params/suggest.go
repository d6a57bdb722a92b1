package params

import "github.com/xpreflight/xpreflight/core/internal/editdist"

// suggest returns the candidate closest to s by edit distance, when it is
// close enough to be a likely typo (at most a third of the longer string,
// and at most 3 edits); otherwise "".
func suggest(s string, candidates []string) string {
	best, bestDist := "", 4
	for _, c := range candidates {
		limit := max(len(c), len(s)) / 3
		if limit < 1 {
			limit = 1
		}
		if d, ok := editdist.Within(s, c, min(limit, bestDist-1)); ok {
			best, bestDist = c, d
		}
	}
	return best
}
