package proxy

import (
	"encoding/json"
	"strings"

	"github.com/xpreflight/xpreflight/core/wire"
)

// Inbound is one request to /2/*, as the shim saw it.
type Inbound struct {
	Method  string  `json:"method"`
	Target  string  `json:"target"` // raw path and query, exactly as received
	Headers Headers `json:"headers"`
	Body    string  `json:"body,omitempty"`
	Now     int64   `json:"now"` // Unix ms
}

// Validator outcomes reported in the x-preflight-validator header.
const (
	ValidatorValid       = "valid"
	ValidatorInvalid     = "invalid"
	ValidatorUnavailable = "unavailable" // it failed; the request was forwarded unjudged
	ValidatorPath        = "path"        // refused by CheckTarget before validation
)

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
	Stream        bool   `json:"stream,omitempty"`
	// Both.
	Route     string `json:"route,omitempty"`
	Validator string `json:"validator"`
	// Reason is the validator's failure message when it was unavailable (for
	// the operator's log; it never contains request data).
	Reason string `json:"reason,omitempty"`
}

// validateRequestResult is the part of validateRequest's answer the proxy uses.
type validateRequestResult struct {
	Valid   bool            `json:"valid"`
	Route   *string         `json:"route"`
	Problem json.RawMessage `json:"problem"`
}

type wireAnswer[T any] struct {
	OK     bool        `json:"ok"`
	Result T           `json:"result"`
	Error  *wire.Error `json:"error"`
}

// Decide judges one request: path guard, credential, then validateRequest.
func (g *Gate) Decide(in Inbound) Decision {
	path, query, err := CheckTarget(in.Target)
	if err != nil {
		p := blank(400, "Bad Request", "xpreflight forwards only normalised /2/ paths: "+err.Error()+".")
		return Decision{Status: 400, Problem: json.RawMessage(p.Body()), Validator: ValidatorPath}
	}
	auth, credential := g.Credential(in.Headers)
	headers := in.Headers.without("x-preflight-key", "authorization")
	if credential != "" {
		headers["authorization"] = credential
	}
	d := Decision{Forward: true, Path: in.Target, Auth: auth, Stream: isStreamPath(path)}
	if auth == AuthServer {
		d.Authorization = credential
	}
	v, verr := validate(in, headers)
	switch {
	case verr != nil:
		d.Validator, d.Reason = ValidatorUnavailable, verr.Error()
	case !v.Valid:
		return rejection(v, path, query)
	default:
		d.Validator = ValidatorValid
	}
	if v.Route != nil {
		d.Route = *v.Route
	} else {
		d.Route = strings.ToUpper(in.Method) + " " + path
	}
	d.Key = RateKey(credential, d.Route)
	return d
}

func validate(in Inbound, headers Headers) (validateRequestResult, error) {
	req, _ := json.Marshal(map[string]any{
		"method": in.Method, "url": in.Target, "headers": headers, "body": in.Body, "now": in.Now,
	})
	var ans wireAnswer[validateRequestResult]
	if err := json.Unmarshal(wire.Handle("validateRequest", req), &ans); err != nil {
		return ans.Result, &wire.Error{Code: wire.CodeInternal, Message: "validateRequest answer: " + err.Error()}
	}
	if !ans.OK {
		if ans.Error == nil {
			return ans.Result, &wire.Error{Code: wire.CodeInternal, Message: "validateRequest failed without an error"}
		}
		return ans.Result, ans.Error
	}
	return ans.Result, nil
}

func rejection(v validateRequestResult, path, query string) Decision {
	problem := v.Problem
	if len(problem) == 0 || string(problem) == "null" {
		problem = invalidRequestProblem("The request to "+path+" is invalid.", nil)
	}
	var head struct {
		Status int `json:"status"`
	}
	_ = json.Unmarshal(problem, &head)
	status := head.Status
	if status < 400 || status > 499 {
		status = 400
	}
	d := Decision{Status: status, Problem: problem, Validator: ValidatorInvalid}
	if v.Route != nil {
		d.Route = *v.Route
	}
	return d
}

// isStreamPath: X's streaming endpoints are the paths with a "stream" segment
// (…/search/stream, …/sample10/stream, …/firehose/stream/lang/en), except the
// rule management under …/stream/rules, which answers ordinary JSON.
func isStreamPath(path string) bool {
	segs := strings.Split(path, "/")
	for i, s := range segs {
		if s == "stream" {
			return i+1 >= len(segs) || segs[i+1] != "rules"
		}
	}
	return false
}
