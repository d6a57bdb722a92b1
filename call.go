package xpreflight

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/http"

	"github.com/xpreflight/xpreflight/core/apierr"
	"github.com/xpreflight/xpreflight/core/params"
	"github.com/xpreflight/xpreflight/core/retry"
)

// call is one RoundTrip to X: the caller's request, its body when buffered,
// and the Result being built.
type call struct {
	req *http.Request
	cfg *config
	url string // what core/params and core/retry are given: path and query, or the whole URL when not https
	// body is the request body, read once so it can be judged and sent
	// again; nil with streamed set when it was longer than cfg.bodyMax.
	body     []byte
	streamed io.ReadCloser // the unread remainder of an over-bound body (first attempt only)
	prefix   []byte        // what was read of it
	stream   bool          // a streaming endpoint
	coding   []string      // the last answer's Content-Encoding values, until decoded for classing
	respBody []byte        // the last answer's body, when it was read
	respHdr  map[string]string
	res      *Result
	// What a call hands out lives in it, so one allocation holds them all
	// (BenchmarkOverhead: 21 → 15 allocations per call): res points at
	// result, result.Request at verdict, the answer's Request carries ctx,
	// and a read answer's body is answer.
	result  Result
	verdict params.Result
	ctx     resultCtx
	answer  answerBody
}

func newCall(req *http.Request, c *config) (*call, error) {
	cl := &call{req: req, cfg: c}
	cl.res = &cl.result
	uri := req.URL.RequestURI()
	cl.url = uri
	if req.URL.Scheme != "https" && isXAPIHost(req.URL.Host) {
		cl.url = req.URL.String() // so core/params can warn about http://
	}
	cl.stream = params.IsStream(req.Method, uri)
	cl.res.Stream = cl.stream
	if req.Body == nil || req.Body == http.NoBody {
		return cl, nil
	}
	buf, rest, err := readBody(req.Body, req.ContentLength, c.bodyMax)
	if err != nil {
		req.Body.Close()
		return nil, fmt.Errorf("xpreflight: reading the request body of %s %s: %w", req.Method, req.URL.Path, err)
	}
	if rest != nil {
		cl.prefix, cl.streamed = buf, rest
		return cl, nil
	}
	req.Body.Close()
	cl.body = buf
	return cl, nil
}

// rewindable reports whether the request can be sent again.
func (cl *call) rewindable() bool {
	return cl.streamed == nil || cl.req.GetBody != nil
}

// outgoing is the request for one attempt: the caller's own when it has no
// body, else a shallow copy carrying a fresh body (the caller's request is
// never modified, as http.RoundTripper requires).
func (cl *call) outgoing(attempt int) (*http.Request, error) {
	r := cl.req
	switch {
	case r.Body == nil || r.Body == http.NoBody:
		return r, nil
	case cl.streamed != nil && attempt == 1:
		out := *r
		out.Body = struct {
			io.Reader
			io.Closer
		}{io.MultiReader(bytes.NewReader(cl.prefix), cl.streamed), cl.streamed}
		return &out, nil
	case cl.streamed != nil:
		body, err := r.GetBody()
		if err != nil {
			return nil, fmt.Errorf("xpreflight: GetBody for attempt %d of %s %s: %w", attempt, r.Method, r.URL.Path, err)
		}
		out := *r
		out.Body = body
		return &out, nil
	}
	out := *r
	b := cl.body
	out.Body = io.NopCloser(bytes.NewReader(b))
	out.GetBody = func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(b)), nil }
	out.ContentLength = int64(len(b))
	return &out, nil
}

