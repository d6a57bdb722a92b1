package post

// Config is one twitter-text weighting config: how much each code point, URL
// and emoji sequence adds to a post's weighted length and where the limit is.
// Fields mean what ../shared/ref/twitter-text/config/README.md says.
type Config struct {
	Version              int
	MaxWeightedLength    int // in weighted characters (weights divided by Scale)
	Scale                int
	DefaultWeight        int // weight of a code point in no range, and of an emoji sequence
	EmojiParsing         bool
	TransformedURLLength int // every URL counts this many weighted characters
	Ranges               []WeightRange
}

// WeightRange gives the code points Start..End (inclusive) a weight.
type WeightRange struct {
	Start, End rune
	Weight     int
}

// V3 is twitter-text's current config (the default): 280 weighted
// characters, emoji sequences weigh as one code point.
func V3() Config { return configV3 }

// V2 is the previous config: the same weights without emoji parsing, so
// every code point of an emoji sequence is weighed on its own.
func V2() Config { return configV2 }

// ConfigByName returns "v2" or "v3" ("" means v3); ok is false otherwise.
func ConfigByName(name string) (c Config, ok bool) {
	switch name {
	case "", "v3":
		return configV3, true
	case "v2":
		return configV2, true
	}
	return Config{}, false
}

// weight is the weight of one UTF-16 code unit's value, as twitter-text
// weighs text unit by unit: a surrogate pair is weighed by its low surrogate.
func (c *Config) weight(u rune) int {
	for _, r := range c.Ranges {
		if u >= r.Start && u <= r.End {
			return r.Weight
		}
	}
	return c.DefaultWeight
}
