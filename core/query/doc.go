// Package query lints X API v2 search queries and filtered-stream rules the
// way X's server judges them, before they are sent.
//
// Parse builds a tree with byte spans for every node; Format prints it in
// canonical form (Parse(Format(t)) yields the same tree); Validate runs every
// check for an endpoint and tier and returns the validateQuery report of the
// wire contract. The rules come from ../shared/ref/x-api-facts.md §3 and the
// operator, lang and limit tables of ../shared/ref/x-api-v2-derived-facts.json,
// which `go generate` turns into catalogue_gen.go (see internal/gen; a test
// fails when the committed file drifts from what the generator makes).
//
// # Grammar
//
// The lexer works on bytes, so any string (invalid UTF-8 included) lexes.
// Separators are ASCII whitespace only; other Unicode spaces are part of a
// word.
//
//	query     = [ or ] .
//	or        = and { "OR" and } .                  (* upper-case OR only *)
//	and       = unary { unary } .                   (* whitespace: implicit AND, binds before OR *)
//	unary     = { "-" } primary .                   (* '-' directly before its clause *)
//	primary   = group | phrase | operator | word .
//	group     = "(" [ or ] ")" .
//	phrase    = '"' { char | "\" byte } '"' [ "~" digits ] .   (* ~N: proximity, stream only *)
//	operator  = name ":" argument .                 (* name is case-insensitive *)
//	name      = ( letter | "_" ) { letter | digit | "_" } .
//	argument  = quoted | "[" { byte } "]" | bare | (* empty *) .
//	quoted    = '"' { char | "\" byte } '"' .
//	bare      = nondelim { nondelim } .             (* stops at space ( ) " *)
//	word      = nondelim { nondelim } .             (* keyword, #hashtag, @mention, $cashtag, emoji *)
//
// Error recovery keeps every byte in the tree: a stray ')' or an OR without a
// clause on both sides becomes a Bad node, an unclosed group or quote runs to
// the end of the input. Groups nested deeper than MaxDepth (2,048 — deeper
// cannot fit X's longest limit of 4,096 characters) become one Bad node, so
// recursion is bounded; chains of '-' are handled in loops.
//
// # Checks
//
// Every diagnostic has a stable code, a severity, the span of the offending
// text, a message naming it (X's own wording where X has one) and often a hint.
//
//	code                      sev      fires on
//	unclosed-paren            error    "(" never closed ("Missing closing parenthesis")
//	unmatched-paren           error    ")" closing nothing ("missing EOF at ')'")
//	empty-group               error    "()"
//	unterminated-quote        error    phrase or quoted argument without closing '"'
//	unclosed-bracket          error    point_radius:[… without "]"
//	misplaced-or              error    OR without a clause on one side
//	too-deep                  error    groups nested past MaxDepth
//	empty-query               error    empty or blank query ("'query' must be a non-empty string")
//	explicit-and              error    bare and/AND between two clauses ("Ambiguous use of and as a keyword…"); warning at the start or end
//	lowercase-or              warning  "or" in any case but OR: matched as a keyword
//	single-quote              error    a term starting with ' ("no viable alternative at character '''"); warning inside a word
//	typographic-quote         warning  “ ” ‘ ’ « » at a word's edge: not phrase quotes
//	unexpected-bracket        error    a term starting with "[" or a bracket argument to a non-geo operator; warning inside a word
//	dangling-minus            warning  "-" followed by a space
//	double-negation           warning  "--x"
//	negated-group             warning  "-( … )"
//	deep-nesting              warning  groups nested more than 10 deep
//	colon-in-keyword          warning  "12:30"-like keywords
//	unquoted-emoji-variant    warning  emoji with a variation selector or ZWJ outside quotes
//	invalid-utf8              warning  bytes that are not UTF-8
//	empty-phrase              warning  ""
//	malformed-proximity       error    "…"~ without a number
//	proximity-distance        error    "…"~N with N > 6
//	only-negations            error    no clause outside a negation ("Rules must contain a non-negation term")
//	conjunction-only          error    no positive standalone clause ("is/has/lang cannot be used as a standalone operator")
//	standalone-unclear        warning  the only positive clauses are operators whose type X's table leaves blank
//	conjunction-only-branch   warning  a top-level OR alternative without a standalone clause
//	negated-or-branch         error    a top-level OR alternative made only of negations (apple OR -ipad); warning when nested
//	nullcast-not-negated      error    is:nullcast without "-"
//	not-negatable             error    -sample:, -embedding:
//	unknown-operator          error    a name (or is:/has: value) not in X's table ("Reference to invalid operator '…'"), with did-you-mean and web-search hints (min_faves:, since:, filter:…)
//	operator-not-on-endpoint  error    stream-only operators in search/counts, search-only ones in rules
//	operator-endpoint-unclear warning  entity: on full-archive endpoints; retweets_of_user: outside rules
//	operator-not-in-tier      error    advanced operators (and cashtags) on pay-per-use ("…not available in current product or product packaging")
//	embedding-tier            warning  embedding operators on Enterprise (they also need the Embedding tier)
//	missing-value             error    "from:" with nothing after it
//	quoted-argument           warning  a quoted value for an ID, number, code or username operator
//	unquoted-argument         warning  entity:/embedding: unquoted; url:/url_contains: with punctuation unquoted
//	invalid-username          error    a username with characters no account can have
//	long-username             warning  a username longer than 15 characters
//	username-at-sign          warning  from:@jack
//	invalid-id                error    non-numeric Post or List ID
//	invalid-context           error    context: not domain.entity
//	context-wildcard          warning  context:10.* outside rules
//	invalid-lang              error    a code in neither of X's lang lists
//	legacy-lang               warning  a code only in the pre-2026 list
//	multiple-lang             warning  two different lang: ANDed (matches nothing)
//	invalid-country           error    place_country: not ISO 3166-1 alpha-2
//	invalid-geo               error    point_radius:/bounding_box: not shaped [lon lat Nmi|Nkm] / [w s e n]
//	coordinate-out-of-range   error    longitude outside ±180, latitude outside ±90
//	radius-too-large          error    radius ≥ 25 mi
//	box-too-large             error    box width (at its narrowest) or height ≥ 25 mi; warning when only the widest edge is
//	box-order                 warning  south > north or west > east
//	invalid-number            error    counts and N..M ranges that are not whole numbers
//	empty-range               warning  N..M with M < N
//	sample-range              error    sample: outside 1–100
//	sample-ungrouped-or       warning  sample: in a rule whose top level is an OR
//	threshold-range           error    embedding_threshold: outside 0–1
//	one-list-per-query        error    a second list:
//	one-entity-per-query      warning  a second entity: in search
//	query-too-long            error    length over the endpoint × tier limit
//	length-utf16              warning  within the limit in code points but over it in UTF-16 units
//	counts-all-length         warning  counts_all on pay-per-use over 512
//	unknown-option            warning  an endpoint or tier name Validate does not know (judged with the default)
//	too-many-diagnostics      warning/error  the report keeps 100 diagnostics; this one counts the rest (error if any was)
//
// # Length
//
// Length counts Unicode code points (an invalid byte counts as one), the
// smaller of the two plausible readings — JSON Schema's maxLength counts code
// points, a Java server might count UTF-16 units — so no query X accepts is
// called too long; length-utf16 warns when the UTF-16 count is over.
// Limits (x-api-facts.md §3.1): search_recent and counts_recent 512,
// search_all and counts_all 1,024 on pay-per-use, 4,096 on Enterprise;
// stream_rule 1,024 / 2,048.
//
// # Fast path
//
// A query that is a flat conjunction of bare words and name:value
// operators, each with at most one '-', is linted in one pass over its
// tokens without building the tree (flat.go), but only when nothing in it
// is reported; anything else, or any finding, sends it through the full
// parse and walk from the start. FuzzFastPathAgrees holds the two paths'
// reports equal.
//
// # Where X's rule is undocumented: warnings, never errors
//
//   - Nesting depth: no limit documented (deep-nesting warns past 10).
//   - UTF-16 units versus code points for length (length-utf16).
//   - counts_all on pay-per-use: 1,024 (rate-limit page) versus 512 (counts
//     guide); the linter takes 1,024 and warns over 512 (counts-all-length).
//   - Standalone rule per OR alternative: X documents it for the whole query
//     (conjunction-only-branch warns per top-level alternative).
//   - Operators whose type X's table leaves blank (followers_count: and the
//     like) count neither as standalone nor as conjunction-required
//     (standalone-unclear).
//   - Stop-words: X rejects rules of only stop-words but publishes no list;
//     not checked.
//   - Negated groups: "do not" in the 2026 docs, "not best practice" in the
//     PowerTrack docs (negated-group).
//   - Nested negation-only OR alternatives, where X's "everything except"
//     reading does not apply (negated-or-branch as a warning).
//   - A leading, trailing or lone and/AND; lower-case or.
//   - Apostrophes inside words, brackets inside words, colons in keywords,
//     typographic quotes, double negation, a '-' before a space.
//   - A second entity: (the docs forbid it and show it in an example).
//   - Unquoted emoji variants, unquoted url:/entity: values, quoted IDs,
//     usernames over 15 characters or with a leading @, empty N..M ranges,
//     bounding boxes whose order is reversed or whose width depends on where
//     X measures it.
//   - entity: on full-archive search, retweets_of_user: outside rules,
//     context: wildcards outside rules, the Embedding tier on Enterprise,
//     lang codes only in the pre-2026 list, invalid UTF-8.
package query
