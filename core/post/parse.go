package post

import "unicode/utf8"

// Span is a half-open range [Start, End).
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// EntityKind names what an entity is.
type EntityKind uint8

const (
	KindURL EntityKind = iota
	KindMention
	KindHashtag
	KindCashtag
)

func (k EntityKind) String() string {
	return [...]string{"url", "mention", "hashtag", "cashtag"}[k]
}

// Entity is a URL, mention (or list), hashtag or cashtag of a post.
type Entity struct {
	Kind EntityKind
	// Text is the URL, the user name (without @), the hashtag or the
	// cashtag (without # or $).
	Text string
	// ListSlug is "/slug" when a mention names a list.
	ListSlug string
	Span     Span // UTF-16 code units
	ByteSpan Span // UTF-8 bytes
}

// Result is a post's measurement by twitter-text's rules (parseTweet) plus
// its entities. Ranges are half-open and in UTF-16 code units of the text
// as given (twitter-text's inclusive ends are End−1).
type Result struct {
	WeightedLength int
	MaxLength      int
	Permillage     int  // weighted length per thousand of the maximum, rounded down
	Valid          bool // non-empty, within the maximum, no invalid character
	ValidRange     Span // the prefix that fits and has no invalid character
	DisplayRange   Span // the whole text
	// FirstInvalid is the first U+FFFE, U+FEFF or U+FFFF (UTF-16 span), or
	// {-1,-1} when there is none.
	FirstInvalid Span
	// OverflowStart is where the text passes the maximum (UTF-16), or -1.
	OverflowStart int
	Entities      []Entity // in text order; overlapping ones dropped as twitter-text does
}

// Parse measures text under cfg. It never fails: every string has a
// weighted length, and invalid UTF-8 bytes count as U+FFFD.
func Parse(text string, cfg Config) Result {
	// normalized is valid UTF-8 either way: nfcStable accepts no invalid
	// byte (U+FFFD is in none of its ranges), and nfcString writes runes.
	// measure, and the entities of a stable text, count UTF-16 units by
	// byte classes then (utf16LenValid).
	normalized := text
	stable := nfcStable(text)
	if !stable {
		normalized = nfcString(text)
	}
	var urlBuf [8]urlMatch
	urls := extractURLs(normalized, urlBuf[:0])
	res := measure(normalized, cfg, urls)
	total := res.DisplayRange.End
	if normalized != text {
		total = utf16Len(text)
		// twitter-text measures the NFC form and shifts the valid end by
		// the difference in length; clamp it into the text.
		shift := total - utf16Len(normalized)
		res.ValidRange.End = min(max(res.ValidRange.End+shift, 0), total)
		if res.OverflowStart >= 0 {
			res.OverflowStart = min(max(res.OverflowStart+shift, 0), total)
		}
		if res.FirstInvalid.Start >= 0 {
			res.FirstInvalid = Span{-1, -1}
			if i := firstInvalid(text); i >= 0 {
				res.FirstInvalid = utf16Span(text, Span{i, i + 3})
			}
		}
		urls = extractURLs(text, urlBuf[:0])
	}
	res.DisplayRange = Span{0, total}
	res.Entities = entities(text, urls, stable)
	return res
}

func firstInvalid(s string) int {
	for i, r := range s {
		if isInvalidChar(r) {
			return i
		}
	}
	return -1
}

