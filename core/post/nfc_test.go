package post

import (
	"testing"

	"golang.org/x/text/unicode/norm"
)

// TestNFCStableRanges: every code point nfcStable trusts is its own NFC form,
// has combining class 0 and starts a new composition (so nothing before it
// can absorb it).
func TestNFCStableRanges(t *testing.T) {
	for _, rr := range nfcStableRanges {
		for r := rr.lo; r <= rr.hi; r++ {
			s := string(r)
			p := norm.NFC.PropertiesString(s)
			if p.CCC() != 0 || !p.BoundaryBefore() || norm.NFC.String(s) != s || !norm.NFC.IsNormalString("a"+s) || !norm.NFC.IsNormalString("\u1100"+s) {
				t.Errorf("U+%04X is not NFC-stable", r)
			}
		}
	}
}
