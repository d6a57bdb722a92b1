package xpreflight_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"time"

	"github.com/xpreflight/xpreflight"
	"github.com/xpreflight/xpreflight/core/retry"
)

// standIn plays X on loopback: each request gets the next scripted answer.
func standIn(answers ...func(w http.ResponseWriter)) *httptest.Server {
	n := 0
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		answers[min(n, len(answers)-1)](w)
		n++
	}))
}

// noSleep is the sleep seam of the examples: it prints the wait instead.
func noSleep(ctx context.Context, d time.Duration) error {
	fmt.Println("waiting", d)
	return ctx.Err()
}

// A request X would reject is answered locally with the 400 X would send;
// nothing reaches the network.
func Example() {
	x := standIn(func(w http.ResponseWriter) { panic("never called") })
	defer x.Close()
	t, err := xpreflight.New(nil, xpreflight.WithHosts(x.Listener.Addr().String()))
	if err != nil {
		panic(err)
	}
	resp, err := t.Client().Get(x.URL + "/2/tweets/search/recent?query=cat%20and%20dog")
	if err != nil {
		panic(err)
	}
	defer resp.Body.Close()
	fmt.Println(resp.StatusCode, resp.Header.Get("X-Preflight"))
	for _, d := range xpreflight.ResultOf(resp).Request.Diagnostics {
		fmt.Println(d.Severity, d.Parameter, d.Code)
	}
	// Output:
	// 400 rejected
	// error query invalid-query
}

// OnInvalid(Fail) makes a refused request an error; errors.As finds it
// through the *url.Error of http.Client.
func ExampleOnInvalid() {
	t, _ := xpreflight.New(nil, xpreflight.OnInvalid(xpreflight.Fail))
	_, err := t.Client().Get("https://api.x.com/2/tweets?ids=")
	var pe *xpreflight.ProblemError
	if errors.As(err, &pe) {
		fmt.Println(pe.Local, pe.Class)
		fmt.Println(pe.Problems[0].String("title"))
	}
	// Output:
	// true invalid-request
	// Invalid Request
}

// A 429 while x-rate-limit-remaining is above 0 is X's per-second limit:
// the Transport waits about a second, not the 15-minute window. When the
// window itself is spent and resets too far ahead, it stops, and
// CheckResponse says when to come back.
func ExampleCheckResponse() {
	date := time.Date(2026, 12, 4, 12, 0, 0, 0, time.UTC)
	x := standIn(
		func(w http.ResponseWriter) {
			w.Header().Set("x-rate-limit-remaining", "120")
			w.WriteHeader(429)
		},
		func(w http.ResponseWriter) {
			w.Header().Set("Date", date.Format(http.TimeFormat))
			w.Header().Set("x-rate-limit-remaining", "0")
			w.Header().Set("x-rate-limit-reset", fmt.Sprint(date.Add(time.Hour).Unix()))
			w.WriteHeader(429)
			io.WriteString(w, `{"title":"Too Many Requests","type":"about:blank","status":429,"detail":"Too Many Requests"}`)
		})
	defer x.Close()
	t, _ := xpreflight.New(nil, xpreflight.WithHosts(x.Listener.Addr().String()),
		xpreflight.WithSleep(noSleep), xpreflight.WithRandom(func() float64 { return 0 }),
		xpreflight.WithClock(func() time.Time { return date }),
		xpreflight.OnRetry(func(e xpreflight.RetryEvent) { fmt.Println("retrying after", e.Status, e.Advice.Reason) }))
	resp, err := t.Client().Get(x.URL + "/2/tweets/search/recent?query=from%3AXDevelopers")
	if err != nil {
		panic(err)
	}
	defer resp.Body.Close()
	var rle *xpreflight.RateLimitError
	if errors.As(xpreflight.CheckResponse(resp), &rle) {
		fmt.Println(rle.Advice.Reason, rle.Advice.Parked, rle.RetryAt().UTC().Format(time.TimeOnly))
	}
	// Output:
	// retrying after 429 per-second-limit
	// waiting 1s
	// rate-limit-reset true 13:00:01
}

// ResultOf reads what the Transport found about a call: here the partial
// errors of a 200 (shaped like the answers X was recorded sending,
// core/apierr/testdata/bodies/200-partial-not-found.json).
func ExampleResultOf() {
	x := standIn(func(w http.ResponseWriter) {
		io.WriteString(w, `{"data":[{"id":"20","text":"just setting up my twttr"}],"errors":[{"value":"1","detail":"Could not find tweet with ids: [1].","title":"Not Found Error","resource_type":"tweet","parameter":"ids","resource_id":"1","type":"https://api.twitter.com/2/problems/resource-not-found"}]}`)
	})
	defer x.Close()
	t, _ := xpreflight.New(nil, xpreflight.WithHosts(x.Listener.Addr().String()))
	resp, err := t.Client().Get(x.URL + "/2/tweets?ids=20,1")
	if err != nil {
		panic(err)
	}
	defer resp.Body.Close()
	res := xpreflight.ResultOf(resp)
	fmt.Println(res.Response().Class, res.Attempts, xpreflight.CheckResponse(resp))
	for _, p := range res.Response().PartialErrors {
		fmt.Println(p.Slug, p.String("detail"))
	}
	// Output:
	// partial 1 <nil>
	// resource-not-found Could not find tweet with ids: [1].
}