// measure walks s (valid UTF-8) unit by unit as parseTweet does: a URL adds the
// transformed URL length, an emoji sequence (v3) the default weight, any
// other code point the weight of its last UTF-16 code unit.
func measure(s string, cfg Config, urls []urlMatch) Result {
	limit := cfg.MaxWeightedLength * cfg.Scale
	weighted, pos16 := 0, 0
	valid := true
	validEnd := 0
	invalidAt := Span{-1, -1}
	overflow := -1
	next := 0         // index into urls
	asciiWeight := -1 // the weight of every ASCII character when the first range covers them all
	if len(cfg.Ranges) > 0 && cfg.Ranges[0].Start <= 0 && cfg.Ranges[0].End >= 0x7F {
		asciiWeight = cfg.Ranges[0].Weight
	}
	// Above every range's end a code point weighs the default: CJK and most
	// scripts past U+2037 then cost one comparison, not a walk of the ranges.
	rangesTop := rune(-1)
	for _, r := range cfg.Ranges {
		rangesTop = max(rangesTop, r.End)
	}
	for i := 0; i < len(s); {
		var end, units int
		c := s[i]
		switch {
		case next < len(urls) && urls[next].Start == i:
			u := urls[next]
			next++
			end = urlSkipEnd(s, u)
			units = utf16LenValid(s[i:end])
			weighted += cfg.TransformedURLLength * cfg.Scale
		case c < 0x80 && asciiWeight > 0 && !(cfg.EmojiParsing && isKeycapBase(c) && i+1 < len(s) && s[i+1] >= 0x80):
			// A run of plain ASCII in one step: each character one unit of
			// the same weight, none invalid; the cut, if any, is arithmetic.
			stop := len(s)
			if next < len(urls) {
				stop = urls[next].Start
			}
			// The run ends at the first non-ASCII byte, or one before it
			// when that starts a keycap sequence's tail.
			j := asciiEnd(s, i+1, stop)
			if cfg.EmojiParsing && j > i+1 && j < len(s) && s[j] >= 0x80 && isKeycapBase(s[j-1]) {
				j--
			}
			n := j - i
			weighted, overflow, validEnd = runStep(weighted, overflow, validEnd, pos16, limit, n, asciiWeight, valid)
			pos16 += n
			i = j
			continue
		case cfg.DefaultWeight > 0 && plainWide(s, i, rangesTop, cfg.EmojiParsing):
			// A run of three-byte characters above every range (CJK, kana,
			// full-width forms) in one step, as ASCII runs: each one unit of
			// the default weight, none invalid, none an emoji.
			stop := len(s)
			if next < len(urls) {
				stop = urls[next].Start
			}
			j := i + 3
			for j < stop && plainWide(s, j, rangesTop, cfg.EmojiParsing) {
				j += 3
			}
			n := (j - i) / 3
			weighted, overflow, validEnd = runStep(weighted, overflow, validEnd, pos16, limit, n, cfg.DefaultWeight, valid)
			pos16 += n
			i = j
			continue
		case c < 0x80 && !(cfg.EmojiParsing && isKeycapBase(c) && i+1 < len(s) && s[i+1] >= 0x80):
			// ASCII: one unit of its own weight, never invalid, an emoji only as a keycap.
			end, units = i+1, 1
			if asciiWeight >= 0 {
				weighted += asciiWeight
			} else {
				weighted += cfg.weight(rune(c))
			}
		default:
			var r rune
			var w int
			if c >= 0xE0 && c < 0xF0 && i+2 < len(s) {
				// s is valid UTF-8: a three-byte lead begins a whole
				// three-byte form (most CJK, kana, punctuation), decoded
				// here rather than in a call per character.
				r, w = rune(c&0x0F)<<12|rune(s[i+1]&0x3F)<<6|rune(s[i+2]&0x3F), 3
			} else {
				r, w = decode(s, i)
			}
			if cfg.EmojiParsing && (r >= 0x10000 || isEmojiRune(r)) {
				if n := emojiLen(s, i); n > 0 {
					end = i + n
					units = utf16LenValid(s[i:end])
					weighted += cfg.DefaultWeight
					break
				}
			}
			end, units = i+w, 1
			if r >= 0x10000 {
				units = 2
				r = 0xDC00 + (r-0x10000)&0x3FF
			}
			if r > rangesTop {
				weighted += cfg.DefaultWeight
			} else {
				weighted += cfg.weight(r)
			}
			if valid && isInvalidChar(r) {
				valid = false
				invalidAt = Span{pos16, pos16 + 1}
			}
		}
		for next < len(urls) && urls[next].Start < end {
			next++
		}
		if overflow < 0 && weighted > limit {
			overflow = pos16
		}
		pos16 += units
		if valid && weighted <= limit {
			validEnd = pos16
		}
		i = end
	}
	wl := weighted / cfg.Scale
	return Result{
		WeightedLength: wl,
		MaxLength:      cfg.MaxWeightedLength,
		Permillage:     weighted * 1000 / (cfg.MaxWeightedLength * cfg.Scale),
		Valid:          valid && weighted > 0 && weighted <= limit,
		ValidRange:     Span{0, validEnd},
		DisplayRange:   Span{0, pos16},
		FirstInvalid:   invalidAt,
		OverflowStart:  overflow,
	}
}

// runStep accounts for n characters of one UTF-16 unit and weight w > 0
// each, none invalid, at once: what n steps of measure's loop would do, the
// cut (overflow, end of the valid range) found by division.
func runStep(weighted, overflow, validEnd, pos16, limit, n, w int, valid bool) (int, int, int) {
	before := weighted
	weighted += n * w
	if weighted > limit && overflow < 0 {
		overflow = pos16 + max(limit-before, 0)/w
	}
	if valid && before <= limit {
		validEnd = pos16 + min((limit-before)/w, n)
	}
	return weighted, overflow, validEnd
}

