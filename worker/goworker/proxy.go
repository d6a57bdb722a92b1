// Command goworker is a Cloudflare Worker written the way
// github.com/syumai/workers users write theirs: an http.Handler served by
// workers.Serve, calling X with syumai's fetch client. The one addition is
// xpreflight.Transport around that client, so a call X would reject never
// leaves the Worker, X's answers are classed, and rate limits are waited
// out as core/retry advises. README.md says when this fits and when
// worker/'s Worker does.
package main

import (
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/xpreflight/xpreflight"
)

// proxy forwards /2/* to X (or the origin standing in for it) through an
// xpreflight.Transport.
type proxy struct {
	origin *url.URL
	client *http.Client
}

// newProxy sends through base (syumai's fetch transport in the Worker,
// any RoundTripper in tests). origin is X's API origin, e.g.
// https://api.x.com; another origin (a loopback stand-in) is treated as X.
func newProxy(origin string, base http.RoundTripper, opts ...xpreflight.Option) (*proxy, error) {
	u, err := url.Parse(origin)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || (u.Path != "" && u.Path != "/") {
		return nil, fmt.Errorf("X_API_ORIGIN %q is not an origin like https://api.x.com", origin)
	}
	t, err := xpreflight.New(base, append([]xpreflight.Option{xpreflight.WithHosts(u.Host)}, opts...)...)
	if err != nil {
		return nil, err
	}
	return &proxy{origin: u, client: &http.Client{Transport: t, CheckRedirect: noRedirects}}, nil
}

func noRedirects(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }

// forwarded are the request headers passed on to X; others (cookies,
// cf-*) stay in the Worker.
var forwarded = []string{"Authorization", "Content-Type", "Accept"}

func (p *proxy) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !strings.HasPrefix(r.URL.Path, "/2/") {
		problem(w, http.StatusNotFound, "Not Found", "this Worker forwards only /2/ paths to X")
		return
	}
	var body io.Reader
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		body = r.Body
	}
	out, err := http.NewRequestWithContext(r.Context(), r.Method, p.origin.Scheme+"://"+p.origin.Host+r.URL.RequestURI(), body)
	if err != nil {
		problem(w, http.StatusBadRequest, "Bad Request", err.Error())
		return
	}
	for _, h := range forwarded {
		if v := r.Header.Get(h); v != "" {
			out.Header.Set(h, v)
		}
	}
	resp, err := p.client.Do(out)
	if err != nil {
		problem(w, http.StatusBadGateway, "Bad Gateway", "X could not be reached")
		return
	}
	defer resp.Body.Close()
	for k, vs := range resp.Header {
		if k == "Content-Length" || k == "Connection" || k == "Transfer-Encoding" {
			continue
		}
		w.Header()[k] = vs
	}
	annotate(w.Header(), xpreflight.ResultOf(resp))
	w.WriteHeader(resp.StatusCode)
	io.Copy(w, resp.Body)
}

// annotate adds what xpreflight found, in the x-preflight-* headers of
// worker/'s Worker.
func annotate(h http.Header, res *xpreflight.Result) {
	if res == nil {
		return
	}
	if res.Local {
		h.Set("X-Preflight", "rejected")
	} else {
		h.Set("X-Preflight", "forwarded")
		h.Set("X-Preflight-Attempts", strconv.Itoa(res.Attempts))
	}
	if r := res.Response(); r != nil {
		h.Set("X-Preflight-Class", string(r.Class))
	}
	if a := res.Advice; a != nil && a.NotBefore > 0 {
		h.Set("X-Preflight-Retry-Reason", string(a.Reason))
	}
}

// problem answers in X's about:blank shape.
func problem(w http.ResponseWriter, status int, title, detail string) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	fmt.Fprintf(w, `{"title":%q,"type":"about:blank","status":%d,"detail":%q}`, title, status, detail)
}
