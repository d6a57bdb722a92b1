package query

// Tier is the customer's access level; it decides the length limits X
// documents and whether advanced operators are known to be available.
type Tier string

// The access levels of 2026 (x-api-facts.md §3.5): pay-per-use, the
// default since 2026-02-06; the legacy self-serve subscriptions Free, Basic
// and Pro that still exist beside it; and Enterprise.
const (
	PayPerUse  Tier = "pay-per-use"
	Free       Tier = "free"
	Basic      Tier = "basic"
	Pro        Tier = "pro"
	Enterprise Tier = "enterprise"
)

// access is what the sources say about an operator class on a level.
type access uint8

const (
	accessYes     access = iota // documented as available
	accessUnknown               // no source says either way: a warning
	accessNo                    // documented or recorded rejection: an error
)

// lengthLimit is one level's limit for one endpoint. When documented is
// false no source gives the level a limit there, and n is pay-per-use's
// figure: going over it is a warning, not an error.
type lengthLimit struct {
	n          int
	documented bool
}

// accessLevel is one row of the generated accessLevels table.
type accessLevel struct {
	tier         Tier
	limits       [5]lengthLimit // by endpointSlot
	advanced     access         // advanced operators (list:, place:, has:geo, $cashtag, …)
	advancedNote string         // the fact sheet's words about it
	embedding    access         // embedding:, embedding_threshold:
}

// Tiers returns every access level, the default first.
func Tiers() []Tier {
	out := make([]Tier, len(accessLevels))
	for i := range accessLevels {
		out[i] = accessLevels[i].tier
	}
	return out
}

// ParseTier reads an access level name; "" is the default, pay-per-use.
// It is the one place tier names are parsed (the wire contract, the
// Worker's X_API_TIER setting and x-preflight-tier header call it).
func ParseTier(s string) (Tier, bool) {
	if s == "" {
		return PayPerUse, true
	}
	if tierSlot(Tier(s)) < 0 {
		return "", false
	}
	return Tier(s), true
}

func tierSlot(t Tier) int {
	switch t {
	case PayPerUse:
		return 0
	case Free:
		return 1
	case Basic:
		return 2
	case Pro:
		return 3
	case Enterprise:
		return 4
	}
	return -1
}

// levelOf returns the row of a normalized tier.
func levelOf(t Tier) *accessLevel {
	if i := tierSlot(t); i >= 0 {
		return &accessLevels[i]
	}
	return &accessLevels[0]
}
