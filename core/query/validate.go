package query

// Validate judges q as X's server would for the endpoint and tier in opts.
//
// FOUNDATION PLACEHOLDER: replaced by the query linter (issue 2).
func Validate(q string, opts Options) Report {
	return Report{Valid: true, Length: len(q), MaxLength: 512, Diagnostics: []Diagnostic{}, Formatted: q}
}
