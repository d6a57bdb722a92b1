package apierr

// Response is an HTTP answer from X as the caller received it.
type Response struct {
	Status  int
	Headers map[string]string // names matched case-insensitively
	Body    []byte            // only read, never modified
	Method  string            // optional; HEAD answers have no body
	URL     string            // optional; a stream operation's URL (params.IsStream) marks a stream line
}

// Result is what Parse makes of a Response (DESIGN.md, parseResponse).
type Result struct {
	Class         Class         `json:"class"`
	Status        int           `json:"status"`
	Shape         Shape         `json:"shape"`
	Problems      []Problem     `json:"problems"`
	PartialErrors []Problem     `json:"partialErrors"`
	RateLimit     *RateLimit    `json:"rateLimit"`
	HeaderIssues  []HeaderIssue `json:"headerIssues,omitempty"`
	Schema        SchemaReport  `json:"schema"`
	Retryable     bool          `json:"retryable"`
}

// Parse reads a response the way doc.go's table says. It is pure and total:
// every body, JSON or not, gets a Result; nothing in resp is modified.
func Parse(resp Response) Result {
	violations := []Violation{}
	r := read(resp, &violations)
	sortViolations(violations)
	r.Schema = SchemaReport{Valid: schemaValid(violations), Violations: boundViolations(violations)}
	return r
}

// Classify is Parse without the schema checks, for callers that act only on
// the class, the problems and the rate limit (retry advice): it skips the
// JSON Schema validation that is most of Parse's work on a small error
// body. Result.Schema is its zero value, which says nothing was checked.
func Classify(resp Response) Result {
	return read(resp, nil)
}

// read is Parse with the schema violations appended to v, or not looked
// for when v is nil.
func read(resp Response, v *[]Violation) Result {
	r := Result{Status: resp.Status, Problems: []Problem{}, PartialErrors: []Problem{}}
	r.RateLimit, r.HeaderIssues = ParseRateLimit(resp.Headers)
	b := readBody(resp, v)
	r.Shape = b.shape
	if isPartial(resp.Status, b) {
		r.PartialErrors = b.problems
	} else if b.problems != nil {
		r.Problems = b.problems
	}
	r.Class = classify(resp.Status, b.shape, r.Problems, r.PartialErrors)
	budget := MaxProblemBytes // classified on every problem, listed within the budget
	r.Problems = boundProblems(r.Problems, &budget, v)
	r.PartialErrors = boundProblems(r.PartialErrors, &budget, v)
	r.Retryable = r.Class.Retryable()
	return r
}

// isPartial: the errors of a 2xx answer are partial errors, unless they end
// a stream (operational-disconnect, streaming-connection, …) in a line
// without data, which makes them the answer itself.
func isPartial(status int, b body) bool {
	if status < 200 || status >= 300 || b.shape == ShapeProblem || len(b.problems) == 0 {
		return false
	}
	if _, hasData := b.top["data"]; !hasData {
		for _, p := range b.problems {
			if streamTerminal(p.Slug) {
				return false
			}
		}
	}
	return true
}

// classify implements the table in doc.go.
func classify(status int, shape Shape, problems, partials []Problem) Class {
	byStatus := ClassOfStatus(status)
	byType := firstTypeClass(problems)
	for _, p := range problems {
		if typeClass(p) == UsageCapped {
			return UsageCapped // definitive at any status: waiting does not lift it
		}
	}
	if byStatus != Success {
		if byStatus == Unknown {
			return byType
		}
		return byStatus
	}
	switch {
	case len(problems) > 0:
		return byType
	case len(partials) > 0:
		return Partial
	case shape == ShapeNotJSON || shape == ShapeNotObject:
		return Unknown
	}
	return Success
}

func firstTypeClass(problems []Problem) Class {
	for _, p := range problems {
		if c := typeClass(p); c != Unknown {
			return c
		}
	}
	return Unknown
}
