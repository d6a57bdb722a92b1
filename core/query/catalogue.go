package query

//go:generate go run ../../internal/genquery

// OperatorKind says whether an operator may stand alone in a query.
type OperatorKind uint8

// Operator kinds as X's operator tables label them.
const (
	// KindUnknown: X's table leaves the type blank; the linter never rejects on it.
	KindUnknown OperatorKind = iota
	Standalone
	ConjunctionRequired
)

// Availability says which access level an operator needs.
type Availability uint8

// Availabilities from X's operator tables.
const (
	Core          Availability = iota // every project
	Advanced                          // Enterprise (formerly Elevated/Academic/Pro)
	StreamOnly                        // listed only on the filtered-stream page; any tier with a stream
	EmbeddingTier                     // Enterprise with the Embedding add-on
)

// EndpointSet is a set of endpoints, one bit per Endpoint.
type EndpointSet uint8

// Endpoint bits.
const (
	OnSearchRecent EndpointSet = 1 << iota
	OnSearchAll
	OnCountsRecent
	OnCountsAll
	OnStream
)

// Has reports whether e is in the set.
func (s EndpointSet) Has(e Endpoint) bool { return s&endpointBit(e) != 0 }

func endpointBit(e Endpoint) EndpointSet {
	switch e {
	case SearchRecent:
		return OnSearchRecent
	case SearchAll:
		return OnSearchAll
	case CountsRecent:
		return OnCountsRecent
	case CountsAll:
		return OnCountsAll
	case StreamRule:
		return OnStream
	}
	return 0
}

// ArgType is the grammar of an operator's argument.
type ArgType uint8

// Argument grammars.
const (
	ArgTypeNone        ArgType = iota // is:/has: and plain terms: no argument
	ArgTypeUser                       // username without @, or numeric user ID
	ArgTypePostID                     // numeric Post ID
	ArgTypeListID                     // numeric List ID
	ArgTypeContext                    // domain_id.entity_id
	ArgTypeQuotedText                 // a double-quoted string (entity:, embedding:)
	ArgTypeText                       // keyword or quoted phrase
	ArgTypeURL                        // URL; quoted when it has punctuation
	ArgTypePlace                      // place name (quoted when multi-word) or place ID
	ArgTypeCountry                    // ISO 3166-1 alpha-2
	ArgTypeLang                       // BCP 47 code from X's list
	ArgTypePointRadius                // [lon lat radius]
	ArgTypeBoundingBox                // [west south east north]
	ArgTypeCount                      // non-negative integer
	ArgTypeCountRange                 // N or N..M
	ArgTypeSample                     // integer percent 1–100
	ArgTypeThreshold                  // decimal 0.0–1.0
)

// OperatorInfo is one row of X's operator table.
type OperatorInfo struct {
	Name         string   // "from:", "has:media", "keyword", "#", …
	Aliases      []string // other names X accepts, e.g. "has:media_link"
	Kind         OperatorKind
	Availability Availability
	Endpoints    EndpointSet
	Negatable    bool
	Arg          ArgType
	Argument     string // X's description of the argument
	Notes        string
	Source       string // key into the fact sheet's _sources
}

// Operators returns X's operator table (keywords, phrases and entity terms
// included), in the fact sheet's order.
func Operators() []OperatorInfo {
	out := make([]OperatorInfo, len(catalogue))
	copy(out, catalogue[:])
	return out
}

// operatorRef is a catalogue lookup result: the entry and whether the name
// used is an alias X documents only for the filtered stream.
type operatorRef struct {
	index          int16
	streamDocsOnly bool
}

// lookupOperator finds an operator by lower-case name without the colon
// ("from") or, for is:/has:, with its value ("has:media").
func lookupOperator(name string) (*OperatorInfo, operatorRef, bool) {
	ref, ok := findOperatorName(name)
	if !ok {
		return nil, ref, false
	}
	return &catalogue[ref.index], ref, true
}

// langStatus places a lang: code in X's lists.
type langStatus uint8

const (
	langUnknown langStatus = iota
	langCurrent            // in the 2026 docs' list (or "und")
	langLegacy             // only in the pre-2026 list
)
