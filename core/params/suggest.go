package params

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
		d := editDistance(s, c, min(limit, bestDist-1))
		if d >= 0 && d < bestDist {
			best, bestDist = c, d
		}
	}
	return best
}

// editDistance is the Levenshtein distance of a and b (bytes), or -1 when
// it exceeds limit.
func editDistance(a, b string, limit int) int {
	if abs(len(a)-len(b)) > limit {
		return -1
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			rowMin = min(rowMin, cur[j])
		}
		if rowMin > limit {
			return -1
		}
		prev, cur = cur, prev
	}
	if prev[len(b)] > limit {
		return -1
	}
	return prev[len(b)]
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
