package params

import "github.com/xpreflight/xpreflight/core/query"

// FixResult is the fixRequest op's answer: the repaired URL and body, the
// fixes applied in order, and the verdict on the repaired request (with
// the fixes still on offer).
type FixResult struct {
	URL     string          `json:"url"`
	Body    *string         `json:"body"`
	Applied []query.Applied `json:"applied"`
	Result  Result          `json:"result"`
}

// maxFixRounds bounds FixRequest: each round applies one fix and validates
// the request once.
const maxFixRounds = 64

// FixRequest applies req's fixes one at a time, re-validating after each,
// until none applies: only safe fixes unless all is set. Every fix offered
// leaves no more errors than before, so neither does the result; a fix
// that would bring back a request already seen is skipped.
func FixRequest(req Request, all bool) FixResult {
	cur := req
	var applied []query.Applied
	seen := map[string]bool{requestKey(req): true}
	var r Result
	work := MaxFixWork // for the whole call, every round's checks together
	for range maxFixRounds {
		r = Validate(cur)
		attachFixes(cur, &r, &work)
		next, a, ok := firstApplicableFix(cur, r.Diagnostics, all, seen)
		if !ok {
			return fixResult(cur, applied, r)
		}
		seen[requestKey(next)] = true
		cur = next
		applied = append(applied, a)
	}
	r = Validate(cur)
	attachFixes(cur, &r, &work)
	return fixResult(cur, applied, r)
}

func requestKey(req Request) string { return req.URL + "\x00" + string(req.Body) }

func firstApplicableFix(req Request, diags []Diagnostic, all bool, seen map[string]bool) (Request, query.Applied, bool) {
	for _, d := range diags {
		for _, f := range d.Fixes {
			if !f.Safe && !all {
				continue
			}
			next, ok := applyRequestFix(req, f)
			if ok && !seen[requestKey(next)] {
				return next, query.Applied{Code: d.Code, Title: f.Title}, true
			}
		}
	}
	return req, query.Applied{}, false
}

func fixResult(req Request, applied []query.Applied, r Result) FixResult {
	out := FixResult{URL: req.URL, Applied: applied, Result: r}
	if out.Applied == nil {
		out.Applied = []query.Applied{}
	}
	if req.Body != nil {
		b := string(req.Body)
		out.Body = &b
	}
	return out
}
