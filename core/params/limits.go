package params

import (
	"strconv"

	"github.com/xpreflight/xpreflight/core/internal/jsonnest"
	"github.com/xpreflight/xpreflight/core/internal/jsonsize"
	"github.com/xpreflight/xpreflight/core/query"
)

// Limits on what one request may make Validate do and say (doc.go,
// "Limits"). None is X's rule: X documents no URL, body or nesting limit
// that applies here (an over-long URL has been seen answered 431, size
// unstated; x-api-facts.md §6.1). Past a limit the rest is left unchecked
// with a warning, so the Worker forwards what it could not judge, and X
// decides. Each bound is reported in the Result when it is hit.
const (
	// MaxURLBytes of URL are checked: room for a 4,096-character
	// Enterprise query of ASCII, or a 512-character one of emoji, both
	// percent-encoded, and the field lists. A longer URL (up to about 50 KB
	// is legitimate) is forwarded unchecked: scanning 55 KB of parameters
	// cost 20 ms of CPU under workerd, twice the budget (DESIGN.md).
	MaxURLBytes = 16 << 10
	// MaxQueryParams query parameters are judged one by one; the rest are
	// only counted (no operation declares more than about 20).
	MaxQueryParams = 100
	// MaxBodyBytes of JSON body are checked; a larger body (a long post of
	// 16,000 four-byte characters, a batch of hundreds of rules) is not
	// decoded: decoding and schema validation cost about 0.4 ms per KB under
	// workerd.
	MaxBodyBytes = 64 << 10
	// MaxBodyDepth levels of arrays and objects are decoded and validated
	// (see core/internal/jsonnest: V8's wasm stack).
	MaxBodyDepth = jsonnest.MaxDepth
	// MaxRulesLinted rule values of one rules body are linted.
	MaxRulesLinted = 100
	// MaxDiagnostics findings are listed, the last of them a
	// too-many-diagnostics entry counting the rest, and at most
	// maxAnswerBytes of JSON for the findings and the problem built from
	// them, which keeps a Result under 64 KiB (DESIGN.md's answer budget).
	MaxDiagnostics = 100
	// MaxTextBytes of JSON of any message, value, parameter name or hint
	// are kept; longer text is cut and ends with "…". A 4,096-character query, the
	// longest a value X accepts, fits (16 KiB), so fixes still match it.
	MaxTextBytes = 16 << 10
)

// maxSuggestions bounds the did-you-mean look-ups for unknown parameters
// of one request (each measures the edit distance to every name).
const maxSuggestions = 10

// maxAnswerBytes is the JSON the listed findings and the problem may take
// together, leaving room for the rest of the Result within 64 KiB.
const maxAnswerBytes = 56 << 10

// Codes of the limits.
const (
	CodeURLTooLong         = "url-not-checked"
	CodeTooManyParameters  = "too-many-parameters"
	CodeBodyTooLarge       = "body-too-large"
	CodeBodyTooDeep        = "body-too-deep"
	CodeRulesNotLinted     = "rules-not-linted"
	CodeTooManyDiagnostics = query.CodeTooManyDiagnostics
)

// urlTooLong reports a URL past MaxURLBytes, which is then not judged.
func (v *validation) urlTooLong() bool {
	if len(v.req.URL) <= MaxURLBytes {
		return false
	}
	v.add(Diagnostic{Code: CodeURLTooLong, Severity: sevWarning, Value: jsonsize.Truncate(v.req.URL, 200),
		Message: "The URL is " + strconv.Itoa(len(v.req.URL)) + " bytes long; xpreflight checks URLs up to " +
			strconv.Itoa(MaxURLBytes) + " bytes, so this request was not checked (X documents no URL limit; over-long URLs have been answered 431)"})
	return true
}

// paramCap counts the query parameters past MaxQueryParams, which are not
// judged; unknown is how many of them the operation does not declare.
type paramCap struct {
	seen, skipped, unknown int
	full                   bool // v.answerFull held: it only stays so
}

// over reports whether the pair named name is past the cap, or past the
// point where the answer is full (see answerFull), counting it.
func (c *paramCap) over(v *validation, name string) bool {
	c.seen++
	if c.seen <= MaxQueryParams && !c.full {
		if len(v.diags) < MaxDiagnostics || !v.answerFull() {
			return false
		}
		c.full = true
	}
	c.skipped++
	if i, _ := v.op.queryParam(name); i < 0 {
		c.unknown++
	}
	return true
}

