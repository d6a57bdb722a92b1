package params

import (
	"strings"

	"github.com/xpreflight/xpreflight/core/query"
)

// queryEndpoints maps the paths whose `query` parameter is X's search
// grammar to the query linter's endpoint.
var queryEndpoints = map[string]query.Endpoint{
	"/2/tweets/search/recent": query.SearchRecent,
	"/2/tweets/search/all":    query.SearchAll,
	"/2/tweets/counts/recent": query.CountsRecent,
	"/2/tweets/counts/all":    query.CountsAll,
}

// lintQuery runs the query linter and nests its findings in one
// diagnostic for the parameter (or rule value) named param.
func (v *validation) lintQuery(param, value string, ep query.Endpoint, code string) {
	diags := query.Diagnose(value, query.Options{Endpoint: ep, Tier: v.tier})
	if len(diags) == 0 {
		return
	}
	var errs, warns []string
	for _, d := range diags {
		msg := positioned(d)
		if d.Severity == query.SeverityError {
			errs = append(errs, msg)
		} else {
			warns = append(warns, msg)
		}
	}
	d := Diagnostic{Code: code, Severity: sevError, Parameter: param, Value: value, Query: diags}
	if len(errs) > 0 {
		// X's wording for a query it cannot process (x-api-facts.md §2).
		d.Message = "There were errors processing your request: " + strings.Join(errs, ", ")
	} else {
		d.Severity = sevWarning
		d.Message = "The " + param + " value has warnings: " + strings.Join(warns, ", ")
	}
	v.add(d)
}
