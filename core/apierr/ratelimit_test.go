package apierr

import (
	"testing"

	"github.com/xpreflight/xpreflight/core/header"
)

// windowHeaders spells out prefix+field for each window, in Windows' order.
func TestWindowHeadersSpelledOut(t *testing.T) {
	for i, prefix := range []string{windowPrefix, appDayPrefix, userDayPrefix} {
		for j, field := range WindowFields {
			if got, want := windowHeaders[i][j], prefix+field; got != want {
				t.Errorf("windowHeaders[%d][%d] = %q, want %q", i, j, got, want)
			}
			if !IsRateLimitHeader(windowHeaders[i][j]) {
				t.Errorf("IsRateLimitHeader(%q) is false", windowHeaders[i][j])
			}
			// readWindow indexes the folded map with the name as it is.
			if v, ok := header.Fold(map[string]string{prefix + field: "7"})[windowHeaders[i][j]]; !ok || v != "7" {
				t.Errorf("%q is not its own folded form", windowHeaders[i][j])
			}
		}
	}
}
