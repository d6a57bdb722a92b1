package params

// buildProblem makes the invalid-request body X would send for these
// findings: one errors[] item per offending parameter (its first error), in
// the order found.
func buildProblem(diags []Diagnostic) *Problem {
	p := &Problem{Errors: []ProblemError{}, Title: ProblemTitle, Detail: ProblemDetail, Type: ProblemType}
	seen := map[string]bool{}
	for _, d := range diags {
		if d.Severity != sevError {
			continue
		}
		params := d.problemParams
		if params == nil {
			params = map[string][]string{}
			if d.Parameter != "" {
				params[d.Parameter] = []string{d.Value}
			}
		}
		key := d.Parameter
		if key == "" {
			key = "\x00" + d.Code
		}
		if seen[key] {
			continue
		}
		seen[key] = true
		p.Errors = append(p.Errors, ProblemError{Parameters: params, Message: d.Message})
	}
	return p
}