// New rejects options that make no sense, naming them.
func ExampleNew() {
	_, err := xpreflight.New(nil, xpreflight.WithTier("basic"))
	fmt.Println(strings.SplitN(err.Error(), ";", 2)[0])
	// Output:
	// xpreflight.WithTier: unknown tier "basic"
}

// Transport.Client is the *http.Client X's Go clients take.
func ExampleTransport_Client() {
	x := standIn(func(w http.ResponseWriter) {
		io.WriteString(w, `{"data":{"id":"2244994945","name":"X Dev","username":"XDevelopers"}}`)
	})
	defer x.Close()
	t, _ := xpreflight.New(http.DefaultTransport, xpreflight.WithHosts(x.Listener.Addr().String()), xpreflight.WithMaxAttempts(3))
	resp, err := t.Client().Get(x.URL + "/2/users/by/username/XDevelopers")
	if err != nil {
		panic(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	fmt.Println(resp.StatusCode, xpreflight.ResultOf(resp).Response().Class, len(body))
	// Output:
	// 200 success 68
}

// OnResult sees every Result, for clients that keep the *http.Response to
// themselves: here a warning on a request that was still sent.
func ExampleOnResult() {
	x := standIn(func(w http.ResponseWriter) { io.WriteString(w, `{"data":[],"meta":{"result_count":0}}`) })
	defer x.Close()
	t, _ := xpreflight.New(nil, xpreflight.WithHosts(x.Listener.Addr().String()),
		xpreflight.OnResult(func(req *http.Request, r *xpreflight.Result) {
			for _, d := range r.Request.Diagnostics {
				fmt.Println(req.URL.Path, d.Severity, d.Code, d.Parameter)
			}
			fmt.Println(r.Response().Class, r.Attempts)
		}))
	resp, err := t.Client().Get(x.URL + "/2/tweets/search/recent?query=from%3AXDevelopers&max_results=10&max_results=20")
	if err != nil {
		panic(err)
	}
	resp.Body.Close()
	// Output:
	// /2/tweets/search/recent warning repeated-parameter max_results
	// success 1
}

// WithPolicy tunes core/retry: here no wait longer than 30 s is slept
// through, so a 429 without rate-limit headers (a minute's backoff) comes
// back at once, with the advice saying when to try again.
func ExampleWithPolicy() {
	x := standIn(func(w http.ResponseWriter) { w.WriteHeader(429) })
	defer x.Close()
	p := retry.DefaultPolicy()
	p.MaxWaitMs = 30_000
	t, _ := xpreflight.New(nil, xpreflight.WithHosts(x.Listener.Addr().String()), xpreflight.WithPolicy(p), xpreflight.WithSleep(noSleep))
	resp, err := t.Client().Get(x.URL + "/2/users/me")
	if err != nil {
		panic(err)
	}
	defer resp.Body.Close()
	a := xpreflight.ResultOf(resp).Advice
	fmt.Println(resp.StatusCode, a.Reason, a.Retry, a.Parked)
	// Output:
	// 429 rate-limit-backoff false true
}

// WithoutValidation sends every request as it is; answers are still
// classed and retried.
func ExampleWithoutValidation() {
	x := standIn(func(w http.ResponseWriter) {
		w.WriteHeader(400)
		io.WriteString(w, `{"errors":[{"parameters":{"ids":[""]},"message":"The ids query parameter can not be empty"}],"title":"Invalid Request","detail":"One or more parameters to your request was invalid.","type":"https://api.x.com/2/problems/invalid-request"}`)
	})
	defer x.Close()
	t, _ := xpreflight.New(nil, xpreflight.WithHosts(x.Listener.Addr().String()), xpreflight.WithoutValidation())
	resp, err := t.Client().Get(x.URL + "/2/tweets?ids=")
	if err != nil {
		panic(err)
	}
	defer resp.Body.Close()
	res := xpreflight.ResultOf(resp)
	fmt.Println(resp.StatusCode, res.Request == nil, res.Local, res.Response().Class)
	// Output:
	// 400 true false invalid-request
}

// A caller that asks for gzip itself gets X's answer gzipped: the Transport
// classes a decoded copy and hands on the coded bytes; a coding it does not
// decode is classed by its status, and StatusOnly says why.
func ExampleBodyUnread() {
	partial := `{"data":[{"id":"1","text":"hi"}],"errors":[{"resource_id":"2","type":"https://api.twitter.com/2/problems/resource-not-found","title":"Not Found Error","detail":"Could not find tweet with ids: [2]."}]}`
	var coded bytes.Buffer
	zw := gzip.NewWriter(&coded)
	zw.Write([]byte(partial))
	zw.Close()
	for _, coding := range []string{"gzip", "br"} {
		x := standIn(func(w http.ResponseWriter) {
			w.Header().Set("Content-Encoding", coding)
			w.Write(coded.Bytes())
		})
		t, _ := xpreflight.New(nil, xpreflight.WithHosts(x.Listener.Addr().String()))
		req, _ := http.NewRequest("GET", x.URL+"/2/tweets?ids=1,2", nil)
		req.Header.Set("Accept-Encoding", "gzip, br")
		resp, err := t.Client().Do(req)
		if err != nil {
			panic(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		x.Close()
		res := xpreflight.ResultOf(resp)
		fmt.Printf("%s: class %s, status-only %q, caller reads the coded bytes: %v\n",
			coding, res.Response().Class, res.StatusOnly, bytes.Equal(b, coded.Bytes()))
	}
	// Output:
	// gzip: class partial, status-only "", caller reads the coded bytes: true
	// br: class success, status-only "unknown-coding", caller reads the coded bytes: true
}
