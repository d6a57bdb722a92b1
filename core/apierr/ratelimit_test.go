package apierr

import "testing"

// windowHeaders spells out prefix+field for each window, in Windows' order.
func TestWindowHeadersSpelledOut(t *testing.T) {
	for i, prefix := range []string{windowPrefix, appDayPrefix, userDayPrefix} {
		for j, field := range WindowFields {
			if got, want := windowHeaders[i][j], prefix+field; got != want {
				t.Errorf("windowHeaders[%d][%d] = %q, want %q", i, j, got, want)
			}
		}
	}
}
