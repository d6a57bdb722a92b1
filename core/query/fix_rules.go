package query

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// proposeFixes returns the candidate repairs for d, unchecked; doc.go's
// "Fixes" table lists which codes get one and why each is safe or not.
func proposeFixes(src string, d *Diagnostic, leaves []Expr) []Fix {
	start, end := d.ByteSpan.Start, d.ByteSpan.End
	if start < 0 || end > len(src) || start > end {
		return nil
	}
	switch d.Code {
	case CodeExplicitAnd:
		return fixExplicitAnd(src, d, start, end)
	case CodeLowercaseOr:
		return []Fix{oneEdit("Write OR to match either side", false, start, end, "OR")}
	case CodeTypographicQuote:
		return fixTypographicQuotes(src, start, end)
	case CodeSingleQuote:
		return fixSingleQuote(src, start, leaves)
	case CodeUsernameAt:
		return []Fix{oneEdit("Remove the @", true, start, end, "")}
	case CodeEmojiVariant:
		return []Fix{quoteSpan("Double-quote the emoji, as X requires", true, src, start, end)}
	case CodeColonInKeyword, CodeUnexpectedBracket:
		if t, ok := leafAt(leaves, start, end).(*Term); ok && t.Kind == Keyword && !strings.Contains(t.Text, `"`) {
			return []Fix{quoteSpan("Double-quote "+snippet(t.Text), false, src, t.Start, t.End())}
		}
	case CodeDanglingMinus:
		return fixDanglingMinus(src, start, end)
	}
	if op, ok := leafAt(leaves, start, end).(*Operator); ok {
		return operatorFixes(src, d, op)
	}
	return parserFixes(src, d)
}

// fixExplicitAnd removes AND between two clauses (space already means AND:
// X's own message says so) with the whitespace after it; a leading or lone
// and is offered as a quoted keyword, since X's rule for it is unknown.
func fixExplicitAnd(src string, d *Diagnostic, start, end int) []Fix {
	word := src[start:end]
	if d.Severity == SeverityError {
		stop := end
		for stop < len(src) && isSpace(src[stop]) {
			stop++
		}
		return []Fix{oneEdit("Remove "+word+": a space already joins two clauses", true, start, stop, "")}
	}
	return []Fix{oneEdit(`Quote it as "`+word+`"`, false, start, end, `"`+word+`"`)}
}

// closingQuotes may end a phrase that an editor opened with a curly quote.
const closingQuotes = "”“„‟’‘‚‛»«"

// fixTypographicQuotes straightens a curly quote together with its partner
// (the next closing one after an opener, the previous opener before a
// closer): a phrase written with curly quotes was meant as a phrase, and
// straightening one side alone would leave an unterminated quote.
func fixTypographicQuotes(src string, start, end int) []Fix {
	var open, close Range
	if start == 0 || isSpace(src[start-1]) || src[start-1] == '(' || src[start-1] == '-' {
		open = Range{Start: start, End: end}
		i := strings.IndexAny(src[end:], closingQuotes)
		if i < 0 {
			return nil
		}
		_, n := utf8.DecodeRuneInString(src[end+i:])
		close = Range{Start: end + i, End: end + i + n}
	} else {
		close = Range{Start: start, End: end}
		i := strings.LastIndexAny(src[:start], typographicQuotes)
		if i < 0 {
			return nil
		}
		_, n := utf8.DecodeRuneInString(src[i:])
		open = Range{Start: i, End: i + n}
	}
	return []Fix{{Title: "Replace the curly quotes with straight ones", Safe: true,
		Edits: []Edit{edit(open.Start, open.End, `"`), edit(close.Start, close.End, `"`)}}}
}

// fixSingleQuote turns 'a phrase' into "a phrase", or double-quotes a
// keyword with an apostrophe inside: a guess, since X rejects the input
// rather than saying what it meant.
func fixSingleQuote(src string, start int, leaves []Expr) []Fix {
	t, ok := leafAt(leaves, start, start+1).(*Term)
	if !ok || t.Kind != Keyword {
		return nil
	}
	if start == t.End()-1 && start > t.Start {
		return nil // the closer of a 'phrase': its opener's fix straightens both
	}
	if start > t.Start { // an apostrophe inside a word: don't
		return []Fix{quoteSpan("Double-quote "+snippet(t.Text), false, src, t.Start, t.End())}
	}
	// The closing quote: the first ' that ends a word after the opener.
	for i := start + 1; i < len(src); i++ {
		if src[i] == '"' {
			return nil
		}
		if src[i] == '\'' && (i+1 == len(src) || isSpace(src[i+1]) || src[i+1] == ')') {
			return []Fix{{Title: "Use double quotes for an exact phrase", Safe: false,
				Edits: []Edit{edit(start, start+1, `"`), edit(i, i+1, `"`)}}}
		}
	}
	return nil
}

// fixDanglingMinus joins '-' to the clause after it.
func fixDanglingMinus(src string, start, end int) []Fix {
	stop := end
	for stop < len(src) && isSpace(src[stop]) {
		stop++
	}
	if stop == end || stop == len(src) {
		return nil
	}
	return []Fix{oneEdit("Negate the next clause", false, end, stop, "")}
}

func quoteSpan(title string, safe bool, src string, start, end int) Fix {
	return Fix{Title: title, Safe: safe, Edits: []Edit{edit(start, start, `"`), edit(end, end, `"`)}}
}

