package query

import "testing"

// TestLevelLimits pins every level × endpoint limit to the fact sheet
// (x-api-facts.md §3.1, §3.2, §3.5): documented cells are errors past the
// limit, borrowed ones (pay-per-use's figure) only warnings.
func TestLevelLimits(t *testing.T) {
	type cell struct {
		n          int
		documented bool
	}
	eps := []Endpoint{SearchRecent, SearchAll, CountsRecent, CountsAll, StreamRule}
	want := map[Tier][5]cell{
		PayPerUse:  {{512, true}, {1024, true}, {512, true}, {1024, true}, {1024, true}},      // 2026 docs
		Free:       {{512, false}, {1024, false}, {512, false}, {1024, false}, {1024, false}}, // no source
		Basic:      {{512, true}, {1024, false}, {512, false}, {1024, false}, {1024, false}},  // 2024-12: "Basic or Pro: 512 for recent search"
		Pro:        {{512, true}, {1024, true}, {512, false}, {1024, false}, {1024, true}},    // 2024-12: Pro 1,024 full archive, rules 1,024
		Enterprise: {{4096, true}, {4096, true}, {4096, true}, {4096, true}, {2048, true}},    // 2026 docs
	}
	if len(want) != len(Tiers()) {
		t.Fatalf("Tiers() = %v, the test knows %d", Tiers(), len(want))
	}
	for _, tier := range Tiers() {
		for j, ep := range eps {
			w := want[tier][j]
			got := limitOf(Options{Endpoint: ep, Tier: tier})
			if got.n != w.n || got.documented != w.documented {
				t.Errorf("%s on %s: limit %d documented %t, want %d %t", ep, tier, got.n, got.documented, w.n, w.documented)
			}
			if m := MaxLength(Options{Endpoint: ep, Tier: tier}); m != w.n {
				t.Errorf("MaxLength(%s, %s) = %d, want %d", ep, tier, m, w.n)
			}
		}
	}
}

func TestParseTier(t *testing.T) {
	tests := []struct {
		in   string
		want Tier
		ok   bool
	}{
		{"", PayPerUse, true},
		{"pay-per-use", PayPerUse, true},
		{"free", Free, true},
		{"basic", Basic, true},
		{"pro", Pro, true},
		{"enterprise", Enterprise, true},
		{"Enterprise", "", false}, // names are exact, as the wire contract lists them
		{"elevated", "", false},   // a 2021–2023 level, gone
		{"essential", "", false},
		{"gold", "", false},
		{"pay_per_use", "", false},
		{" pro", "", false},
	}
	for _, tt := range tests {
		got, ok := ParseTier(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("ParseTier(%q) = %q, %t; want %q, %t", tt.in, got, ok, tt.want, tt.ok)
		}
	}
	if ts := Tiers(); ts[0] != PayPerUse {
		t.Errorf("Tiers()[0] = %q, want the default pay-per-use", ts[0])
	}
}
