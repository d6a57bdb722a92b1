package proxy

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	"unsafe"

	"github.com/xpreflight/xpreflight/core/params"
	"github.com/xpreflight/xpreflight/core/query"
)

// Inbound is one request to /2/*, as the shim saw it.
type Inbound struct {
	Method  string  `json:"method"`
	Target  string  `json:"target"` // raw path and query, exactly as received
	Headers Headers `json:"headers"`
	Body    string  `json:"body,omitempty"`
	Now     int64   `json:"now"` // Unix ms
	// Unchecked skips the validator: the shim asks this of a fresh Go
	// instance after the last one failed on the request (trapped or
	// exited), so the request is forwarded as DESIGN.md says, still behind
	// the path guard and the credential rules.
	Unchecked bool `json:"-"`
	// HeadersFolded says every name in Headers is folded (lower-case
	// ASCII), as Headers.AddLines reports it: the gate's lookups are then
	// one map access each. False is always correct, only slower.
	HeadersFolded bool `json:"-"`
}

// Validator outcomes reported in the x-preflight-validator header.
const (
	ValidatorValid       = "valid"
	ValidatorInvalid     = "invalid"
	ValidatorUnavailable = "unavailable" // it failed; the request was forwarded unjudged
	ValidatorPath        = "path"        // refused by CheckTarget before validation
	ValidatorAuth        = "auth"        // refused: a Worker credential (key or token) that does not hold
	// ValidatorUnknownRoute: no spec has the route; forwarded unchecked, since
	// X serves endpoints its specs do not list yet (issue 12).
	ValidatorUnknownRoute = "unknown-route"
)

// TierHeader is the per-request access level for multi-tenant deployments
// (x-preflight-tier: enterprise). It only chooses which level's documented
// rules are applied; a request is never exempted from being judged.
const TierHeader = "x-preflight-tier"

// maxWarningCodes bounds the x-preflight-warnings header.
const maxWarningCodes = 20

// Decision tells the shim what to do with an Inbound request.
type Decision struct {
	Forward bool `json:"forward"`
	// Rejection (Forward false): status and the problem body to send.
	Status  int             `json:"status,omitempty"`
	Problem json.RawMessage `json:"problem,omitempty"`
	// Forwarding (Forward true).
	Path          string `json:"path,omitempty"` // path and query to append to X_API_ORIGIN
	Authorization string `json:"authorization,omitempty"`
	Auth          Auth   `json:"auth,omitempty"`
	Key           string `json:"key,omitempty"` // rate-limit key (hex SHA-256)
	// Client is set for public read-only use: the shim asks the
	// PUBLIC_RATE_LIMIT binding about it before forwarding.
	Client string `json:"client,omitempty"`
	Stream bool   `json:"stream,omitempty"`
	// Both (Auth is "none" on a refused credential).
	Route     string `json:"route,omitempty"`
	Validator string `json:"validator"`
	// Reason is the validator's failure message when it was unavailable (for
	// the operator's log; it never contains request data).
	Reason string `json:"reason,omitempty"`
	// Warnings is the x-preflight-warnings header: the codes of the
	// validator's warnings (nested query codes in place of their wrapper),
	// comma-separated, in order, each once.
	Warnings string `json:"warnings,omitempty"`
}

// Decide judges one request: path guard, credential, then validateRequest.
func (g *Gate) Decide(in Inbound) Decision {
	path, _, err := CheckTarget(in.Target)
	if err != nil {
		p := blank(400, "Bad Request", "xpreflight forwards only normalised /2/ paths: "+err.Error()+".")
		return Decision{Status: 400, Problem: json.RawMessage(p.Body()), Validator: ValidatorPath}
	}
	access := g.access(in.Method, in.Headers, in.HeadersFolded, in.Now)
	if access.Refused != "" {
		p := blank(401, "Unauthorized", access.Refused+".")
		return Decision{Status: 401, Problem: json.RawMessage(p.Body()), Validator: ValidatorAuth, Auth: AuthNone}
	}
	stream := params.IsStream(in.Method, path)
	if access.Auth == AuthPublic && stream {
		// X allows an app few stream connections; a public caller must not hold one on the server token.
		access = Access{Auth: AuthNone}
	}
	headers := forwardedHeaders(in.Headers, access.Authorization)
	d := Decision{Forward: true, Path: in.Target, Auth: access.Auth, Stream: stream, Client: access.Client}
	if access.Auth == AuthServer || access.Auth == AuthPublic {
		d.Authorization = access.Authorization
	}
	tier, tierWarning := g.requestTier(in.Headers, in.HeadersFolded)
	var v params.Result
	verr := errUnchecked
	if !in.Unchecked {
		v, verr = validate(in, headers, tier)
	}
	switch {
	case verr != nil:
		d.Validator, d.Reason = ValidatorUnavailable, verr.Error()
	case !v.Valid:
		r := rejection(v, path)
		r.Problem = withFixes(r.Problem, requestOf(in, headers, tier), v)
		r.Warnings = warningCodes(v, tierWarning)
		return r
	case v.Route == nil:
		d.Validator = ValidatorUnknownRoute
	default:
		d.Validator = ValidatorValid
	}
	d.Warnings = warningCodes(v, tierWarning)
	if v.Route != nil {
		d.Route = *v.Route
	} else {
		d.Route = strings.ToUpper(in.Method) + " " + path
	}
	d.Key = RateKey(access.Authorization, d.Route)
	return d
}

