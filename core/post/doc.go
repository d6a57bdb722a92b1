// Package post measures a post's text the way X does: twitter-text's
// weighted length, valid and display ranges, permillage, and the entities
// that drive them (URLs with and without protocol, mentions and lists,
// hashtags, cashtags). Config v3 (the default) and v2 are generated from
// twitter-text's configs; the TLD list from its tld_lib.yml; emoji
// properties from Unicode's emoji-data.txt (go generate ./core/post).
//
// Sources: ../shared/ref/twitter-text (github.com/twitter/twitter-text at
// 30e2430, Apache-2.0: config/v2.json, config/v3.json,
// conformance/validate.yml, extract.yml, tld_lib.yml), read at test time:
// every case of validate.yml's weighted sections (44) and of extract.yml's
// URL, mention, hashtag and cashtag sections (225) passes. The code is
// written here from those rules and cases, not ported. TestOracle compares
// Parse with the twitter-text npm package's recorded answers on 800
// generated posts (testdata/oracle.mjs); all agree.
//
// NFC uses tables generated from golang.org/x/text's Unicode data
// (nfc_gen.go), so the wasm build does not link x/text (56 KB gzip);
// nfcStable skips even those for text in blocks NFC leaves alone.
//
// Speed (README's Performance row): runs of ASCII and of plain three-byte
// characters are weighed in one step, ASCII is skipped eight bytes at a
// time (wordscan.go), and start-up tables answer NFC stability, emoji
// properties and TLD membership. reference_test.go keeps the code of before
// those changes; FuzzParseAgainstReference and the Benchmark…Ratio and
// BenchmarkPiece… pairs hold the current code to its answers and show each
// gain. Hostile texts (hostile_test.go: 100 KB of combining marks, invalid
// UTF-8, signs, labels …) cost linear time.
//
// # Weighted length (Parse)
//
//	unit                                   weight (scale 100, limit 280 × 100)
//	URL (extracted from the NFC form)      transformedURLLength (23) × scale
//	emoji sequence (v3 only, see emoji.go) defaultWeight (200)
//	code point in a config range           the range's weight (100)
//	any other code point                   defaultWeight (200); above U+FFFF
//	                                       the weight of its low surrogate
//	U+FFFE, U+FEFF, U+FFFF                 weighed, and end the valid range
//
// The text is measured in NFC (twitter-text normalizes); the valid range
// ends where the weight passes the limit or at the first invalid character,
// shifted back by the normalization's change in length. All ranges and
// spans are half-open, in UTF-16 code units of the text as given (what
// JavaScript strings index); twitter-text's inclusive ends are End−1.
//
// # Entities
//
//	kind      rule (details beside each extractor)
//	URL       preceded by start or a character other than [A-Za-z0-9@＠$#＃];
//	          optional http(s)://; labels of non-punctuation, non-space
//	          characters; the last label a TLD of tld_lib.yml not followed by
//	          [A-Za-z0-9@+-]; port, path (balanced parentheses; ends on a
//	          letter, digit or one of +-=_#/), query. Without protocol: only
//	          the ASCII (and accented Latin) host names inside, never after
//	          -_./ ; every label's punycode form 1–63, the URL ≤ 4096;
//	          t.co links keep only their slug (≤ 40) and query.
//	mention   @name (1–20 [A-Za-z0-9_]) and optional /list-slug, not after a
//	          letter, digit or _!#$%&*@ (RT: excepted), not before @, an
//	          accented Latin letter or ://
//	hashtag   #tag with a letter or mark, not after a hashtag character or
//	          &, not before # or ://, not inside a URL
//	cashtag   $ and 1–6 letters (optionally . or _ and 1–2 more) after start
//	          or space, before end, space or punctuation
//
// Entities that start inside an earlier one are dropped (URLs win over
// hashtags and mentions inside them), as twitter-text's
// extractEntitiesWithIndices does.
//
// # Findings (Check)
//
//	finding                          account (Options.LongPosts)  severity  source
//	weighted length > 280            cannot post long (denied)    error     twitter-text v3; X's wording "Post needs to be a bit shorter." (x-api-facts.md, code 186)
//	weighted length > 280            unknown                      warning   long posts exist for X Premium accounts (x-api-facts.md §4; help.x.com/en/using-x/x-premium)
//	more than 25,000 code points     any                          error     X Premium's documented maximum, "up to 25,000 characters" (help.x.com/en/using-x/x-premium)
//	weighted > 25,000, ≤ 25,000 cps  allowed or unknown           warning   how X counts long posts is undocumented
//	U+FFFE, U+FEFF, U+FFFF           any                          error     twitter-text marks such text invalid (validate.yml "Handle invalid characters")
//	empty text                       any                          warning   X takes an empty text with media (spec: "Required unless media is provided")
//
// # Known differences from the twitter-text npm package 3.1.0
//
// Emoji sequences follow Unicode 15's emoji properties and UTS #51's
// sequence shapes; the npm package recognises the 2019 emoji list of
// twemoji-parser 11. A sequence newer than that list (🐦‍🔥, 🧑🏻‍❤️‍💋‍🧑🏼)
// counts 2 here and one per part there; a presentation selector after an
// emoji that has emoji presentation already (😀 U+FE0F) counts 2 here, 4
// there. Where npm's list and ours agree (every conformance case), the
// results agree.
package post