// plainWide: s[i:] (valid UTF-8) begins with a three-byte character that
// weighs the default (above every range's end), is not invalid and, with
// emoji parsing, has no Emoji property: measure weighs it alone, plainly.
func plainWide(s string, i int, rangesTop rune, emoji bool) bool {
	if i+2 >= len(s) || s[i] < 0xE0 || s[i] >= 0xF0 {
		return false
	}
	r := rune(s[i]&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F)
	return r > rangesTop && !isInvalidChar(r) && !(emoji && isEmojiRune(r))
}

func isKeycapBase(c byte) bool { return c >= '0' && c <= '9' || c == '#' || c == '*' }

// urlSkipEnd: parseTweet skips as many code units as the URL's text has,
// from its start (its span can be longer, see urlMatch).
func urlSkipEnd(s string, u urlMatch) int {
	if u.End-u.Start == len(u.Text) {
		return u.End
	}
	n := utf16Len(u.Text)
	i := u.Start
	for n > 0 && i < len(s) {
		r, w := utf8.DecodeRuneInString(s[i:])
		n--
		if r >= 0x10000 {
			n--
		}
		i += w
	}
	return i
}

// entities gathers URLs, mentions, hashtags and cashtags in text order and
// drops any that starts inside an earlier one (twitter-text's
// extractEntitiesWithIndices).
func entities(s string, urls []urlMatch, valid bool) []Entity {
	var mb [8]mentionMatch
	mentions := extractMentions(s, mb[:0])
	var hb [8]hashtagMatch
	hashtags := extractHashtags(s, hb[:0])
	var cb [8]cashtagMatch
	cashtags := extractCashtags(s, cb[:0])
	n := len(urls) + len(mentions) + len(hashtags) + len(cashtags)
	if n == 0 {
		return nil
	}
	// Each extractor's matches are in text order: a merge of the four
	// lists is what a stable sort of their concatenation gives (ties go
	// to the earlier list), in linear time (the sort's merging moved
	// entities O(n log² n) times on a text made of thousands of them).
	kept := make([]Entity, 0, n)
	var iu, im, ih, ic int
	for {
		kind, start := -1, 0
		if iu < len(urls) {
			kind, start = 0, urls[iu].Start
		}
		if im < len(mentions) && (kind < 0 || mentions[im].Start < start) {
			kind, start = 1, mentions[im].Start
		}
		if ih < len(hashtags) && (kind < 0 || hashtags[ih].Start < start) {
			kind, start = 2, hashtags[ih].Start
		}
		if ic < len(cashtags) && (kind < 0 || cashtags[ic].Start < start) {
			kind = 3
		}
		var e Entity
		switch kind {
		case -1:
			fillUTF16(s, kept, valid)
			return kept
		case 0:
			u := urls[iu]
			iu++
			e = Entity{Kind: KindURL, Text: u.Text, ByteSpan: Span{u.Start, u.End}}
		case 1:
			m := mentions[im]
			im++
			e = Entity{Kind: KindMention, Text: m.Name, ListSlug: m.List, ByteSpan: Span{m.Start, m.End}}
		case 2:
			h := hashtags[ih]
			ih++
			e = Entity{Kind: KindHashtag, Text: h.Tag, ByteSpan: Span{h.Start, h.End}}
		case 3:
			c := cashtags[ic]
			ic++
			e = Entity{Kind: KindCashtag, Text: c.Tag, ByteSpan: Span{c.Start, c.End}}
		}
		// Drop an entity that starts inside the last one kept.
		if len(kept) == 0 || e.ByteSpan.Start >= kept[len(kept)-1].ByteSpan.End {
			kept = append(kept, e)
		}
	}
}

// fillUTF16 converts the entities' byte spans (in increasing order) to
// UTF-16 spans in one pass (valid: s is known to be valid UTF-8).
func fillUTF16(s string, es []Entity, valid bool) {
	b, u := 0, 0
	advance := func(to int) int {
		if valid {
			u += utf16LenValid(s[b:to])
		} else {
			u += utf16Len(s[b:to])
		}
		b = to
		return u
	}
	for i := range es {
		es[i].Span.Start = advance(es[i].ByteSpan.Start)
		es[i].Span.End = advance(es[i].ByteSpan.End)
	}
}

// utf16Span converts one byte span of s.
func utf16Span(s string, b Span) Span {
	start := utf16Len(s[:b.Start])
	return Span{start, start + utf16Len(s[b.Start:b.End])}
}
