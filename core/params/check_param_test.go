package params

import (
	"strconv"
	"testing"
)

// parseInt's digit loop agrees with strconv.ParseInt, around its edges.
func TestParseIntMatchesStrconv(t *testing.T) {
	for _, s := range []string{"", "0", "7", "50", "007", "-5", "+5", "1_0", "12a", " 1", "999999999999999999", "9999999999999999999", "9223372036854775807", "9223372036854775808", "١"} {
		got, gotErr := parseInt(s)
		want, wantErr := strconv.ParseInt(s, 10, 64)
		if got != want || (gotErr == nil) != (wantErr == nil) {
			t.Errorf("parseInt(%q) = %d, %v; strconv says %d, %v", s, got, gotErr, want, wantErr)
		}
	}
}