// report adds the one finding about the skipped parameters: an error when
// some are unknown to the operation (X rejects an unknown parameter,
// unknown-parameter), else a warning (repeats; X judges the first).
func (c *paramCap) report(v *validation) {
	if c.skipped == 0 {
		return
	}
	judged := c.seen - c.skipped
	d := Diagnostic{Code: CodeTooManyParameters, Severity: sevWarning,
		Message: "The request has " + strconv.Itoa(c.seen) + " query parameters; xpreflight judged the first " +
			strconv.Itoa(judged) + " one by one, and the other " + strconv.Itoa(c.skipped) + " repeat them"}
	if c.unknown > 0 {
		d.Severity = sevError
		d.Message = "The request has " + strconv.Itoa(c.seen) + " query parameters; past the first " +
			strconv.Itoa(judged) + ", " + strconv.Itoa(c.unknown) + " are not parameters of " + v.op.Route() +
			" (each is an unknown-parameter error; they are counted, not listed)"
	}
	v.add(d)
}

// bodyBeyondLimits reports a JSON body too large or too deeply nested to
// decode, which is then not checked.
func (v *validation) bodyBeyondLimits(body []byte) bool {
	if len(body) > MaxBodyBytes {
		v.add(Diagnostic{Code: CodeBodyTooLarge, Severity: sevWarning, Parameter: "body",
			Message: "The request body is " + strconv.Itoa(len(body)) + " bytes; xpreflight checks JSON bodies up to " +
				strconv.Itoa(MaxBodyBytes) + " bytes, so it was not checked"})
		return true
	}
	if off, deep := jsonnest.Deeper(body, MaxBodyDepth); deep {
		line, col := lineColumn(body, off)
		pos := "line " + strconv.Itoa(line) + ", column " + strconv.Itoa(col)
		v.add(Diagnostic{Code: CodeBodyTooDeep, Severity: sevWarning, Parameter: "body", Value: pos,
			Message: "The request body nests arrays and objects more than " + strconv.Itoa(MaxBodyDepth) +
				" levels deep (at " + pos + "); X's bodies nest a few levels, and xpreflight does not decode deeper ones, so it was not checked"})
		return true
	}
	return false
}

// rulesNotLinted reports the rule values from index i on, not linted.
func (v *validation) rulesNotLinted(i, total int) {
	why := "xpreflight lints at most " + strconv.Itoa(MaxRulesLinted) + " rule values"
	if i < MaxRulesLinted {
		why = "the request is already invalid and its answer full, so xpreflight stopped linting"
	}
	v.add(Diagnostic{Code: CodeRulesNotLinted, Severity: sevWarning, Parameter: "#/add",
		Message: "The body adds " + strconv.Itoa(total) + " rules; " + why + ", and the last " + strconv.Itoa(total-i) +
			" (from #/add/" + strconv.Itoa(i) + ") were not checked"})
}

// answerFull reports whether linting more would change nothing: some
// finding is already an error (the verdict is invalid), and the findings
// already fill what bound keeps (MaxDiagnostics, nested ones counted), so
// more would only be counted. Hostile rule batches cost most in findings.
func (v *validation) answerFull() bool {
	n, isErr := 0, false
	for i := range v.diags {
		n += 1 + len(v.diags[i].Query)
		isErr = isErr || v.diags[i].Severity == sevError
	}
	return isErr && n >= MaxDiagnostics
}

// bound applies MaxTextBytes, MaxDiagnostics and maxAnswerBytes to the
// findings, in order: each is shortened, nested query findings are cut to
// the room left, and once a budget is spent the rest are counted in one
// too-many-diagnostics entry, an error if any of them was.
func (v *validation) bound() {
	spent := 0
	for i := range v.diags {
		d := &v.diags[i]
		shorten(d)
		left := maxAnswerBytes - tooManySize - spent
		own := findingSize(d)
		if i == MaxDiagnostics-limitKinds-1 && len(v.diags) > MaxDiagnostics-limitKinds || own > left {
			v.tooMany(i)
			return
		}
		spent += own
		if len(d.Query) > 0 {
			d.Query = fitQueryDiagnostics(d.Query, left-own)
			spent += querySize(d.Query)
		}
	}
}

// limitKinds is the number of limit findings tooMany may list after its
// entry.
const limitKinds = 5

// tooManySize is room kept for the too-many-diagnostics entry and the
// findings of limits, which are always listed (one of each at most).
const tooManySize = 4 << 10

