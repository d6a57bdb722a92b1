package apierr

import (
	"strconv"

	"github.com/xpreflight/xpreflight/core/internal/jsonnest"
	"github.com/xpreflight/xpreflight/core/internal/jsonsize"
)

// Limits on what one body may make Parse do and say (doc.go, "Limits").
// X's bodies stay far inside them; a body past one is hostile or broken,
// and the Result says which limit it hit.
const (
	// MaxBodyDepth levels of arrays and objects are decoded; a deeper
	// body is shape too-deep, not decoded (core/internal/jsonnest: V8's
	// wasm stack).
	MaxBodyDepth = jsonnest.MaxDepth
	// MaxProblemBytes of JSON are listed across Problems and
	// PartialErrors; the rest are counted in one violation.
	MaxProblemBytes = 32 << 10
	// MaxItemsChecked error items are checked against the schema of
	// their type (about 0.25 ms each under wasm); every item is still
	// read and classified.
	MaxItemsChecked = 20
	// MaxItemsRead error items are read (and classified, and listed
	// within MaxProblemBytes); X sends at most one per requested ID (100)
	// or rule (1,000).
	MaxItemsRead = 1000
	// MaxViolations schema violations are listed, and at most
	// maxViolationBytes of them; the last one listed counts the rest.
	MaxViolations     = 50
	maxViolationBytes = 16 << 10
)

// limitsLocation is the KeywordLocation of the notes limits add to the
// violations: they say what was not listed or not checked, not that the
// body is wrong, so they leave SchemaReport.Valid alone.
const limitsLocation = "xpreflight:limits"

// ShapeTooDeep is a JSON body nested past MaxBodyDepth.
const ShapeTooDeep Shape = "too-deep"

// tooDeep reports a body nested past MaxBodyDepth; off is the byte offset
// of the bracket that opens the level past it.
func tooDeep(off int, v *[]Violation) body {
	note(v, Violation{KeywordLocation: envelope, Message: "body nests arrays and objects more than " +
		strconv.Itoa(MaxBodyDepth) + " levels deep (at byte " + strconv.Itoa(off) + "); X's bodies nest a few levels, so it was not decoded"})
	return body{shape: ShapeTooDeep}
}

// itemsNotChecked notes the error items past MaxItemsChecked.
func itemsNotChecked(n int, v *[]Violation) {
	msg := strconv.Itoa(n-MaxItemsChecked) + " of the " + strconv.Itoa(n) +
		" error items were not checked against their schemas (the first " + strconv.Itoa(MaxItemsChecked) + " were)"
	if n > MaxItemsRead {
		msg += ", and " + strconv.Itoa(n-MaxItemsRead) + " were not read (the first " + strconv.Itoa(MaxItemsRead) + " were)"
	}
	note(v, Violation{KeywordLocation: limitsLocation, Message: msg})
}

// boundProblems keeps the problems whose fields fit MaxProblemBytes of
// JSON in order, and notes how many were left out.
func boundProblems(ps []Problem, budget *int, v *[]Violation) []Problem {
	for i := range ps {
		n := problemSize(&ps[i])
		if n > *budget {
			note(v, Violation{KeywordLocation: limitsLocation, Message: strconv.Itoa(len(ps)-i) +
				" more error items are not listed (the answer lists " + strconv.Itoa(MaxProblemBytes>>10) + " KiB of them)"})
			*budget = 0
			return ps[:i:i]
		}
		*budget -= n
	}
	return ps
}

// problemSize bounds the JSON of a problem from above: its raw field text
// measured as one JSON string over-counts quotes and white space, never
// under-counts an escape.
func problemSize(p *Problem) int {
	n := 16 + jsonsize.String(p.Slug)
	for k, raw := range p.Fields {
		n += jsonsize.String(k) + jsonsize.String(string(raw))
	}
	return n
}

// schemaValid reports whether vs has a violation other than a limit's note.
func schemaValid(vs []Violation) bool {
	for i := range vs {
		if vs[i].KeywordLocation != limitsLocation {
			return false
		}
	}
	return true
}

// boundViolations keeps the first MaxViolations violations (sorted) that
// fit maxViolationBytes, the last replaced by one counting the rest.
func boundViolations(vs []Violation) []Violation {
	size := 0
	for i := range vs {
		size += 64 + jsonsize.String(vs[i].InstanceLocation) + jsonsize.String(vs[i].KeywordLocation) + jsonsize.String(vs[i].Message)
		if i == MaxViolations-1 && len(vs) > MaxViolations || size > maxViolationBytes {
			rest := len(vs) - i
			return append(vs[:i:i], Violation{KeywordLocation: limitsLocation,
				Message: strconv.Itoa(rest) + " more violations are not listed (the answer lists " + strconv.Itoa(MaxViolations) +
					", or " + strconv.Itoa(maxViolationBytes>>10) + " KiB of them)"})
		}
	}
	return vs
}
