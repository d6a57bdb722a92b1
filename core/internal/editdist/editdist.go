// Package editdist measures how far a mistyped name is from a known one, for
// "did you mean" hints.
package editdist

// Within returns the optimal-string-alignment distance of a and b (in
// bytes: insertions, deletions, substitutions and swaps of two adjacent
// bytes each count 1) and true when it is at most limit; otherwise false.
// Swaps count once because they are the commonest typo ("tga" for "tag").
// It stops as soon as every alignment exceeds limit, so comparing a name
// against a long list of candidates stays cheap.
func Within(a, b string, limit int) (int, bool) {
	if limit < 0 || len(a)-len(b) > limit || len(b)-len(a) > limit {
		return 0, false
	}
	prev2 := make([]int, len(b)+1) // row i-2, for swaps
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
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
			rowMin = min(rowMin, cur[j])
		}
		if rowMin > limit {
			return 0, false
		}
		prev2, prev, cur = prev, cur, prev2
	}
	if d := prev[len(b)]; d <= limit {
		return d, true
	}
	return 0, false
}
