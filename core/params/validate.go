package params

import (
	"slices"
	"strings"

	"github.com/xpreflight/xpreflight/core/query"
)

// Validate judges req as X's API would, without sending it. It is pure:
// the only clock is req.Now.
func Validate(req Request) Result {
	v := &validation{req: req, tier: req.Tier}
	if v.tier == "" {
		v.tier = query.PayPerUse
	}
	v.run()
	v.bound()
	var r Result
	v.result(&r)
	if v.decoded != nil && len(r.Diagnostics) == 0 {
		v.decoded.release() // nothing in r refers to it (see decodeBuffer)
	}
	return r
}

// validation carries the state of one Validate call.
type validation struct {
	req  Request
	tier query.Tier
	// decoded holds the decoded text of the query string's escaped pairs,
	// from the pool; nil when nothing was escaped
	decoded *decodeBuffer
	op      *Operation
	diags   []Diagnostic
	query   pairSet // known and unknown parameters, first occurrence only
	// present: the query parameters of op given (by index into op.Params),
	// so that v.get of a declared parameter is a bit test
	present paramSet
	// first spellings seen of each vocabulary, for the mixed-vocabulary warning
	sawTweet, sawPost spelling
	// crossRelevant: a parameter some cross-parameter rule reads is present
	crossRelevant bool
	// rules: the number of rules in a filtered-stream rules add batch
	rules int

	// suggested counts the did-you-mean look-ups (limits.go)
	suggested int
}

func (v *validation) add(d Diagnostic) { v.diags = append(v.diags, d) }

// get returns the first value of query parameter name.
func (v *validation) get(name string) (string, bool) {
	if p := v.query.find(name); p != nil {
		return p.value, true
	}
	return "", false
}

func (v *validation) run() {
	method := v.req.Method
	if method != "GET" { // the usual method needs no clean-up
		method = strings.ToUpper(strings.TrimSpace(method))
	}
	var t target
	ok, diags := parseTarget(v.req.URL, &t)
	v.diags = append(v.diags, diags...)
	if !ok {
		return
	}
	op, pathVals := matchPath(method, &t)
	if op == nil {
		v.noRoute(method, &t)
		return
	}
	v.op = op
	v.checkPath(pathVals)
	if v.urlTooLong() { // the route is known; its parameters and body are not judged
		return
	}
	v.checkQuery(t.rawQuery)
	v.checkRequired()
	v.checkVocabulary()
	v.checkCross()
	v.checkBody()
}

// noRoute reports a method and path no spec version has. X's docs show
// live endpoints neither spec lists, and the specs lag X's releases, so
// this is a warning: the request is not checked, and nothing stops it.
func (v *validation) noRoute(method string, t *target) {
	route := method + " " + t.path
	if methods := methodsFor(t.segments()); len(methods) > 0 {
		v.add(Diagnostic{Code: CodeMethodNotAllowed, Severity: sevWarning, Value: method,
			Message: "The specs (2.166 and 2.167) have no [" + route + "]; they list " + strings.Join(methods, ", ") + " on this path. X may serve it anyway, so the request is not checked"})
		return
	}
	v.add(Diagnostic{Code: CodeUnknownRoute, Severity: sevWarning, Value: t.path,
		Message: "The route [" + route + "] is in neither X API v2 spec (2.166, 2.167); X adds endpoints before its specs list them, so the request is not checked"})
}

func (v *validation) checkPath(vals []string) {
	i := 0
	for _, seg := range v.op.segments {
		if !isParamSegment(seg) {
			continue
		}
		name := seg[1 : len(seg)-1]
		if p := v.op.Param(name, InPath); p != nil {
			v.checkValue(p, vals[i])
		}
		i++
	}
}

func (v *validation) checkQuery(raw string) {
	// Findings about undecodable pieces come before the others, as the
	// whole query string is decoded before any parameter is judged.
	first := len(v.diags)
	var badEncoding []Diagnostic
	s := queryScanner{raw: raw, pooled: true}
	var limit paramCap
	defer limit.report(v)
	for {
		name, value, bad, finding, ok := s.next()
		if !ok {
			break
		}
		if limit.over(v, name) {
			continue
		}
		if finding != nil {
			badEncoding = append(badEncoding, *finding)
		}
		i, p := v.op.queryParam(name)
		if i >= 0 && v.present.has(i) || i < 0 && v.query.has(name) {
			v.add(Diagnostic{Code: CodeRepeatedParameter, Severity: sevWarning, Parameter: name, Value: value,
				Message: "The query parameter [" + name + "] is given more than once; only one value is expected, so join list values with commas"})
			continue
		}
		v.query.add(name, value, bad)
		if i >= 0 {
			v.present |= 1 << uint(i)
		}
		if bad {
			continue // reported with badEncoding
		}
		if p == nil {
			v.unknownParam(name, value)
			continue
		}
		if crossName(p.Name) {
			v.crossRelevant = true
		}
		if p.Dialect != DialectNeutral {
			v.noteDialect(p.Dialect, spelling{param: p.Name})
		}
		if value == "" {
			v.emptyParam(p)
			continue
		}
		if p.Name == "query" && v.op.endpoint != "" {
			lint := value
			if s.inBuf {
				lint = strings.Clone(value) // the linter gets no text the pool may reuse (decode_buffer.go)
			}
			v.lintQuery(p.Name, lint, v.op.endpoint, CodeInvalidQuery)
		}
		v.checkValue(p, value)
	}
	v.decoded = s.buf
	if len(badEncoding) > 0 {
		v.diags = slices.Insert(v.diags, first, badEncoding...)
	}
}