// inspect reads one answer. A non-stream body up to the bound is read whole
// (partial errors can be anywhere in it) and replaced by an identical
// reader; a stream's 2xx body is never touched, since it does not end; a
// longer body is passed on unread after its first bytes, and classed by
// its status. A failure while reading is a network failure.
func (cl *call) inspect(resp *http.Response) error {
	if resp == nil {
		return errors.New("xpreflight: the base RoundTripper returned neither a response nor an error")
	}
	cl.respHdr, cl.respBody, cl.coding = nil, nil, nil
	cl.res.StatusOnly = 0
	if !(cl.stream && resp.StatusCode < 300) && resp.Body != nil && resp.Body != http.NoBody {
		buf, rest, err := readBody(resp.Body, resp.ContentLength, cl.cfg.bodyMax)
		if err != nil {
			resp.Body.Close()
			return fmt.Errorf("xpreflight: reading the answer to %s %s: %w", cl.req.Method, cl.req.URL.Path, err)
		}
		if rest != nil {
			resp.Body = struct {
				io.Reader
				io.Closer
			}{io.MultiReader(bytes.NewReader(buf), rest), rest}
			cl.res.StatusOnly = BodyTooLong
		} else {
			resp.Body.Close()
			cl.answer = answerBody{}
			cl.answer.r.Reset(buf)
			resp.Body = &cl.answer
			cl.respBody = buf
			if len(buf) > 0 { // an empty body (a 204, a HEAD) has nothing to decode
				cl.coding = resp.Header["Content-Encoding"]
			}
		}
	}
	cl.res.answerHeader = resp.Header
	cl.res.setAnswer(apierr.Response{Status: resp.StatusCode, Body: cl.respBody, Method: cl.req.Method, URL: cl.url}, nil)
	return nil
}

// decode puts a decoded copy of a coded answer's body (apierr.DecodeBody)
// in its place for core/apierr and core/retry (the caller's reader keeps the coded bytes),
// or no body, classing the answer by its status, when it cannot be decoded
// within the bound; Result.StatusOnly says why.
func (cl *call) decode() {
	if cl.coding == nil {
		return
	}
	body, why := apierr.DecodeBody(cl.coding, cl.respBody, cl.cfg.bodyMax)
	cl.res.answer.Body, cl.res.StatusOnly = body, why
	cl.coding = nil
}

// needsAdvice: a success or partial answer is final; any other (and no
// answer) goes to core/retry. A 2xx body that cannot hold a problem (see
// apierr.PlainSuccess), or that was not read, is final without being classed now:
// ResultOf classes it if the caller asks. A coded body is decoded first,
// since that decision reads it.
func (cl *call) needsAdvice() bool {
	cl.decode()
	a := &cl.res.answer
	if a.Status >= 200 && a.Status < 300 && (a.Body == nil || apierr.PlainSuccess(a.Status, a.Body)) {
		return false
	}
	cl.respHdr = flatten(cl.res.answerHeader)
	a.Headers = cl.respHdr
	r := apierr.Classify(*a)
	cl.res.setAnswer(*a, &r)
	return r.Class != apierr.Success && r.Class != apierr.Partial
}

// advise asks core/retry about the last attempt.
func (cl *call) advise(attempt int, resp *http.Response, prevDelay int64) retry.Advice {
	in := retry.Input{
		Attempt: attempt, Method: cl.req.Method, URL: cl.url, Stream: cl.stream,
		Now: cl.cfg.now().UnixMilli(), Random: cl.cfg.random(), PreviousDelayMs: prevDelay, Policy: &cl.cfg.policy,
	}
	if resp != nil {
		in.Status, in.Headers, in.Body = resp.StatusCode, cl.respHdr, cl.res.answer.Body // decoded, or nil when classed by status
	} else {
		cl.res.setAnswer(apierr.Response{}, nil)
		cl.res.StatusOnly = 0
	}
	return retry.Advise(in)
}

// finish attaches the Result to the answer handed back.
func (cl *call) finish(resp *http.Response) *http.Response {
	resp.Request = cl.withResult()
	if cl.cfg.onResult != nil {
		cl.cfg.onResult(cl.req, cl.res)
	}
	return resp
}