// isLimit reports whether code is the finding of one of the limits.
func isLimit(code string) bool {
	switch code {
	case CodeURLTooLong, CodeTooManyParameters, CodeBodyTooLarge, CodeBodyTooDeep, CodeRulesNotLinted:
		return true
	}
	return false
}

// tooMany replaces the findings from index i on with one entry counting
// them, followed by the findings of limits among them.
func (v *validation) tooMany(i int) {
	rest, sev := v.diags[i:], sevWarning
	var limits []Diagnostic
	for j := range rest {
		if isLimit(rest[j].Code) {
			shorten(&rest[j])
			limits = append(limits, rest[j])
			continue
		}
		if rest[j].Severity == sevError {
			sev = sevError
		}
	}
	v.diags = v.diags[:i]
	if n := len(rest) - len(limits); n > 0 {
		v.diags = append(v.diags, Diagnostic{Code: CodeTooManyDiagnostics, Severity: sev,
			Message: strconv.Itoa(n) + " more findings are not listed (xpreflight lists at most " +
				strconv.Itoa(MaxDiagnostics) + ", or " + strconv.Itoa(maxAnswerBytes>>10) + " KiB of them)"})
	}
	v.diags = append(v.diags, limits...)
}

// shorten cuts every text field of d to MaxTextBytes of JSON.
func shorten(d *Diagnostic) {
	d.Message = jsonsize.Fit(d.Message, MaxTextBytes)
	d.Value = jsonsize.Fit(d.Value, MaxTextBytes)
	d.Parameter = jsonsize.Fit(d.Parameter, MaxTextBytes)
	d.Hint = jsonsize.Fit(d.Hint, MaxTextBytes)
	if len(d.problemParams) == 0 {
		return
	}
	cut := make(map[string][]string, len(d.problemParams))
	for k, vals := range d.problemParams {
		short := make([]string, len(vals))
		for j, s := range vals {
			short[j] = jsonsize.Fit(s, MaxTextBytes)
		}
		cut[jsonsize.Fit(k, MaxTextBytes)] = short
	}
	d.problemParams = cut
}

// findingSize is the JSON of d without its nested query findings, counted
// twice when d is an error: its message and values reappear in the
// problem.
func findingSize(d *Diagnostic) int {
	n := 64 + jsonsize.String(d.Code) + jsonsize.String(d.Message) + jsonsize.String(d.Value) +
		jsonsize.String(d.Parameter) + jsonsize.String(d.Hint)
	if d.Severity == sevError {
		n += 48 + jsonsize.String(d.Message) + jsonsize.String(d.Value) + jsonsize.String(d.Parameter)
		for k, vals := range d.problemParams {
			n += jsonsize.String(k)
			for _, s := range vals {
				n += jsonsize.String(s) + 1
			}
		}
	}
	return n
}

func querySize(ds []query.Diagnostic) int {
	n := 0
	for i := range ds {
		n += queryFindingSize(&ds[i])
	}
	return n
}

func queryFindingSize(d *query.Diagnostic) int {
	const fixed = len(`{"code":,"severity":"warning","message":,"span":{"start":,"end":},"byteSpan":{"start":,"end":},"hint":},`) + 4*7
	return fixed + jsonsize.String(d.Code) + jsonsize.String(d.Message) + jsonsize.String(d.Hint)
}

// fitQueryDiagnostics keeps the nested query findings that fit in room
// bytes, the last kept replaced by a too-many-diagnostics entry when some
// do not fit (an error if any cut was). The linter's own order and cap
// come first; this only trims further.
func fitQueryDiagnostics(ds []query.Diagnostic, room int) []query.Diagnostic {
	if querySize(ds) <= room {
		return ds
	}
	const entry = 256
	n, size := 0, 0
	for n < len(ds) && size+queryFindingSize(&ds[n]) <= room-entry {
		size += queryFindingSize(&ds[n])
		n++
	}
	rest, sev := ds[n:], query.SeverityWarning
	for i := range rest {
		if rest[i].Severity == query.SeverityError {
			sev = query.SeverityError
		}
	}
	from := rest[0]
	out := append(ds[:n:n], query.Diagnostic{Code: query.CodeTooManyDiagnostics, Severity: sev,
		Message:  strconv.Itoa(len(rest)) + " more findings are not listed (the answer's size budget)",
		Span:     query.Range{Start: from.Span.Start, End: ds[len(ds)-1].Span.End},
		ByteSpan: query.Range{Start: from.ByteSpan.Start, End: ds[len(ds)-1].ByteSpan.End}})
	return out
}