// emptyParam reports "name=" with nothing after it. X's message is
// recorded for a required parameter ("The ids query parameter can not be
// empty"); for an optional one (expansions=, tweet.fields=) no source
// shows X rejecting it, so it is a warning.
func (v *validation) emptyParam(p *Param) {
	if p.Required&v.op.Versions == 0 {
		v.add(Diagnostic{Code: CodeEmptyParameter, Severity: sevWarning, Parameter: p.Name,
			Message: "The optional " + p.Name + " query parameter is given with no value; X is not recorded rejecting that, but leaving it out is clearer"})
		return
	}
	v.add(Diagnostic{Code: CodeEmptyParameter, Severity: sevError, Parameter: p.Name,
		Message:       "The " + p.Name + " query parameter can not be empty",
		problemParams: map[string][]string{p.Name: {}}})
}

func (v *validation) unknownParam(name, value string) {
	var names []string
	for _, p := range v.op.Params {
		if p.In == InQuery {
			names = append(names, p.Name)
		}
	}
	hint := ""
	if v.suggested++; v.suggested <= maxSuggestions {
		if s := suggest(name, names); s != "" {
			hint = "did you mean `" + s + "`?"
		}
	}
	if other, ok := tokenSpellings[name]; ok && v.op.Param(other, InQuery) != nil {
		hint = "this endpoint pages with `" + other + "`, not `" + name + "`"
	}
	v.add(Diagnostic{Code: CodeUnknownParameter, Severity: sevError, Parameter: name, Value: value, Hint: hint,
		Message: "The query parameter [" + name + "] is not one of [" + strings.Join(names, ",") + "]"})
}

// tokenSpellings pairs the two names X uses for a page token; which one
// an endpoint takes varies (search takes both, timelines only
// pagination_token).
var tokenSpellings = map[string]string{"next_token": "pagination_token", "pagination_token": "next_token"}

func (v *validation) checkValue(p *Param, value string) {
	c := paramChecker{p: p, value: value}
	c.check()
	v.diags = append(v.diags, c.diags...)
	if c.sawTweet != "" {
		v.noteDialect(DialectTweet, spelling{p.Name, c.sawTweet})
	}
	if c.sawPost != "" {
		v.noteDialect(DialectPost, spelling{p.Name, c.sawPost})
	}
}

// spelling is a vocabulary-specific parameter name, or a value of one;
// it is only formatted when a mix is reported.
type spelling struct{ param, value string }

func (s spelling) String() string {
	if s.value == "" {
		return "`" + s.param + "`"
	}
	return "`" + s.param + "=" + s.value + "`"
}

func (v *validation) noteDialect(d Dialect, what spelling) {
	if d == DialectTweet && v.sawTweet.param == "" {
		v.sawTweet = what
	}
	if d == DialectPost && v.sawPost.param == "" {
		v.sawPost = what
	}
}

func (v *validation) checkVocabulary() {
	if v.sawTweet.param == "" || v.sawPost.param == "" {
		return
	}
	v.add(Diagnostic{Code: CodeMixedVocabulary, Severity: sevWarning,
		Message: "This request mixes spec 2.166's tweet vocabulary (" + v.sawTweet.String() + ") with spec 2.167's post vocabulary (" + v.sawPost.String() + "); X answers each in the spelling it was asked in, so keep to one"})
}

func (v *validation) checkRequired() {
	missing := v.op.index.required &^ v.present
	if missing == 0 {
		return
	}
	for i, p := range v.op.Params {
		if !missing.has(i) {
			continue
		}
		sev, suffix := verdict(p, p.Required)
		if p.Required&v.op.Versions != v.op.Versions {
			sev, suffix = sevWarning, " (only spec "+p.Required.String()+" requires it)"
		}
		msg := "The " + p.Name + " query parameter can not be empty"
		if p.Name == "query" {
			msg = "Invalid 'query':''. 'query' must be a non-empty string"
		}
		v.add(Diagnostic{Code: CodeMissingParameter, Severity: sev, Parameter: p.Name, Message: msg + suffix,
			problemParams: map[string][]string{p.Name: {}}})
	}
}

// result fills in r field by field (faster in BenchmarkValidate than
// building and returning a Result).
func (v *validation) result(r *Result) {
	r.Valid, r.Diagnostics = true, v.diags
	if r.Diagnostics == nil {
		r.Diagnostics = []Diagnostic{}
	}
	if v.op != nil {
		r.Route = &v.op.route
	}
	for _, d := range v.diags {
		if d.Severity == sevError {
			r.Valid = false
			break
		}
	}
	if r.Valid {
		return
	}
	if rb := v.rulesAnswer(); rb != nil {
		r.Problem, r.Status = rb, RulesStatus
		return
	}
	r.Problem, r.Status = buildProblem(v.diags), 400
}
