package params

import (
	"github.com/xpreflight/xpreflight/core/internal/strtab"
	"net/url"
	"strings"

	"github.com/xpreflight/xpreflight/core/query"
)

// routeIndex groups operations by method and segment count, built once at
// package initialisation (a few hundred entries; no clock, no I/O).
// literalRoutes finds templates without parameters by method and exact
// path, the common case, without splitting the path or hashing it twice.
var routeIndex, literalRoutes = buildRouteIndex()

type routeKey struct {
	method string
	n      int
}

// literalTable is one method's templates without parameters.
type literalTable struct {
	paths strtab.Table
	ops   []*Operation
}

// routeMethods are the methods literalRoutes is indexed by.
var routeMethods = [...]string{"GET", "POST", "PUT", "DELETE", "PATCH"}

func methodSlot(method string) int {
	switch method {
	case "GET":
		return 0
	case "POST":
		return 1
	case "PUT":
		return 2
	case "DELETE":
		return 3
	case "PATCH":
		return 4
	}
	return -1
}

func buildRouteIndex() (map[routeKey][]*Operation, *[len(routeMethods)]literalTable) {
	idx := map[routeKey][]*Operation{}
	var paths [len(routeMethods)][]string
	var literal [len(routeMethods)]literalTable
	for _, op := range operations {
		op.segments = strings.Split(strings.TrimPrefix(op.Path, "/"), "/")
		op.route = op.Method + " " + op.Path
		op.endpoint = queryEndpoints[op.Path]
		switch op.endpoint {
		case query.SearchRecent, query.CountsRecent:
			op.search = searchRecent
		case query.SearchAll, query.CountsAll:
			op.search = searchArchive
		}
		buildOpIndex(op)
		k := routeKey{op.Method, len(op.segments)}
		idx[k] = append(idx[k], op)
		if m := methodSlot(op.Method); m >= 0 && !strings.Contains(op.Path, "{") {
			paths[m] = append(paths[m], op.Path)
			literal[m].ops = append(literal[m].ops, op)
		}
	}
	for m := range literal {
		literal[m].paths = strtab.New(paths[m])
	}
	return idx, &literal
}

// matchPath is match on an undecoded path: an exact literal template is
// found without splitting; otherwise the segments are matched.
func matchPath(method string, t *target) (*Operation, []string) {
	if m := methodSlot(method); m >= 0 && !t.encoded {
		lt := &literalRoutes[m]
		if i := lt.paths.Find(t.clean); i >= 0 {
			return lt.ops[i], nil
		}
	}
	return match(method, t.segments())
}

// Operations returns the route table: every operation of specs 2.166 and
// 2.167, merged, sorted by path then method. Callers must not modify it.
func Operations() []*Operation { return operations }

// match finds the operation for method and the decoded path segments. A
// literal segment beats a {param} segment at the same position, so
// /2/tweets/search/recent is not /2/tweets/{id}/… . It returns the path
// parameter values too.
func match(method string, segs []string) (*Operation, []string) {
	var best *Operation
	bestScore := -1
	for _, op := range routeIndex[routeKey{method, len(segs)}] {
		score, ok := matchScore(op.segments, segs)
		if ok && score > bestScore {
			best, bestScore = op, score
		}
	}
	if best == nil {
		return nil, nil
	}
	var vals []string
	for i, s := range best.segments {
		if isParamSegment(s) {
			vals = append(vals, segs[i])
		}
	}
	return best, vals
}

// matchScore ranks a template against segments: each literal segment
// counts more the earlier it is, so literals win left to right.
func matchScore(tmpl, segs []string) (int, bool) {
	score := 0
	for i, t := range tmpl {
		if isParamSegment(t) {
			if segs[i] == "" {
				return 0, false
			}
			continue
		}
		if t != segs[i] {
			return 0, false
		}
		score += 1 << (len(tmpl) - i)
	}
	return score, true
}

func isParamSegment(s string) bool {
	return len(s) > 2 && s[0] == '{' && s[len(s)-1] == '}'
}

