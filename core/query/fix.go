package query

import (
	"strings"
	"unicode/utf8"
)

// Fix is one repair for a diagnostic, as data a tool can apply: replace
// each edit's span of the query with its NewText. Safe means the result
// keeps what X would match (a curly quote made straight, AND removed
// between two clauses); a guess at intent ("did you mean") is not safe.
type Fix struct {
	Title string `json:"title"`
	Safe  bool   `json:"safe"`
	Edits []Edit `json:"edits"`
}

// Edit replaces the text at Span (UTF-16 units) / ByteSpan (bytes) with
// NewText. Edits of one fix never overlap and are sorted by position.
type Edit struct {
	Span     Range  `json:"span"`
	ByteSpan Range  `json:"byteSpan"`
	NewText  string `json:"newText"`
}

// maxFixSource bounds the queries fixes are offered for: every fix is
// checked by validating the fixed query, so the work grows with the query.
// 4,096 is the longest query any access level accepts (fact sheet §2), so
// a longer query's first repair is to shorten it.
const maxFixSource = 4096

// AttachFixes fills in the Fixes of each diagnostic of q that has a clear
// repair. Every fix offered has been applied and re-validated under opts:
// none leaves more errors than q has. diags must be Validate's (or
// Diagnose's) answer for q under opts.
func AttachFixes(q string, opts Options, diags []Diagnostic) {
	work := MaxFixWork
	AttachFixesWithin(q, opts, diags, &work)
}

// MaxFixWork bounds the checking of fixes in one call (AttachFixes, or a
// whole FixQuery): the bytes of fixed queries re-validated. Each check is
// a full validation (4 ms for a hostile 4,096-character query under wasm),
// and a query with 100 findings would otherwise cost hundreds of them.
// 8 KiB is 16 checks of a 512-character query, 80 of a 100-character one,
// 2 of the longest; past it, the findings left get no fixes.
const MaxFixWork = 8 << 10

// AttachFixesWithin is AttachFixes spending at most *work bytes of
// re-validation (see MaxFixWork), less what it spent left in *work.
func AttachFixesWithin(q string, opts Options, diags []Diagnostic, work *int) {
	if len(q) > maxFixSource || len(diags) == 0 || *work <= 0 {
		return
	}
	if diags[len(diags)-1].Code == CodeTooManyDiagnostics {
		return // over 100 findings: a query to rewrite, not to repair one edit at a time
	}
	tree, _ := Parse(q)
	leaves := collectLeaves(tree.Root)
	before := countErrors(diags)
	for i := range diags {
		d := &diags[i]
		var kept []Fix
		for _, f := range proposeFixes(q, d, leaves) {
			fixed, ok := applyEdits(q, f.Edits)
			if !ok {
				continue
			}
			if *work < len(fixed) {
				d.Fixes = kept
				*work = 0
				return
			}
			*work -= len(fixed)
			if countErrors(Diagnose(fixed, opts)) > before {
				continue
			}
			fillEditSpans(q, f.Edits)
			kept = append(kept, f)
		}
		d.Fixes = kept
	}
}

func countErrors(diags []Diagnostic) int {
	n := 0
	for i := range diags {
		if diags[i].Severity == SeverityError {
			n++
		}
	}
	return n
}

// collectLeaves lists the terms and operators of the tree in source order,
// walking with an explicit stack (the tree may be as deep as the parser
// allows; the goroutine stack under wasm is not).
func collectLeaves(root Expr) []Expr {
	var out []Expr
	stack := []Expr{root}
	for len(stack) > 0 {
		x := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		switch x := x.(type) {
		case *Or:
			for i := len(x.Clauses) - 1; i >= 0; i-- {
				stack = append(stack, x.Clauses[i])
			}
		case *And:
			for i := len(x.Clauses) - 1; i >= 0; i-- {
				stack = append(stack, x.Clauses[i])
			}
		case *Not:
			stack = append(stack, x.X)
		case *Group:
			if x.X != nil {
				stack = append(stack, x.X)
			}
		case *Term, *Operator:
			out = append(out, x)
		}
	}
	return out
}

// leafAt returns the term or operator whose span contains [start, end).
func leafAt(leaves []Expr, start, end int) Expr {
	for _, x := range leaves {
		if x.Pos() <= start && end <= x.End() {
			return x
		}
	}
	return nil
}

// applyEdits applies sorted, non-overlapping byte edits to src.
func applyEdits(src string, edits []Edit) (string, bool) {
	var b strings.Builder
	at := 0
	for _, e := range edits {
		if e.ByteSpan.Start < at || e.ByteSpan.End < e.ByteSpan.Start || e.ByteSpan.End > len(src) {
			return "", false
		}
		b.WriteString(src[at:e.ByteSpan.Start])
		b.WriteString(e.NewText)
		at = e.ByteSpan.End
	}
	b.WriteString(src[at:])
	return b.String(), true
}

// fillEditSpans sets each edit's UTF-16 Span from its ByteSpan.
func fillEditSpans(src string, edits []Edit) {
	for i := range edits {
		edits[i].Span = Range{Start: utf16Offset(src, edits[i].ByteSpan.Start), End: utf16Offset(src, edits[i].ByteSpan.End)}
	}
}

// utf16Offset counts the UTF-16 units of src[:off], an invalid byte as one
// unit (as fillUTF16Spans does).
func utf16Offset(src string, off int) int {
	u := 0
	for pos := 0; pos < off && pos < len(src); {
		r, n := utf8.DecodeRuneInString(src[pos:])
		if pos+n > off {
			break
		}
		pos += n
		u++
		if r >= 0x10000 {
			u++
		}
	}
	return u
}

func edit(start, end int, text string) Edit {
	return Edit{ByteSpan: Range{Start: start, End: end}, NewText: text}
}

func oneEdit(title string, safe bool, start, end int, text string) Fix {
	return Fix{Title: title, Safe: safe, Edits: []Edit{edit(start, end, text)}}
}