// forwardedHeaders is h as X gets it, which is what core/params judges:
// without the Worker's own credential headers, with authorization (when
// set) as the only Authorization. The usual request, carrying its caller's
// own Authorization and no Worker header, already is that map: it is used
// as is, not copied (core/params only reads headers).
func forwardedHeaders(h Headers, authorization string) Headers {
	_, key := h[HeaderKey]
	_, token := h[HeaderToken]
	current, has := h["authorization"]
	if !key && !token && has == (authorization != "") && current == authorization {
		return h
	}
	out := h.without(HeaderKey, HeaderToken, "authorization")
	if authorization != "" {
		out["authorization"] = authorization
	}
	return out
}

// errUnchecked is the reason of a decision made without the validator.
var errUnchecked = errors.New("the validator failed on this request in the previous Go instance (trap or fatal error); forwarded unchecked")

// validate runs core/params. A panic there is our bug, reported as an
// error so Decide forwards instead of refusing a request X might accept.
func validate(in Inbound, headers Headers, tier query.Tier) (res params.Result, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("validateRequest panicked: %v", r)
		}
	}()
	return validateFunc(requestOf(in, headers, tier)), nil
}

// requestOf is the request core/params judges: the headers as forwarded.
func requestOf(in Inbound, headers Headers, tier query.Tier) params.Request {
	req := params.Request{Method: in.Method, URL: in.Target, Headers: headers, Tier: tier}
	if in.Body != "" {
		req.Body = unsafe.Slice(unsafe.StringData(in.Body), len(in.Body)) // read-only view: params never writes the body
	}
	if in.Now > 0 {
		req.Now = time.UnixMilli(in.Now).UTC()
	}
	return req
}

// validateFunc is core/params' validator; a variable so a test can make it
// fail and see the request forwarded.
var validateFunc = params.Validate

func rejection(v params.Result, path string) Decision {
	var problem json.RawMessage
	if v.Problem != nil {
		problem, _ = json.Marshal(v.Problem)
	}
	if len(problem) == 0 {
		problem = invalidRequestProblem("The request to "+path+" is invalid.", nil)
	}
	// X's own status for the body: 400 for invalid-request, 200 for the
	// rules answer to a batch with rejected rules.
	status := v.Status
	if status == 0 {
		status = 400
	}
	d := Decision{Status: status, Problem: problem, Validator: ValidatorInvalid}
	if v.Route != nil {
		d.Route = *v.Route
	}
	return d
}

// requestTier is the level a request is judged at: the x-preflight-tier
// header when it names one, else X_API_TIER. A header naming no level is
// ignored, with the warning code unknown-tier-header.
func (g *Gate) requestTier(h Headers, folded bool) (query.Tier, string) {
	name := strings.TrimSpace(h.lookup(TierHeader, folded))
	if name == "" {
		return g.tier, ""
	}
	if t, ok := query.ParseTier(strings.ToLower(name)); ok {
		return t, ""
	}
	return g.tier, "unknown-tier-header"
}

// warningCodes lists the codes of v's warnings for the x-preflight-warnings
// header; a diagnostic with nested query findings gives theirs.
func warningCodes(v params.Result, extra string) string {
	if len(v.Diagnostics) == 0 && extra == "" {
		return "" // the usual clean request: nothing to allocate
	}
	var codes []string
	note := func(code string) {
		if code != "" && !slices.Contains(codes, code) && len(codes) < maxWarningCodes {
			codes = append(codes, code)
		}
	}
	note(extra)
	for _, d := range v.Diagnostics {
		nested := false
		for _, q := range d.Query {
			if q.Severity == query.SeverityWarning {
				note(q.Code)
				nested = true
			}
		}
		if d.Severity == query.SeverityWarning && !nested {
			note(d.Code)
		}
	}
	return strings.Join(codes, ",")
}
