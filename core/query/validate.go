package query

import (
	"cmp"
	"slices"
	"strconv"
	"unicode/utf8"

	"github.com/xpreflight/xpreflight/core/internal/jsonsize"
)

// maxDiagnostics bounds the report for pathological input (a megabyte of
// stray parentheses would otherwise yield a diagnostic each), and
// maxDiagnosticBytes the JSON its diagnostics take: with Formatted (at most
// 4,096 characters, 24 KiB encoded) a report stays under 64 KiB, the
// Worker's answer budget (DESIGN.md).
const (
	maxDiagnostics     = 100
	maxDiagnosticBytes = 32 << 10
)

// keptDiagnostics is how many of the sorted diagnostics d the report lists
// before the too-many-diagnostics entry: all when they fit both budgets,
// else as many as fit with room for that entry. more says findings were
// dropped before sorting (the entry is due anyway).
func keptDiagnostics(d []Diagnostic, more bool) int {
	limit := len(d)
	if len(d) > maxDiagnostics || more {
		limit = min(len(d), maxDiagnostics-1)
	}
	if limit <= 16 { // messages quote at most 40 bytes of the query: 16 cannot reach the byte budget
		return limit
	}
	size := 0
	for i := 0; i < limit; i++ {
		size += diagnosticSize(&d[i])
		if size > maxDiagnosticBytes {
			return i
		}
	}
	return limit
}

// diagnosticSize is the JSON a diagnostic takes, its spans counted at
// their widest.
func diagnosticSize(d *Diagnostic) int {
	const fixed = len(`{"code":,"severity":"warning","message":,"span":{"start":,"end":},"byteSpan":{"start":,"end":},"hint":},`) + 4*7
	return fixed + jsonsize.String(d.Code) + jsonsize.String(d.Message) + jsonsize.String(d.Hint)
}

// Validate judges q as X's server would for the endpoint and tier in opts
// and returns the validateQuery report: Valid is false exactly when a
// diagnostic has severity error; diagnostics are sorted by position, with
// Span in UTF-16 units and ByteSpan in bytes; Length counts code points
// (see Length); Formatted is Format of the parsed query.
func Validate(q string, opts Options) Report {
	var r Report
	validate(q, opts, true, &r)
	return r
}

// Diagnose returns the diagnostics Validate reports for q, identical to
// Validate's, without formatting the query: for callers that only nest the
// findings (the request validator lints every search request's query).
func Diagnose(q string, opts Options) []Diagnostic {
	var r Report
	validate(q, opts, false, &r)
	return r.Diagnostics
}

// validate is Validate into r; Formatted is left empty unless format is
// set. It fills in r rather than returning a Report: Diagnose only wants
// the diagnostics, and copying the eight-word struct out went through
// the stack.
func validate(q string, opts Options, format bool, r *Report) {
	if judgeBySize(q, opts, r) {
		return
	}
	valid8, length, units := measure(q)
	if valid8 && lintFlat(q, opts, length, units, format, r) {
		return
	}
	validateFull(q, opts, format, valid8, length, units, r)
}

// validateFull is validate through the parse tree, for every query.
func validateFull(q string, opts Options, format, valid8 bool, length, units int, r *Report) {
	c := checker{src: q, validUTF8: valid8}
	var badEndpoint, badTier bool
	c.opts, badEndpoint, badTier = normalize(opts)
	c.epBit, c.level = endpointBit(c.opts.Endpoint), levelOf(c.opts.Tier)
	if badEndpoint {
		c.warnAt(CodeUnknownOption, 0, 0, "Unknown endpoint "+strconv.Quote(string(opts.Endpoint))+"; judged as search_recent", "")
	}
	if badTier {
		c.warnAt(CodeUnknownOption, 0, 0, "Unknown tier "+strconv.Quote(string(opts.Tier))+"; judged as pay-per-use", "")
	}
	p := parserPool.Get().(*parser)
	root, errs := p.parse(q)
	tree := Query{Src: q, Root: root}
	for _, e := range errs {
		c.add(syntaxSeverity(e.Code), e.Code, e.Pos, e.End, e.Msg, e.Hint)
	}
	c.dropped += p.dropped // syntax errors past maxParseErrors, counted only
	c.droppedErr = c.droppedErr || p.droppedErr
	c.checkQuery(&tree)
	lim := limitOf(c.opts)
	maxLen := lim.n
	c.checkLength(length, units, lim)
	diags := c.finish()
	valid := true
	for i := range diags {
		if diags[i].Severity == SeverityError {
			valid = false
			break
		}
	}
	formatted := ""
	if format {
		formatted = Format(&tree)
	}
	p.release() // nothing returned refers to the tree
	r.Valid, r.Length, r.MaxLength, r.Diagnostics, r.Formatted = valid, length, maxLen, diags, formatted
}

