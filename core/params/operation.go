package params

import (
	"github.com/xpreflight/xpreflight/core/query"

	"github.com/xpreflight/xpreflight/core/internal/strtab"
)

// Version is a set of X API spec versions, one bit each. The route table is
// the union of specs 2.166 and 2.167: a request either version accepts is
// accepted.
type Version uint8

// The spec versions the route table is generated from.
const (
	V2166 Version = 1 << iota // last spec with tweet.fields and api.twitter.com problems
	V2167                     // post.fields vocabulary, api.x.com problems
)

// Has reports whether every version in o is also in v.
func (v Version) Has(o Version) bool { return v&o == o }

// String names the versions, e.g. "2.166+2.167".
func (v Version) String() string {
	switch v {
	case V2166:
		return "2.166"
	case V2167:
		return "2.167"
	case V2166 | V2167:
		return "2.166+2.167"
	}
	return "none"
}

// Location is where a parameter travels.
type Location uint8

// Parameter locations used by X's spec (it declares no header or cookie
// parameters).
const (
	InQuery Location = iota
	InPath
)

func (l Location) String() string {
	if l == InPath {
		return "path"
	}
	return "query"
}

// Kind is a parameter's value type.
type Kind uint8

// Parameter kinds; List is a comma-separated list (style form, explode false).
const (
	KindString Kind = iota
	KindInteger
	KindBoolean
	KindDateTime
	KindList
)

// Dialect marks a spelling that belongs to one vocabulary only: spec 2.166
// says tweet (tweet.fields, referenced_tweets.id), spec 2.167 says post
// (post.fields, referenced_posts). A request should keep to one.
type Dialect uint8

// Dialects.
const (
	DialectNeutral Dialect = iota
	DialectTweet
	DialectPost
)

// ConstraintOp is the kind of a constraint on a parameter value.
type ConstraintOp uint8

// Constraint operators, each from the JSON Schema keyword of the same name
// in the parameter's schema (Item* apply to every item of a list).
const (
	Minimum ConstraintOp = iota
	Maximum
	MinLength
	MaxLength
	Pattern
	MinItems
	MaxItems
	UniqueItems
	ItemPattern
	NotBefore // a date-time bound stated in the description ("Must be on or after 2010-11-06."), in Pattern as RFC 3339
)

// Constraint is one check on a parameter value. Versions lists the spec
// versions that state it: when that is fewer than the versions declaring the
// parameter, the specs disagree and a violation is only a warning.
type Constraint struct {
	Op       ConstraintOp
	N        int64
	Pattern  string
	Versions Version
}

// EnumValue is one allowed value of a parameter (or of its list items).
type EnumValue struct {
	Value    string
	Versions Version
	Dialect  Dialect
}

// Param is one parameter of an operation, merged over the spec versions.
type Param struct {
	Name     string
	In       Location
	Kind     Kind
	Versions Version // versions that declare it on this operation
	Required Version // versions that require it
	Dialect  Dialect
	// EnumVersions are the versions that restrict the value (or each list
	// item) to Enum; a value outside Enum is an error only when every
	// declaring version restricts it.
	EnumVersions Version
	Enum         []EnumValue
	Constraints  []Constraint
	Default      string
	enumIndex    strtab.Table // Enum's values, built at initialisation
	// noItemPattern: no constraint is an ItemPattern (known at
	// initialisation; false, so patterns are tried, for a Param built
	// outside the route table)
	noItemPattern bool
}

// BodySchema names the JSON Schema of a request body in one spec version,
// as schemas.Compile takes it.
type BodySchema struct {
	Versions Version
	Name     string
}

// Body is an operation's request body.
type Body struct {
	Versions     Version // versions that declare a body
	Required     Version // versions that mark it required
	ContentTypes []string
	Schemas      []BodySchema
}

// Group is a set of names with a rule stated in the spec's prose; an item
// starting with "?" is a query parameter with a value ("?delete_all=true"),
// any other item a top-level body key or a query parameter name.
type Group struct {
	Names    []string
	Versions Version
}

// Order says that, when both are present, Low must come before High
// (times) or be less than High (IDs).
type Order struct {
	Low, High string
	Versions  Version
}

// Operation is one method + path template of the API.
type Operation struct {
	ID       string
	Method   string
	Path     string // template, e.g. /2/tweets/{id}
	Versions Version
	// Stream: the spec marks the operation x-twitter-streaming, so X answers
	// with a long-lived stream of JSON lines, not one body. It is the one
	// answer to "is this a stream?" (the Worker pipes it, core/apierr reads
	// its body as one line).
	Stream     bool
	Params     []*Param
	Body       *Body
	AtMostOne  []Group // "At most one of `a`, `b` may be provided."
	ExactlyOne []Group // "Exactly one of `add`, `delete`, or `?delete_all=true` must be specified."
	Orders     []Order // "`start_time` must be earlier than `end_time`"
	segments   []string
	route      string
	search     searchKind     // search/counts rules that apply
	endpoint   query.Endpoint // the query linter's endpoint for `query`, or ""
	index      opIndex
}

// searchKind tells which search and counts time rules apply to an
// operation.
type searchKind uint8

const (
	notSearch searchKind = iota
	searchRecent
	searchArchive
)

// Route is the operation's method and template, as the wire contract names
// it: "GET /2/tweets/search/recent".
func (op *Operation) Route() string {
	if op.route == "" {
		return op.Method + " " + op.Path
	}
	return op.route
}

// Param returns the parameter called name in location in, or nil.
func (op *Operation) Param(name string, in Location) *Param {
	for _, p := range op.Params {
		if p.Name == name && p.In == in {
			return p
		}
	}
	return nil
}
