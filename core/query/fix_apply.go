package query

// Applied names one fix that FixQuery applied.
type Applied struct {
	Code  string `json:"code"`
	Title string `json:"title"`
}

// FixResult is the fixQuery op's answer: the repaired query, the fixes
// applied in order, and the report on the repaired query (with the fixes
// still on offer).
type FixResult struct {
	Query   string    `json:"query"`
	Applied []Applied `json:"applied"`
	Report  Report    `json:"report"`
}

// maxFixRounds bounds FixQuery: each round applies one fix and validates
// the result once, and no query needs more repairs than it has findings
// (Validate reports at most maxDiagnostics).
const maxFixRounds = maxDiagnostics

// FixQuery applies q's fixes one at a time, re-validating after each, until
// none applies: only safe fixes unless all is set. Since every fix offered
// leaves no more errors than before, the result never has more errors
// than q. A fix that would bring back a query already seen is skipped, so
// the loop ends even when two fixes undo each other.
func FixQuery(q string, opts Options, all bool) FixResult {
	res := FixResult{Query: q, Applied: []Applied{}}
	seen := map[string]bool{q: true}
	work := MaxFixWork // for the whole call, every round's checks together
	for range maxFixRounds {
		r := Validate(res.Query, opts)
		AttachFixesWithin(res.Query, opts, r.Diagnostics, &work)
		res.Report = r
		next, applied, ok := firstApplicable(res.Query, r.Diagnostics, all, seen)
		if !ok {
			return res
		}
		seen[next] = true
		res.Query = next
		res.Applied = append(res.Applied, applied)
	}
	res.Report = Validate(res.Query, opts)
	AttachFixesWithin(res.Query, opts, res.Report.Diagnostics, &work)
	return res
}

func firstApplicable(q string, diags []Diagnostic, all bool, seen map[string]bool) (string, Applied, bool) {
	for _, d := range diags {
		for _, f := range d.Fixes {
			if !f.Safe && !all {
				continue
			}
			next, ok := applyEdits(q, f.Edits)
			if ok && !seen[next] {
				return next, Applied{Code: d.Code, Title: f.Title}, true
			}
		}
	}
	return "", Applied{}, false
}
