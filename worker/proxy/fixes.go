package proxy

import (
	"bytes"
	"encoding/json"

	"github.com/xpreflight/xpreflight/core/params"
)

// FixesField is the extension field of a rejected call's problem body that
// lists the repairs core/params offers: X's problem bodies allow extra
// fields, so a client written for X's shape reads the body as before, and
// the developer sees the repair in their own logs. Nothing is rewritten.
const FixesField = "xpreflight_fixes"

// Bounds on the rejected requests whose fixes are listed: each candidate
// fix costs a validation, and a rejection must stay cheap for any caller.
const (
	maxFixTarget   = 2 << 10
	maxFixBody     = 8 << 10
	maxFixFindings = 16
)

// problemFix is one entry of FixesField: the finding it repairs and how.
type problemFix struct {
	Code      string        `json:"code"`
	Parameter string        `json:"parameter,omitempty"`
	Title     string        `json:"title"`
	Safe      bool          `json:"safe"`
	Edits     []params.Edit `json:"edits"`
}

// withFixes adds FixesField to an invalid-request problem body when req
// has fixes; any other body, or a failure, leaves problem as it was.
func withFixes(problem json.RawMessage, req params.Request, v params.Result) (out json.RawMessage) {
	out = problem
	if len(req.URL) > maxFixTarget || len(req.Body) > maxFixBody || len(v.Diagnostics) > maxFixFindings || v.Status != 0 && v.Status != 400 {
		return out
	}
	defer func() {
		if recover() != nil {
			out = problem // a fix is a courtesy: never let it cost the answer
		}
	}()
	params.AttachFixes(req, &v)
	var fixes []problemFix
	for _, d := range v.Diagnostics {
		for _, f := range d.Fixes {
			fixes = append(fixes, problemFix{Code: d.Code, Parameter: d.Parameter, Title: f.Title, Safe: f.Safe, Edits: f.Edits})
		}
	}
	if len(fixes) == 0 {
		return out
	}
	list, err := json.Marshal(fixes)
	trimmed := bytes.TrimRight(problem, " \n")
	if err != nil || len(trimmed) < 2 || trimmed[0] != '{' || trimmed[len(trimmed)-1] != '}' {
		return out
	}
	// Appended, not re-encoded: X's fields keep their order and bytes.
	merged := append([]byte(nil), trimmed[:len(trimmed)-1]...)
	merged = append(merged, `,"`+FixesField+`":`...)
	merged = append(merged, list...)
	return append(merged, '}')
}
