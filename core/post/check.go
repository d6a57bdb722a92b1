package post

import (
	"strconv"
	"unicode/utf8"
)

// LongPosts says whether the posting account may publish long posts.
type LongPosts uint8

const (
	LongPostsUnknown LongPosts = iota // the default: over 280 is a warning
	LongPostsAllowed                  // up to LongPostMax
	LongPostsDenied                   // over the config's maximum is an error
)

// LongPostMax is the longest post X documents, for X Premium subscribers
// (help.x.com/en/using-x/x-premium: "up to 25,000 characters"). How X
// counts those characters is not documented; see Check.
const LongPostMax = 25000

// Options select the config and what is known about the account.
type Options struct {
	Config    Config // the zero Config means V3
	LongPosts LongPosts
}

// Diagnostic codes.
const (
	CodeTooLong     = "post-too-long"
	CodeLongPost    = "post-long-form"
	CodeInvalidChar = "post-invalid-character"
	CodeEmpty       = "post-empty"
)

// Severities (the same words as every diagnostic of the contract).
const (
	SeverityError   = "error"
	SeverityWarning = "warning"
)

// Diagnostic is one finding about a post's text.
type Diagnostic struct {
	Code     string
	Severity string
	Message  string
	Span     Span // UTF-16 code units
	ByteSpan Span // UTF-8 bytes
}

// Report is a post's measurement and the findings on it. Valid is false
// exactly when a diagnostic is an error.
type Report struct {
	Result
	Valid       bool
	Diagnostics []Diagnostic
}

// Check measures text and judges it by the project's rule (an error only
// where X is documented or recorded to refuse):
//
//	finding                               LongPosts  severity
//	U+FFFE, U+FEFF or U+FFFF              any        error (twitter-text marks the text invalid)
//	empty                                 any        warning (X takes an empty text with media)
//	weighted length over 280              denied     error, X's wording "Post needs to be a bit shorter."
//	                                      unknown    warning (long posts depend on the account)
//	more than 25,000 code points          any        error (over X Premium's documented maximum)
//	weighted over 25,000, ≤ 25,000 points unknown,   warning (how X counts long posts is undocumented)
//	                                      allowed
func Check(text string, opts Options) Report {
	cfg := opts.Config
	if cfg.Scale == 0 {
		cfg = configV3
	}
	base := cfg.MaxWeightedLength
	if opts.LongPosts == LongPostsAllowed {
		cfg.MaxWeightedLength = LongPostMax
	}
	r := Report{Result: Parse(text, cfg)}
	r.Valid = true
	if r.FirstInvalid.Start >= 0 {
		r.add(text, Diagnostic{Code: CodeInvalidChar, Severity: SeverityError, Span: r.FirstInvalid,
			Message: "The text contains " + codePointName(text, r.FirstInvalid) + ", a character X does not accept in a post; remove it"})
	}
	if r.WeightedLength == 0 {
		r.add(text, Diagnostic{Code: CodeEmpty, Severity: SeverityWarning, Span: Span{0, r.DisplayRange.End},
			Message: "The post has no text; X accepts that only with media, a poll, a quoted post or a card"})
	}
	points := len(text) // a bound: only a text over 25,000 bytes can have more code points
	if points > LongPostMax {
		points = utf8.RuneCountInString(text)
	}
	over := Span{r.OverflowStart, r.DisplayRange.End}
	switch {
	case points > LongPostMax:
		r.add(text, Diagnostic{Code: CodeTooLong, Severity: SeverityError, Span: pointSpan(text, LongPostMax),
			Message: "Post needs to be a bit shorter. It has " + strconv.Itoa(points) + " characters; X's longest posts (X Premium) have " + strconv.Itoa(LongPostMax)})
	case opts.LongPosts == LongPostsAllowed && r.OverflowStart >= 0:
		r.add(text, Diagnostic{Code: CodeLongPost, Severity: SeverityWarning, Span: over,
			Message: "The post weighs " + strconv.Itoa(r.WeightedLength) + " characters by X's count, over the " + strconv.Itoa(LongPostMax) + " X Premium allows if X weighs long posts as it weighs short ones (undocumented)"})
	case r.OverflowStart >= 0 && opts.LongPosts == LongPostsDenied:
		r.add(text, Diagnostic{Code: CodeTooLong, Severity: SeverityError, Span: over,
			Message: "Post needs to be a bit shorter. It weighs " + strconv.Itoa(r.WeightedLength) + " characters by X's count (URLs 23, most non-Latin characters and emoji 2); the limit is " + strconv.Itoa(base) + ", " + strconv.Itoa(r.WeightedLength-base) + " over"})
	case r.OverflowStart >= 0:
		r.add(text, Diagnostic{Code: CodeLongPost, Severity: SeverityWarning, Span: over,
			Message: "The post weighs " + strconv.Itoa(r.WeightedLength) + " characters by X's count, over " + strconv.Itoa(base) + ": X accepts it only from an account that can post long posts (X Premium, up to " + strconv.Itoa(LongPostMax) + "); say longPosts true or false to decide"})
	}
	return r
}

func (r *Report) add(text string, d Diagnostic) {
	d.ByteSpan = byteSpan(text, d.Span)
	if d.Severity == SeverityError {
		r.Valid = false
	}
	r.Diagnostics = append(r.Diagnostics, d)
}

// byteSpan converts a UTF-16 span of s to bytes.
func byteSpan(s string, u Span) Span {
	var out Span
	n, i := 0, 0
	for {
		if n <= u.Start {
			out.Start = i
		}
		if n <= u.End {
			out.End = i
		}
		if i >= len(s) || n >= u.End {
			return out
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		n++
		if r >= 0x10000 {
			n++
		}
		i += w
	}
}

// pointSpan: from the code point at index n to the end (UTF-16).
func pointSpan(s string, n int) Span {
	i := 0
	for k := 0; k < n && i < len(s); k++ {
		_, w := utf8.DecodeRuneInString(s[i:])
		i += w
	}
	return Span{utf16Len(s[:i]), utf16Len(s)}
}

func codePointName(s string, u Span) string {
	b := byteSpan(s, u)
	r, _ := utf8.DecodeRuneInString(s[b.Start:])
	h := strconv.FormatInt(int64(r), 16)
	for len(h) < 4 {
		h = "0" + h
	}
	return "U+" + string(toUpper([]byte(h)))
}

func toUpper(b []byte) []byte {
	for i, c := range b {
		if c >= 'a' && c <= 'f' {
			b[i] = c - 32
		}
	}
	return b
}
