package proxy

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/xpreflight/xpreflight/core/params"
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

// Decide judges one request: path guard, credential, then validateRequest.
func (g *Gate) Decide(in Inbound) Decision {
	path, _, err := CheckTarget(in.Target)
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
		return rejection(v, path)
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

// validate runs core/params. A panic there is our bug, reported as an
// error so Decide forwards instead of refusing a request X might accept.
func validate(in Inbound, headers Headers) (res params.Result, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("validateRequest panicked: %v", r)
		}
	}()
	req := params.Request{Method: in.Method, URL: in.Target, Headers: headers}
	if in.Body != "" {
		req.Body = []byte(in.Body)
	}
	if in.Now > 0 {
		req.Now = time.UnixMilli(in.Now).UTC()
	}
	return validateFunc(req), nil
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
	d := Decision{Status: 400, Problem: problem, Validator: ValidatorInvalid}
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
