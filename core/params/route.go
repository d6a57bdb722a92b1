package params

import (
	"net/url"
	"strings"
)

// routeIndex groups operations by method and segment count, built once at
// package initialisation (a few hundred entries; no clock, no I/O).
var routeIndex = buildRouteIndex()

type routeKey struct {
	method string
	n      int
}

func buildRouteIndex() map[routeKey][]*Operation {
	idx := map[routeKey][]*Operation{}
	for _, op := range operations {
		op.segments = strings.Split(strings.TrimPrefix(op.Path, "/"), "/")
		k := routeKey{op.Method, len(op.segments)}
		idx[k] = append(idx[k], op)
	}
	return idx
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
	path     string   // raw path
	segs     []string // decoded segments
	rawQuery string
	hasQuery bool
}

var allowedHosts = map[string]bool{
	"api.x.com": true, "api.twitter.com": true,
	"api.x.com:443": true, "api.twitter.com:443": true,
}

// parseTarget splits a request URL into path segments and query. It
// returns findings for problems with the URL itself; a nil target means
// the URL cannot be judged further.
func parseTarget(raw string) (*target, []Diagnostic) {
	var diags []Diagnostic
	rest := raw
	if i := strings.IndexByte(rest, '#'); i >= 0 {
		rest = rest[:i]
	}
	lower := strings.ToLower(rest)
	for _, scheme := range []string{"https://", "http://"} {
		if !strings.HasPrefix(lower, scheme) {
			continue
		}
		after := rest[len(scheme):]
		host, path := after, "/"
		if i := strings.IndexAny(after, "/?"); i >= 0 {
			host, path = after[:i], after[i:]
		}
		if !allowedHosts[strings.ToLower(host)] {
			return nil, []Diagnostic{{Code: CodeUnsupportedHost, Severity: sevError, Value: host,
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
		return nil, append(diags, Diagnostic{Code: CodeBadURL, Severity: sevError, Value: raw,
			Message: "The URL [" + raw + "] is neither a path starting with / nor an https://api.x.com/… URL"})
	}
	t := &target{path: rest}
	if i := strings.IndexByte(rest, '?'); i >= 0 {
		t.path, t.rawQuery, t.hasQuery = rest[:i], rest[i+1:], true
	}
	trimmed := strings.TrimPrefix(t.path, "/")
	if len(trimmed) > 1 && strings.HasSuffix(trimmed, "/") {
		trimmed = strings.TrimSuffix(trimmed, "/")
		diags = append(diags, Diagnostic{Code: CodeTrailingSlash, Severity: sevWarning, Value: t.path,
			Message: "The path [" + t.path + "] ends with /; X's routes have no trailing slash"})
	}
	t.segs = strings.Split(trimmed, "/")
	for i, s := range t.segs {
		if strings.IndexByte(s, '%') < 0 {
			continue
		}
		dec, err := url.PathUnescape(s)
		if err != nil {
			return nil, append(diags, Diagnostic{Code: CodeBadEncoding, Severity: sevError, Value: s,
				Message: "The path segment [" + s + "] is not valid percent-encoding"})
		}
		t.segs[i] = dec
	}
	return t, diags
}

// queryPair is one name=value of the query string, decoded. A pair that
// does not decode keeps its raw text and is marked bad.
type queryPair struct {
	name, value string
	bad         bool
}

// parseQuery decodes the query string in order, keeping repeats. A piece
// that does not decode is reported and skipped.
func parseQuery(raw string) ([]queryPair, []Diagnostic) {
	var pairs []queryPair
	var diags []Diagnostic
	for raw != "" {
		var piece string
		piece, raw, _ = strings.Cut(raw, "&")
		if piece == "" {
			continue
		}
		name, value, _ := strings.Cut(piece, "=")
		dn, err1 := unescape(name)
		dv, err2 := unescape(value)
		if err1 != nil || err2 != nil {
			diags = append(diags, Diagnostic{Code: CodeBadEncoding, Severity: sevError, Parameter: name, Value: piece,
				Message: "The query string piece [" + piece + "] is not valid percent-encoding"})
			pairs = append(pairs, queryPair{name: name, value: value, bad: true})
			continue
		}
		pairs = append(pairs, queryPair{name: dn, value: dv})
	}
	return pairs, diags
}

// unescape decodes form encoding ('+' is a space), skipping the work for
// the common plain value.
func unescape(s string) (string, error) {
	if strings.IndexByte(s, '%') < 0 && strings.IndexByte(s, '+') < 0 {
		return s, nil
	}
	return url.QueryUnescape(s)
}
