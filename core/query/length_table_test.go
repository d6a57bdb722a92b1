package query

import "testing"

// limitTable answers exactly what the generated lengthLimits map does.
func TestLimitTableMatchesLengthLimits(t *testing.T) {
	n := 0
	for tier, byEndpoint := range lengthLimits {
		for ep, want := range byEndpoint {
			n++
			if got := maxLength(Options{Endpoint: ep, Tier: tier}); got != want {
				t.Errorf("maxLength(%s, %s) = %d, want %d", ep, tier, got, want)
			}
			if got := MaxLength(Options{Endpoint: ep, Tier: tier}); got != want {
				t.Errorf("MaxLength(%s, %s) = %d, want %d", ep, tier, got, want)
			}
		}
	}
	if n != len(limitTable)*len(limitTable[0]) {
		t.Errorf("lengthLimits has %d entries, limitTable %d slots", n, len(limitTable)*len(limitTable[0]))
	}
}
