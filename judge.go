package xpreflight

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"strconv"

	"github.com/xpreflight/xpreflight/core/apierr"
	"github.com/xpreflight/xpreflight/core/params"
	"github.com/xpreflight/xpreflight/core/query"
)

// judge runs core/params on the request. It returns the local answer for a
// request X would reject, or nil to send it.
func (cl *call) judge() *http.Response {
	if cl.streamed != nil {
		return nil // over the buffering bound: sent unjudged (Result.Request stays nil)
	}
	in := params.Request{Method: cl.req.Method, URL: cl.url, Body: cl.body, Tier: cl.cfg.tier, Now: cl.cfg.now()}
	if cl.body != nil {
		in.Headers = flatten(cl.req.Header) // Content-Type decides how a body is judged
	}
	cl.verdict = params.Validate(in)
	cl.res.Request = &cl.verdict
	if cl.verdict.Valid || unknownRoute(cl.verdict) {
		return nil
	}
	return cl.reject(cl.verdict)
}

// unknownRoute: a route neither spec knows is forwarded, never refused
// (DESIGN.md, "Routes the specs do not know are forwarded"): X may serve
// operations newer than the specs.
func unknownRoute(v params.Result) bool {
	if v.Route != nil {
		return false
	}
	for _, d := range v.Diagnostics {
		if d.Severity == query.SeverityError && d.Code != params.CodeUnknownRoute && d.Code != params.CodeMethodNotAllowed {
			return false
		}
	}
	return true
}

// rejectedContentType is the media type X's error answers carry in
// practice (x-api-facts.md §2: observed application/json; charset=utf-8,
// although the spec declares application/problem+json).
const rejectedContentType = "application/json; charset=utf-8"

// reject builds the 400 X would send: its invalid-request problem, classed
// by core/apierr like any answer so ResultOf and CheckResponse read it the
// same way.
func (cl *call) reject(v params.Result) *http.Response {
	problem := v.Problem
	if problem == nil { // Validate always sets it when invalid; keep X's shape regardless
		problem = &params.Problem{Errors: []params.ProblemError{}, Title: params.ProblemTitle, Detail: params.ProblemDetail, Type: params.ProblemType}
	}
	body, err := json.Marshal(problem)
	if err != nil { // strings and maps of strings always encode
		body = []byte(`{"title":"` + params.ProblemTitle + `","type":"` + params.ProblemType + `"}`)
	}
	h := http.Header{
		"Content-Type":   {rejectedContentType},
		"Content-Length": {strconv.Itoa(len(body))},
		"X-Preflight":    {"rejected"},
	}
	resp := &http.Response{
		Status: "400 Bad Request", StatusCode: http.StatusBadRequest,
		Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1,
		Header: h, Body: io.NopCloser(bytes.NewReader(body)), ContentLength: int64(len(body)),
	}
	cl.res.setAnswer(apierr.Response{Status: resp.StatusCode, Headers: flatten(h), Body: body, Method: cl.req.Method, URL: cl.url}, nil)
	cl.res.Local = true
	return cl.finish(resp)
}

// firstErrorMessage is the message of the first item of an invalid-request
// problem's errors array.
func firstErrorMessage(raw json.RawMessage) string {
	var items []struct {
		Message string `json:"message"`
	}
	if json.Unmarshal(raw, &items) != nil || len(items) == 0 {
		return ""
	}
	return items[0].Message
}