// operatorFixes repairs an operator's name or argument.
func operatorFixes(src string, d *Diagnostic, op *Operator) []Fix {
	vs, ve := op.ValueStart(), op.End()
	switch d.Code {
	case CodeUnknownOperator:
		return fixUnknownOperator(src, op)
	case CodeUnquotedArgument:
		info, _, ok := lookupOperator(op.Key)
		if !ok || op.Arg != ArgBare || strings.Contains(op.Value, `"`) {
			return nil
		}
		// X says url: values with punctuation must be quoted: quoting keeps
		// the URL X was asked to match. For the other quoted-text operators
		// X's reading of the bare form is not documented.
		return []Fix{quoteSpan("Double-quote the value", info.Arg == ArgTypeURL, src, vs, ve)}
	case CodeQuotedArgument:
		if op.Arg == ArgQuoted && op.Closed {
			return []Fix{oneEdit("Remove the quotes", false, vs, ve, op.Unquoted())}
		}
	case CodeInvalidLang:
		if h, ok := langHints[toLowerASCII(op.Value)]; ok {
			return []Fix{oneEdit("Use lang:"+h, false, vs, ve, h)}
		}
	case CodeInvalidCountry:
		if h, ok := countryHints[toLowerASCII(op.Value)]; ok && len(h) == 2 {
			return []Fix{oneEdit("Use place_country:"+h, false, vs, ve, h)}
		}
	case CodeCoordinateRange:
		return fixSwappedCoordinates(op)
	case CodeBoxOrder:
		return fixBoxOrder(op)
	}
	return nil
}

// fixUnknownOperator renames a web-search operator to the API's name for
// the same filter (min_faves: → min_likes:, documented), or offers the
// nearest catalogue name as a guess.
func fixUnknownOperator(src string, op *Operator) []Fix {
	nameEnd := op.Colon + 1
	switch op.Key {
	case "min_faves":
		return []Fix{oneEdit("Use min_likes:, the API's name for it", true, op.Start, nameEnd, "min_likes:")}
	case "min_retweets":
		return []Fix{oneEdit("Use min_reposts:, the API's name for it", true, op.Start, nameEnd, "min_reposts:")}
	case "filter":
		if r, ok := filterReplacements[toLowerASCII(op.Value)]; ok {
			return []Fix{oneEdit("Use "+r, false, op.Start, op.End(), r)}
		}
		return nil
	case "http", "https":
		return []Fix{quoteSpan("Double-quote the URL", false, src, op.Start, op.End())}
	}
	m := nearestOperator(op)
	if m == "" {
		return nil
	}
	if strings.Contains(m, ":") && !strings.HasSuffix(m, ":") { // is:/has: with its value
		return []Fix{oneEdit("Did you mean "+m+"?", false, op.Start, op.End(), m)}
	}
	return []Fix{oneEdit("Did you mean "+m+"?", false, op.Start, nameEnd, strings.TrimSuffix(m, ":")+":")}
}

// fixSwappedCoordinates swaps point_radius's longitude and latitude when
// only the swapped order is in range.
func fixSwappedCoordinates(op *Operator) []Fix {
	var f [3]string
	if op.Key != "point_radius" || op.Arg != ArgBracket || bracketFields(op.Value, f[:]) != 3 {
		return nil
	}
	lon, err1 := strconv.ParseFloat(f[0], 64)
	lat, err2 := strconv.ParseFloat(f[1], 64)
	if err1 != nil || err2 != nil || !(lat >= -180 && lat <= 180 && lon >= -90 && lon <= 90) {
		return nil
	}
	return []Fix{oneEdit("Swap longitude and latitude (longitude comes first)", false, op.ValueStart(), op.End(),
		"["+f[1]+" "+f[0]+" "+f[2]+"]")}
}

// fixBoxOrder writes bounding_box's corners as [west south east north].
func fixBoxOrder(op *Operator) []Fix {
	var f [4]string
	if op.Arg != ArgBracket || bracketFields(op.Value, f[:]) != 4 {
		return nil
	}
	var v [4]float64
	for i := range f {
		x, err := strconv.ParseFloat(f[i], 64)
		if err != nil {
			return nil
		}
		v[i] = x
	}
	if v[1] > v[3] {
		f[1], f[3] = f[3], f[1]
	}
	if v[0] > v[2] {
		f[0], f[2] = f[2], f[0]
	}
	return []Fix{oneEdit("Order the corners west south east north", false, op.ValueStart(), op.End(),
		"["+strings.Join(f[:], " ")+"]")}
}

// parserFixes repairs the structure the parser could not accept.
func parserFixes(src string, d *Diagnostic) []Fix {
	start, end := d.ByteSpan.Start, d.ByteSpan.End
	switch d.Code {
	case CodeUnclosedParen:
		return []Fix{oneEdit("Close the group at the end", false, len(src), len(src), ")")}
	case CodeUnmatchedParen:
		return []Fix{oneEdit("Remove the unmatched )", false, start, end, "")}
	case CodeUnterminatedQuote:
		return []Fix{oneEdit("Close the quote at the end", false, len(src), len(src), `"`)}
	case CodeUnclosedBracket:
		return []Fix{oneEdit("Close the bracket at the end", false, len(src), len(src), "]")}
	case CodeMisplacedOr:
		stop := end
		for stop < len(src) && isSpace(src[stop]) {
			stop++
		}
		return []Fix{oneEdit("Remove the misplaced OR", false, start, stop, "")}
	}
	return nil
}
