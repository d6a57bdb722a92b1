package xpreflight

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/xpreflight/xpreflight/core/apierr"
)

// FuzzResponse feeds the Transport arbitrary answers (status, header lines,
// body, coded or not) on REST and stream paths: it must never panic, must
// hand the body back byte for byte (coded as it came), must stop within the
// attempts cap, and CheckResponse must agree with the class.
func FuzzResponse(f *testing.F) {
	for _, name := range []string{"429-about-blank.json", "429-usage-capped.json", "200-partial-not-found.json",
		"503-stream-provisioning.json", "429-plain-text.txt", "404-html.html", "429-legacy-88.json"} {
		f.Add(429, "x-rate-limit-remaining: 0\nx-rate-limit-reset: 1764849600", fixture(f, name), false)
	}
	f.Add(200, "", []byte(okBody), false)
	f.Add(200, "content-encoding: gzip", gzipped(f, fixture(f, "200-partial-not-found.json")), false)
	f.Add(429, "content-encoding: deflate\nx-rate-limit-remaining: 39999", zlibbed(f, fixture(f, "429-usage-capped.json")), false)
	f.Add(503, "content-encoding: gzip", corrupt(gzipped(f, []byte(`{"title":"Service Unavailable"}`))), false)
	f.Add(200, "", []byte(`{"errors":[{"type":"https://api.x.com/2/problems/internal-error"}]}`), false)
	f.Add(503, "retry-after: 120", []byte(`{`), true)
	f.Add(200, "", []byte(`{"\u0065rrors":[]}`), false)
	f.Add(429, "x-app-limit-24hour-remaining: 0\nx-app-limit-24hour-reset: 99999999999999999999", []byte{}, false)
	f.Fuzz(func(t *testing.T, status int, headerLines string, body []byte, stream bool) {
		if status < 100 || status > 999 {
			status = 500
		}
		h := http.Header{}
		for _, line := range strings.Split(headerLines, "\n") {
			if k, v, ok := strings.Cut(line, ":"); ok && k != "" {
				h.Add(k, strings.TrimSpace(v))
			}
		}
		sent := 0
		base := roundTripFunc(func(r *http.Request) (*http.Response, error) {
			sent++
			return &http.Response{StatusCode: status, Header: h.Clone(), Body: io.NopCloser(bytes.NewReader(body)),
				ContentLength: -1, Request: r}, nil
		})
		clock := newFakeClock()
		tr, err := New(base, WithClock(clock.now), WithSleep(clock.sleep), WithRandom(func() float64 { return 0.3 }), WithMaxAttempts(3))
		if err != nil {
			t.Fatal(err)
		}
		path := searchPath
		if stream {
			path = streamPath
		}
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		req, _ := http.NewRequestWithContext(ctx, "GET", "https://api.x.com"+path, nil)
		resp, err := tr.RoundTrip(req)
		if err != nil {
			t.Fatalf("RoundTrip: %v", err)
		}
		got, _ := io.ReadAll(resp.Body)
		if !bytes.Equal(got, body) {
			t.Fatalf("body changed: %q → %q", body, got)
		}
		if sent < 1 || sent > 3 {
			t.Fatalf("%d attempts, cap 3", sent)
		}
		res := ResultOf(resp)
		if res == nil || res.Attempts != sent {
			t.Fatalf("result %+v, sent %d", res, sent)
		}
		class := res.Response().Class
		errNil := CheckResponse(resp) == nil
		if errNil != (class == apierr.Success || class == apierr.Partial) {
			t.Fatalf("class %s but CheckResponse nil = %v", class, errNil)
		}
		if !stream || status >= 300 {
			// The lazy reading must be the one core/apierr gives, of the
			// decoded body when it is coded (core/apierr's FuzzDecodeBody
			// checks the decoding against the standard library's readers).
			// An empty coded body (a 204, a HEAD) has nothing to decode,
			// in DecodeBody as in call.go.
			classed, why := apierr.DecodeBody(h.Values("Content-Encoding"), body, defaultBodyMax)
			if res.StatusOnly != why {
				t.Fatalf("StatusOnly %v, want %v", res.StatusOnly, why)
			}
			want := apierr.Classify(apierr.Response{Status: status, Headers: flatten(h), Body: classed, Method: "GET", URL: path})
			if want.Class != class {
				t.Fatalf("class %s, core/apierr says %s", class, want.Class)
			}
			// A failure class was not skipped by the plain-body shortcut:
			// core/retry was asked.
			if class != apierr.Success && class != apierr.Partial && res.Advice == nil {
				t.Fatalf("class %s, yet no retry advice was asked", class)
			}
		}
	})
}
