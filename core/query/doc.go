// Package query lints X API v2 search queries and filtered-stream rules the
// way X's server judges them, before they are sent.
//
// Parse builds a tree with byte spans for every node; Format prints it in
// canonical form (Parse(Format(t)) yields the same tree); Validate runs every
// check for an endpoint and tier and returns the validateQuery report of the
// wire contract. The rules come from ../shared/ref/x-api-facts.md §3 and the
// operator, lang and limit tables of ../shared/ref/x-api-v2-derived-facts.json,
// which `go generate` turns into catalogue_gen.go (see ../../internal/genquery, whose
// test fails when the committed file drifts from what it makes).
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
// the end of the input. Groups nested deeper than MaxDepth (256) become one
// Bad node, left unchecked, so recursion is bounded; chains of '-' are
// handled in loops.
//
// # Checks
//
// Every diagnostic has a stable code, a severity, the span of the offending
// text, a message naming it (X's own wording where X has one) and often a hint.
//
//	code                      sev      fires on
//	unclosed-paren            error    "(" never closed ("Missing closing parenthesis")
//	unmatched-paren           error    ")" closing nothing ("missing EOF at ')'")
//	empty-group               warning  "()"
//	unterminated-quote        warning  phrase or quoted argument without closing '"'
//	unclosed-bracket          warning  point_radius:[… without "]"
//	misplaced-or              warning  OR without a clause on one side
//	too-deep                  warning  groups nested past MaxDepth (256): not parsed, not checked
//	empty-query               error    empty or blank query ("'query' must be a non-empty string")
//	explicit-and              error/warning  bare and/AND between two clauses ("Ambiguous use of and as a keyword…"); warning at the start or end
//	lowercase-or              warning  "or" in any case but OR: matched as a keyword
//	single-quote              error/warning  a term starting with ' ("no viable alternative at character '''"); warning inside a word
//	typographic-quote         warning  “ ” ‘ ’ « » at a word's edge: not phrase quotes
//	unexpected-bracket        error/warning  a term starting with "[" or a bracket argument to a non-geo operator; warning inside a word
//	dangling-minus            warning  "-" followed by a space
//	double-negation           warning  "--x"
//	negated-group             warning  "-( … )"
//	deep-nesting              warning  groups nested more than 10 deep
//	colon-in-keyword          warning  "12:30"-like keywords
//	unquoted-emoji-variant    warning  emoji with a variation selector or ZWJ outside quotes
//	invalid-utf8              warning  bytes that are not UTF-8
//	empty-phrase              warning  ""
//	malformed-proximity       warning  "…"~ without a number
//	proximity-distance        error    "…"~N with N > 6
//	only-negations            error    no clause outside a negation ("Rules must contain a non-negation term")
//	conjunction-only          error    no positive standalone clause ("is/has/lang cannot be used as a standalone operator")
//	standalone-unclear        warning  the only positive clauses are operators whose type X's table leaves blank
//	conjunction-only-branch   warning  a top-level OR alternative without a standalone clause
//	negated-or-branch         error/warning  a top-level OR alternative made only of negations (apple OR -ipad); warning when nested
//	nullcast-not-negated      error    is:nullcast without "-"
//	not-negatable             error    -sample:, -embedding:
//	unknown-operator          error    a name (or is:/has: value) not in X's table ("Reference to invalid operator '…'"), with did-you-mean and web-search hints (min_faves:, since:, filter:…)
//	operator-not-on-endpoint  warning  an operator X lists only for other endpoints (stream-only in search/counts, search-only in rules)
//	operator-endpoint-unclear warning  entity: on full-archive endpoints; retweets_of_user: outside rules
//	operator-not-in-tier      error    embedding operators below Enterprise ("…not available in current product or product packaging")
//	operator-tier-unclear     warning  advanced operators (and cashtags) on a level no source says has them: pay-per-use, free, basic, pro
//	embedding-tier            warning  embedding operators on Enterprise (they also need the Embedding tier)
//	missing-value             warning  "from:" with nothing after it
//	quoted-argument           warning  a quoted value for an ID, number, code or username operator
//	unquoted-argument         warning  entity:/embedding: unquoted; url:/url_contains: with punctuation unquoted
//	invalid-username          warning  a username with characters no account can have
//	long-username             warning  a username longer than 15 characters
//	username-at-sign          warning  from:@jack
//	invalid-id                warning  non-numeric Post or List ID
//	invalid-context           warning  context: not domain.entity
//	context-wildcard          warning  context:10.* outside rules
//	invalid-lang              warning  a code in neither of X's lang lists
//	legacy-lang               warning  a code only in the pre-2026 list
//	multiple-lang             warning  two different lang: ANDed (matches nothing)
//	invalid-country           warning  place_country: not ISO 3166-1 alpha-2
//	invalid-geo               warning  point_radius:/bounding_box: not shaped [lon lat Nmi|Nkm] / [w s e n]
//	coordinate-out-of-range   error    longitude outside ±180, latitude outside ±90
//	radius-too-large          error/warning  radius over 25 mi; warning at exactly 25 mi
//	box-too-large             error/warning  box width (at its narrowest) or height over 25 mi; warning at exactly 25 mi or when only the widest edge is over
//	box-order                 warning  south > north or west > east
//	invalid-number            warning  counts and N..M ranges that are not whole numbers
//	empty-range               warning  N..M with M < N
//	sample-range              error    sample: outside 1–100
//	sample-ungrouped-or       warning  sample: in a rule whose top level is an OR
//	threshold-range           error    embedding_threshold: outside 0–1
//	one-list-per-query        error    a second list:
//	one-entity-per-query      warning  a second entity: in search
//	query-too-long            error    length over the endpoint × level limit a source documents, or over the specs' maxLength 4,096
//	length-undocumented       warning  length over pay-per-use's limit on a legacy level no source gives a limit for that endpoint
//	length-utf16              warning  within the limit in code points but over it in UTF-16 units
//	counts-all-length         warning  counts_all below Enterprise over 512
//	unknown-option            warning  an endpoint or tier name Validate does not know (judged with the default)
//	too-many-diagnostics      warning/error  the report keeps 100 diagnostics; this one counts the rest (error if any was)
//
// # Why each error is an error
//
// A finding is an error only when X is recorded (an observed message) or
// documented (a limit or prohibition in X's docs) to reject it, at that
// access level; TestEveryErrorHasASource holds this table and the one
// above together. Sources are sections of ../shared/ref/x-api-facts.md.
//
//	code                      source
//	unclosed-paren            recorded "Missing closing parenthesis (at position 30)" (§3.3; index id 71406876451)
//	unmatched-paren           recorded "missing EOF at ')' (at position 51)" (§3.3; index id 20963657329)
//	empty-query               recorded "Invalid 'query':''. 'query' must be a non-empty string" (§2.2); specs' minLength 1
//	explicit-and              recorded "Ambiguous use of and as a keyword…" (§3.3; index ids 29265692934, 20963657329)
//	single-quote              recorded "no viable alternative at character '''" (§3.4; index id 20963657329)
//	unexpected-bracket        recorded "no viable alternative at input '['" (§3.3)
//	proximity-distance        documented "N ≤ 6" for "k1 k2"~N (§3.4, filtered-stream build-a-rule)
//	only-negations            recorded "Rules must contain a non-negation term" (§2.2 rule-add body; §3.3)
//	conjunction-only          recorded "is/has/lang cannot be used as a standalone operator" (§3.3)
//	negated-or-branch         documented "apple OR -ipad" is invalid (§3.3, rules-filtering.mdx); top level only
//	nullcast-not-negated      documented is:nullcast "must always be negated" (§3.3)
//	not-negatable             documented "All operators can be negated except for sample: and embedding:" (§3.3)
//	unknown-operator          recorded "Reference to invalid operator 'has:polls'" (§3.3); min_faves:/min_retweets: "rejected with 400" (§3.5)
//	operator-not-in-tier      documented: embedding operators on other tiers "rejected with an 'unavailable operator' error" (§3.5)
//	coordinate-out-of-range   documented "lon ±180, lat ±90" for point_radius:/bounding_box: (§3.5)
//	radius-too-large          documented "radius < 25mi" (§3.5); 25 mi itself is only a warning
//	box-too-large             documented "width and height each < 25mi" (§3.5); 25 mi itself is only a warning
//	sample-range              documented sample: "integer 1–100" (§3.5)
//	threshold-range           documented embedding_threshold: "0.0–1.0" (§3.5)
//	one-list-per-query        documented "only one list: per query" (§3.5)
//	query-too-long            documented limits per level (§3.1, §3.2, §3.5); specs' maxLength 4,096 for `query`
//	too-many-diagnostics      an error only when a finding it counts is one
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
// # Access levels
//
// Tier is one of X's 2026 access levels: pay-per-use (the default), the
// legacy self-serve free, basic and pro, and enterprise (ParseTier,
// Tiers). The generated accessLevels table gives each its length limit per
// endpoint, from the fact sheet: Basic and Pro keep what the 2024-12 docs
// gave them (512 recent search; Pro 1,024 full archive and rules); a cell
// no source fills is pay-per-use's figure and only warned about
// (length-undocumented). Advanced operators ($cashtag, list:, place:,
// place_country:, point_radius:, bounding_box:, has:geo, has:cashtags,
// -is:nullcast) are documented for Enterprise only; since 2024-12 X's docs
// say just "available when using a Project with certain access levels", so
// on every other level they get operator-tier-unclear, a warning quoting
// the error X would send, never an error. The one recorded rejection is
// from the 2021–2023 Essential level, which no longer exists.
//
// # Fixes
//
// AttachFixes adds to a diagnostic the repairs it has, as edits of the
// query (fix.go, fix_rules.go); FixQuery applies them one at a time,
// re-validating after each (fix_apply.go). Every fix offered was applied
// and re-validated: none leaves more errors than the query had. Safe means
// the result keeps what X would match or do; the rest are guesses at intent.
//
//	code                     fix                                          safe  why
//	explicit-and (error)     remove AND between clauses                   yes   X: "Use a space to logically join two clauses"
//	explicit-and (warning)   quote it as "and"                            no    X's rule for a leading/lone and is unknown
//	lowercase-or             write OR                                     no    changes AND to OR
//	typographic-quote        both curly quotes → straight                 yes   the writer meant a phrase (the editor curled it)
//	single-quote             'a b' → "a b"; don't → "don't"               no    X rejects the input without saying what it meant
//	username-at-sign         drop the @                                   yes   the operator takes the bare username
//	unquoted-emoji-variant   double-quote the emoji                       yes   X says such emoji must be quoted
//	unquoted-argument        url: value quoted                            yes   X says url: values with punctuation must be quoted
//	unquoted-argument        other quoted-text operators: quote it        no    X's reading of the bare form is unknown
//	quoted-argument          remove the quotes                            no    X documents no quoted form
//	unknown-operator         min_faves:/min_retweets: → min_likes:/min_reposts:  yes  documented names of the same filter
//	unknown-operator         filter:X → has:/is:, a nearby name, a URL quoted    no   guesses
//	invalid-lang             a common alias → X's code (he → iw)          no    guess
//	invalid-country          uk/en/el → GB/GB/GR                          no    guess
//	coordinate-out-of-range  swap point_radius's lon/lat when only that fits  no  guess
//	box-order                order the corners                            no    guess
//	colon-in-keyword, unexpected-bracket (in a word)  double-quote the word  no  changes a keyword to a phrase
//	dangling-minus           join '-' to the next clause                  no    guess
//	unclosed-paren, unterminated-quote, unclosed-bracket  close at the end  no  guess at where it ends
//	unmatched-paren, misplaced-or  remove it                              no    guess
//
// Every other code has no fix: its repair needs the writer's intent (an
// operator not in the tier: drop it or change access level) or data the
// query does not hold. Queries over 4,096 bytes, X's largest limit, get no
// fixes (each candidate costs a validation).
//
// # Limits: what one query may make the linter do and say
//
// Each bound is reported in the answer when it is hit:
//
//	bound                               when hit
//	length over the longest any level   one query-too-long error, nothing parsed, Formatted ""
//	may send to the endpoint (4,096;    (X rejects it at every level: x-api-facts.md §3.1,
//	2,048 for stream_rule)              the specs' maxLength 4,096); a rule on a level with no
//	                                    documented limit (free, basic): length-undocumented warning
//	MaxDepth (256) levels of groups     the deeper group is one unparsed Bad node; too-deep warning
//	                                    (X documents no limit; the bound keeps V8's wasm stack safe)
//	did-you-mean look-ups (10)          later unknown operators get no did-you-mean hint
//	MaxFixWork (8 KiB of fixed queries  fixes for the findings left are not offered (each check is a
//	re-validated per call, FixQuery     full validation: hundreds of them made one hostile call
//	included)                           cost seconds under wasm)
//	too-many-diagnostics                no fixes at all: a query with over 100 findings is rewritten,
//	                                    not repaired an edit at a time
//	100 diagnostics, or 32 KiB of their one too-many-diagnostics entry counts the rest (an error
//	JSON                                if any of them was)
//
// So a report (Formatted at most 4,096 characters, 24 KiB encoded) stays
// under 64 KiB, and every walk over the tree recurses at most MaxDepth
// groups deep.
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
//   - Advanced operators below Enterprise; lengths over pay-per-use's limit
//     on a legacy level no source gives one (see Access levels).
//   - Syntax no source records X's answer to: "()", an unclosed quote or
//     bracket, an OR without a clause on one side, "…"~ without a number,
//     an operator with no value.
//   - Arguments X's docs describe but no source records X rejecting:
//     usernames, IDs, context: pairs, lang: and place_country: codes, geo
//     shapes, counts. X may accept them and match nothing.
//   - An operator X lists only for another endpoint.
//   - Values exactly at a "less than 25mi" bound.
//   - Nesting depth: no limit documented (deep-nesting warns past 10;
//     too-deep past MaxDepth, where the linter stops parsing).
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