// syntaxSeverity is the severity of a syntax error code: an error where
// X's message for it is recorded (unbalanced parentheses), a warning where
// no source records X's answer (doc.go, "Sources of errors"). (too-deep is
// no syntax error: the checks report it, as a warning.)
func syntaxSeverity(code string) Severity {
	switch code {
	case CodeEmptyGroup, CodeUnterminatedQuote, CodeUnclosedBracket, CodeMisplacedOr:
		return SeverityWarning
	}
	return SeverityError
}

// normalize applies the defaults and reports names it does not know.
func normalize(opts Options) (out Options, badEndpoint, badTier bool) {
	out = opts
	switch opts.Endpoint {
	case "":
		out.Endpoint = SearchRecent
	case SearchRecent, SearchAll, CountsRecent, CountsAll, StreamRule:
	default:
		out.Endpoint, badEndpoint = SearchRecent, true
	}
	switch opts.Tier {
	case "":
		out.Tier = PayPerUse
	default:
		if tierSlot(opts.Tier) >= 0 {
			break
		}
		out.Tier, badTier = PayPerUse, true
	}
	return out, badEndpoint, badTier
}

// finish sorts the diagnostics by position, bounds their number and fills
// in the UTF-16 spans. The result is never nil.
func (c *checker) finish() []Diagnostic {
	d := c.diags
	if len(d) == 0 {
		return []Diagnostic{}
	}
	slices.SortStableFunc(d, func(a, b Diagnostic) int {
		return cmp.Or(cmp.Compare(a.ByteSpan.Start, b.ByteSpan.Start), cmp.Compare(a.ByteSpan.End, b.ByteSpan.End))
	})
	if keep := keptDiagnostics(d, c.dropped > 0); keep < len(d) || c.dropped > 0 {
		rest, sev := d[keep:], SeverityWarning
		if c.droppedErr {
			sev = SeverityError
		}
		for i := range rest {
			if rest[i].Severity == SeverityError {
				sev = SeverityError
			}
		}
		from := len(c.src)
		if len(rest) > 0 {
			from = rest[0].ByteSpan.Start
		}
		d = append(d[:len(d)-len(rest)], Diagnostic{Code: CodeTooManyDiagnostics, Severity: sev,
			Message:  strconv.Itoa(len(rest)+c.dropped) + " more findings are not listed",
			ByteSpan: Range{Start: from, End: len(c.src)}})
	}
	fillUTF16Spans(c.src, d)
	return d
}

// fillUTF16Spans converts every ByteSpan to a Span in UTF-16 code units
// with one pass over the source: invalid bytes count as one unit (each
// becomes U+FFFD when the string is decoded or JSON-encoded), characters
// outside the BMP as two.
func fillUTF16Spans(src string, d []Diagnostic) {
	offsets := make([]int, 0, 2*len(d))
	for i := range d {
		offsets = append(offsets, d[i].ByteSpan.Start, d[i].ByteSpan.End)
	}
	slices.Sort(offsets)
	offsets = slices.Compact(offsets)
	units := make([]int, len(offsets))
	pos, u := 0, 0
	for k, off := range offsets {
		for pos < off && pos < len(src) {
			r, n := utf8.DecodeRuneInString(src[pos:])
			if pos+n > off { // off points inside a character: stop before it
				break
			}
			pos += n
			u++
			if r >= 0x10000 {
				u++
			}
		}
		units[k] = u
	}
	at := func(off int) int {
		k, _ := slices.BinarySearch(offsets, off)
		return units[k]
	}
	for i := range d {
		d[i].Span = Range{Start: at(d[i].ByteSpan.Start), End: at(d[i].ByteSpan.End)}
	}
}