// methodsFor lists the methods that have an operation on these segments.
func methodsFor(segs []string) []string {
	var out []string
	for _, m := range []string{"GET", "POST", "PUT", "DELETE", "PATCH"} {
		if op, _ := match(m, segs); op != nil {
			out = append(out, m)
		}
	}
	return out
}

// target is a parsed request URL.
type target struct {
	path     string // raw path
	trimmed  string // path without the leading (and a trailing) slash
	clean    string // path without a trailing slash
	encoded  bool   // the path holds percent-escapes
	segs     []string
	rawQuery string
	hasQuery bool
}

// segments splits the path into decoded segments (once).
func (t *target) segments() []string {
	if t.segs == nil {
		t.segs = strings.Split(t.trimmed, "/")
		if t.encoded {
			for i, s := range t.segs {
				if dec, err := url.PathUnescape(s); err == nil {
					t.segs[i] = dec
				}
			}
		}
	}
	return t.segs
}

var allowedHosts = []string{"api.x.com", "api.twitter.com", "api.x.com:443", "api.twitter.com:443"}

func allowedHost(host string) bool {
	if host == "api.x.com" || host == "api.twitter.com" {
		return true
	}
	for _, h := range allowedHosts {
		if strings.EqualFold(host, h) {
			return true
		}
	}
	return false
}

// parseTarget splits a request URL into path and query, filling in t (a
// zero target, filled in place rather than returned: faster in
// BenchmarkValidate). It returns findings about the URL itself, and
// ok=false when the URL cannot be judged further.
func parseTarget(raw string, t *target) (bool, []Diagnostic) {
	var diags []Diagnostic
	rest := raw
	if i := strings.IndexByte(rest, '#'); i >= 0 {
		rest = rest[:i]
	}
	for _, scheme := range []string{"https://", "http://"} {
		if !strings.HasPrefix(rest, scheme) && (len(rest) < len(scheme) || !strings.EqualFold(rest[:len(scheme)], scheme)) {
			continue // an exact prefix, the usual case, skips the case folding
		}
		after := rest[len(scheme):]
		host, path := after, "/"
		for i := 0; i < len(after); i++ {
			if after[i] == '/' || after[i] == '?' {
				host, path = after[:i], after[i:]
				break
			}
		}
		if !allowedHost(host) {
			return false, []Diagnostic{{Code: CodeUnsupportedHost, Severity: sevError, Value: host,
				Message: "The host [" + host + "] is not X's API; use https://api.x.com (or https://api.twitter.com)"}}
		}
		if scheme == "http://" {
			diags = append(diags, Diagnostic{Code: CodeInsecureScheme, Severity: sevWarning, Value: "http",
				Message: "X's API is served over https; plain http is not how X documents it"})
		}
		rest = path
		break
	}
	if !strings.HasPrefix(rest, "/") {
		return false, append(diags, Diagnostic{Code: CodeBadURL, Severity: sevError, Value: raw,
			Message: "The URL [" + raw + "] is neither a path starting with / nor an https://api.x.com/… URL"})
	}
	t.path = rest
	if i := strings.IndexByte(rest, '?'); i >= 0 {
		t.path, t.rawQuery, t.hasQuery = rest[:i], rest[i+1:], true
	}
	trimmed := strings.TrimPrefix(t.path, "/")
	if len(trimmed) > 1 && strings.HasSuffix(trimmed, "/") {
		trimmed = strings.TrimSuffix(trimmed, "/")
		diags = append(diags, Diagnostic{Code: CodeTrailingSlash, Severity: sevWarning, Value: t.path,
			Message: "The path [" + t.path + "] ends with /; X's routes have no trailing slash"})
	}
	t.trimmed = trimmed
	t.clean = t.path
	if len(t.clean) > len(trimmed)+1 {
		t.clean = t.path[:len(trimmed)+1]
	}
	if strings.IndexByte(trimmed, '%') >= 0 {
		t.encoded = true
		for _, s := range strings.Split(trimmed, "/") {
			if _, err := url.PathUnescape(s); err != nil {
				return false, append(diags, Diagnostic{Code: CodeBadEncoding, Severity: sevWarning, Value: s,
					Message: "The path segment [" + s + "] is not valid percent-encoding"})
			}
		}
	}
	return true, diags
}
