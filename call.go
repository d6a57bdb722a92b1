package xpreflight

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"

	"github.com/xpreflight/xpreflight/core/apierr"
	"github.com/xpreflight/xpreflight/core/retry"
)

// call is one RoundTrip to X: the caller's request, its body when buffered,
// and the Result being built.
type call struct {
	req *http.Request
	cfg *config
	url string // what core/params and core/retry are given: absolute for X's own hosts, else path and query
	// body is the request body, read once so it can be judged and sent
	// again; nil with streamed set when it was longer than cfg.bodyMax.
	body     []byte
	streamed io.ReadCloser // the unread remainder of an over-bound body (first attempt only)
	prefix   []byte        // what was read of it
	stream   bool          // a streaming endpoint
	respBody []byte        // the last answer's body, when it was read
	respHdr  map[string]string
	res      *Result
}

func newCall(req *http.Request, c *config) (*call, error) {
	cl := &call{req: req, cfg: c, res: &Result{}}
	if isXAPIHost(req.URL.Host) {
		cl.url = req.URL.String()
	} else {
		cl.url = req.URL.RequestURI()
	}
	cl.stream = isStreamPath(req.URL.Path)
	cl.res.Stream = cl.stream
	if req.Body == nil || req.Body == http.NoBody {
		return cl, nil
	}
	buf, rest, err := readBounded(req.Body, c.bodyMax)
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

// readBounded reads r to its end when that is at most max bytes; otherwise it
// returns what it read and r itself as the rest, still open.
func readBounded(r io.ReadCloser, max int64) (buf []byte, rest io.ReadCloser, err error) {
	buf, err = io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, nil, err
	}
	if int64(len(buf)) > max {
		return buf, r, nil
	}
	return buf, nil, nil
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

// inspect reads and classes one answer. A non-stream body up to the bound is
// read whole (partial errors can be anywhere in it) and replaced by an
// identical reader; a stream's 2xx body is never touched, since it does not
// end; a longer body is classed by its status and passed on unread after
// its first bytes. A failure while reading is a network failure.
func (cl *call) inspect(resp *http.Response) error {
	if resp == nil {
		return errors.New("xpreflight: the base RoundTripper returned neither a response nor an error")
	}
	cl.respHdr = flatten(resp.Header)
	cl.respBody = nil
	in := apierr.Response{Status: resp.StatusCode, Headers: cl.respHdr, Method: cl.req.Method, URL: cl.url}
	if !(cl.stream && resp.StatusCode < 300) && resp.Body != nil && resp.Body != http.NoBody {
		buf, rest, err := readBounded(resp.Body, cl.cfg.bodyMax)
		if err != nil {
			resp.Body.Close()
			return fmt.Errorf("xpreflight: reading the answer to %s %s: %w", cl.req.Method, cl.req.URL.Path, err)
		}
		if rest != nil {
			resp.Body = struct {
				io.Reader
				io.Closer
			}{io.MultiReader(bytes.NewReader(buf), rest), rest}
		} else {
			resp.Body.Close()
			resp.Body = io.NopCloser(bytes.NewReader(buf))
			in.Body, cl.respBody = buf, buf
		}
	}
	r := apierr.Classify(in)
	cl.res.Response = &r
	return nil
}

// advise asks core/retry about the last attempt.
func (cl *call) advise(attempt int, resp *http.Response, prevDelay int64) retry.Advice {
	in := retry.Input{
		Attempt: attempt, Method: cl.req.Method, URL: cl.url, Stream: cl.stream,
		Now: cl.cfg.now().UnixMilli(), Random: cl.cfg.random(), PreviousDelayMs: prevDelay, Policy: &cl.cfg.policy,
	}
	if resp != nil {
		in.Status, in.Headers, in.Body = resp.StatusCode, cl.respHdr, cl.respBody
	} else {
		cl.res.Response = nil
	}
	return retry.Advise(in)
}

// finish attaches the Result to the answer handed back.
func (cl *call) finish(resp *http.Response) *http.Response {
	resp.Request = withResult(cl.req, cl.res)
	return resp
}

// flatten gives core/ the headers as it takes them: one value per name (the
// first; X sends each rate-limit header once).
func flatten(h http.Header) map[string]string {
	m := make(map[string]string, len(h))
	for k, v := range h {
		if len(v) > 0 {
			m[k] = v[0]
		}
	}
	return m
}

// isStreamPath: X's streaming endpoints are the paths with a "stream"
// segment (…/search/stream, …/sample/stream, …/firehose/stream/lang/en)
// except the rule management under …/stream/rules, which answers ordinary
// JSON. The Worker applies the same rule (worker/proxy.isStreamPath).
func isStreamPath(path string) bool {
	for path != "" {
		var seg string
		seg, path, _ = strings.Cut(strings.TrimPrefix(path, "/"), "/")
		if seg == "stream" {
			next, _, _ := strings.Cut(path, "/")
			return next != "rules"
		}
	}
	return false
}
