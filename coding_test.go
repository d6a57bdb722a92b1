package xpreflight

import (
	"bytes"
	"compress/gzip"
	"compress/zlib"
	"io"
	"net/http"
	"testing"

	"github.com/xpreflight/xpreflight/core/apierr"
	"github.com/xpreflight/xpreflight/core/retry"
)

func gzipped(t testing.TB, b []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := gzip.NewWriter(&buf)
	if _, err := w.Write(b); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func zlibbed(t testing.TB, b []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := zlib.NewWriter(&buf)
	if _, err := w.Write(b); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// corrupt flips a byte in the middle of a coded body: the stream fails its
// checksum or its block structure.
func corrupt(b []byte) []byte {
	c := bytes.Clone(b)
	c[len(c)/2] ^= 0xff
	return c
}

// TestCodedAnswers: a caller that sets Accept-Encoding gets X's answer
// coded (Go's http.Transport decodes only what it asked for itself). The
// Transport classes a decoded copy, so a coded partial is partial and a
// coded usage cap is not retried; a coding it does not decode, a corrupt
// stream or one decoding past the bound is classed by its status and says
// so. Either way the caller reads X's bytes as they came.
//
// Bodies: core/apierr's recorded fixtures (core/apierr/testdata/README.md):
// 200-partial-not-found.json (sferik/x-ruby issue #11) and
// 429-usage-capped.json (xdevplatform/xdk issue #25), sent with that
// issue's x-rate-limit-remaining: 39999, as TestRetryTable row 4 does.
func TestCodedAnswers(t *testing.T) {
	partial := fixture(t, "200-partial-not-found.json")
	capped := fixture(t, "429-usage-capped.json")
	// A bomb: the body followed by 2 MiB of spaces, still valid JSON of
	// the same class if read whole, gzipped to a few KiB. Past the 1 MiB
	// bound the Transport stops decoding and classes by status.
	pad := bytes.Repeat([]byte(" "), 2<<20)
	type coded struct {
		name, coding string
		code         func([]byte) []byte
		statusOnly   BodyUnread // zero when the decoded body is classed
	}
	codings := []coded{
		{"gzip", "gzip", func(b []byte) []byte { return gzipped(t, b) }, 0},
		{"x-gzip", "x-gzip", func(b []byte) []byte { return gzipped(t, b) }, 0},
		{"GZIP upper case", "GZIP", func(b []byte) []byte { return gzipped(t, b) }, 0},
		{"deflate (zlib)", "deflate", func(b []byte) []byte { return zlibbed(t, b) }, 0},
		{"identity", "identity", func(b []byte) []byte { return b }, 0},
		{"br: not decoded here", "br", func(b []byte) []byte { return gzipped(t, b) }, BodyUnknownCoding},
		{"two codings", "gzip, gzip", func(b []byte) []byte { return gzipped(t, gzipped(t, b)) }, BodyUnknownCoding},
		{"corrupt gzip", "gzip", func(b []byte) []byte { return corrupt(gzipped(t, b)) }, BodyBadCoding},
		{"cut-off gzip", "gzip", func(b []byte) []byte { g := gzipped(t, b); return g[:len(g)-6] }, BodyBadCoding},
		{"deflate sent raw (not zlib)", "deflate", func(b []byte) []byte { z := zlibbed(t, b); return z[2 : len(z)-4] }, BodyBadCoding},
		{"gzip bomb past the bound", "gzip", func(b []byte) []byte { return gzipped(t, append(bytes.Clone(b), pad...)) }, BodyTooLong},
	}
	type shape struct {
		name    string
		status  int
		path    string
		body    []byte
		headers map[string]string
		// want, when the body is read, and when classed by status
		class, classByStatus     apierr.Class
		sent, sentByStatus       int
		final, finalByStatus     retry.Reason // Result.Advice.Reason; "" for none
		retries, retriesByStatus []retry.Reason
	}
	shapes := []shape{
		{name: "200 partial", status: 200, path: "/2/tweets?ids=1,2", body: partial,
			class: apierr.Partial, classByStatus: apierr.Success, sent: 1, sentByStatus: 1},
		{name: "429 usage-capped", status: 429, path: searchPath, body: capped, headers: map[string]string{"x-rate-limit-remaining": "39999"},
			class: apierr.UsageCapped, classByStatus: apierr.RateLimited, sent: 1, sentByStatus: 2,
			final: retry.ReasonUsageCapped, finalByStatus: retry.ReasonAttemptsExhausted,
			retriesByStatus: []retry.Reason{retry.ReasonPerSecondLimit}},
	}
	for _, sh := range shapes {
		for _, c := range codings {
			t.Run(sh.name+"/"+c.name, func(t *testing.T) {
				wire := c.code(sh.body)
				h := map[string]string{"Content-Encoding": c.coding}
				for k, v := range sh.headers {
					h[k] = v
				}
				s := newStandin(t, answer{status: sh.status, headers: h, body: wire})
				var retries []retry.Reason
				tr := s.transport(t, newFakeClock(), WithMaxAttempts(2), OnRetry(func(e RetryEvent) { retries = append(retries, e.Advice.Reason) }))
				req, _ := http.NewRequest("GET", s.URL+sh.path, nil)
				req.Header.Set("Accept-Encoding", "gzip, deflate, br")
				resp, err := tr.RoundTrip(req)
				if err != nil {
					t.Fatal(err)
				}
				got, err := io.ReadAll(resp.Body)
				resp.Body.Close()
				if err != nil || !bytes.Equal(got, wire) {
					t.Fatalf("the caller read %d bytes (err %v), want X's %d coded bytes as sent", len(got), err, len(wire))
				}
				if ce := resp.Header.Get("Content-Encoding"); ce != c.coding {
					t.Fatalf("Content-Encoding %q, want %q as sent", ce, c.coding)
				}
				res := ResultOf(resp)
				class, sent, final, wantRetries := sh.class, sh.sent, sh.final, sh.retries
				if c.statusOnly != 0 {
					class, sent, final, wantRetries = sh.classByStatus, sh.sentByStatus, sh.finalByStatus, sh.retriesByStatus
				}
				if res.StatusOnly != c.statusOnly {
					t.Errorf("StatusOnly %v, want %v", res.StatusOnly, c.statusOnly)
				}
				if got := res.Response().Class; got != class {
					t.Errorf("class %s, want %s", got, class)
				}
				if n := len(s.requests()); n != sent || res.Attempts != sent {
					t.Errorf("sent %d (attempts %d), want %d", n, res.Attempts, sent)
				}
				gotFinal := retry.Reason("")
				if res.Advice != nil {
					gotFinal = res.Advice.Reason
				}
				if gotFinal != final || res.Advice != nil && res.Advice.Retry && final != retry.ReasonAttemptsExhausted {
					t.Errorf("advice %+v, want reason %q", res.Advice, final)
				}
				if len(retries) != len(wantRetries) || len(retries) > 0 && retries[0] != wantRetries[0] {
					t.Errorf("retried for %v, want %v", retries, wantRetries)
				}
				if class == apierr.Partial && len(res.Response().PartialErrors) == 0 {
					t.Errorf("partial without its errors: %+v", res.Response())
				}
			})
		}
	}
}

// TestCodedPlainSuccess: a coded plain 2xx is decoded for the decision
// (a 2xx naming errors is classed now) yet still classed only when asked.
func TestCodedPlainSuccess(t *testing.T) {
	wire := gzipped(t, []byte(okBody))
	s := newStandin(t, answer{status: 200, headers: map[string]string{"Content-Encoding": "gzip"}, body: wire})
	req, _ := http.NewRequest("GET", s.URL+searchPath, nil)
	req.Header.Set("Accept-Encoding", "gzip")
	resp, err := s.transport(t, newFakeClock()).RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	res := ResultOf(resp)
	if res.reading != nil || res.Advice != nil {
		t.Fatalf("a plain success was classed before it was asked for: %+v", res)
	}
	if c := res.Response(); c.Class != apierr.Success || c.Shape != apierr.ShapeEnvelope {
		t.Fatalf("class %s shape %s, want success, envelope (the decoded body)", c.Class, c.Shape)
	}
}

// TestCodedOtherwise: when the caller leaves Accept-Encoding to Go, Go asks
// for gzip, decodes it and drops the header: the Transport sees JSON, as
// before.
func TestCodedOtherwise(t *testing.T) {
	partial := fixture(t, "200-partial-not-found.json")
	tests := []struct {
		name           string
		a              answer
		acceptEncoding string
		class          apierr.Class
		read           []byte
	}{
		{"gzip Go asked for itself", answer{status: 200, headers: map[string]string{"Content-Encoding": "gzip"}, body: gzipped(t, partial)}, "", apierr.Partial, partial},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := newStandin(t, tc.a)
			req, _ := http.NewRequest("GET", s.URL+"/2/tweets?ids=1,2", nil)
			if tc.acceptEncoding != "" {
				req.Header.Set("Accept-Encoding", tc.acceptEncoding)
			}
			resp, err := s.transport(t, newFakeClock()).RoundTrip(req)
			if err != nil {
				t.Fatal(err)
			}
			got, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			res := ResultOf(resp)
			if !bytes.Equal(got, tc.read) || res.StatusOnly != 0 || res.Response().Class != tc.class {
				t.Fatalf("read %d bytes (want %d), StatusOnly %v, class %s (want %s)", len(got), len(tc.read), res.StatusOnly, res.Response().Class, tc.class)
			}
		})
	}
}

// TestCodedEmpty: an empty body of unknown length labelled gzip (what a
// base may hand over for a 204) has nothing to decode: not a bad coding.
func TestCodedEmpty(t *testing.T) {
	base := roundTripFunc(func(r *http.Request) (*http.Response, error) {
		return &http.Response{StatusCode: 204, Header: http.Header{"Content-Encoding": {"gzip"}},
			Body: io.NopCloser(bytes.NewReader(nil)), ContentLength: -1, Request: r}, nil
	})
	tr, err := New(base)
	if err != nil {
		t.Fatal(err)
	}
	req, _ := http.NewRequest("DELETE", "https://api.x.com/2/tweets/1", nil)
	resp, err := tr.RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	if res := ResultOf(resp); res.StatusOnly != 0 || res.Response().Class != apierr.Success {
		t.Fatalf("StatusOnly %v, class %s", res.StatusOnly, res.Response().Class)
	}
}
