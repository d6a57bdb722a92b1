package xpreflight

import (
	"bytes"
	"io"
	"net"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/xpreflight/xpreflight/core/apierr"
	"github.com/xpreflight/xpreflight/core/params"
)

// TestRequestBodies: a JSON body is judged (and refused with X's problem
// when X would refuse it), and what is sent is byte for byte what the
// caller gave.
func TestRequestBodies(t *testing.T) {
	tests := []struct {
		name, body string
		local      bool
		code       string
	}{
		{"valid post", `{"text":"hello from xpreflight"}`, false, ""},
		{"not JSON", `{"text":`, true, params.CodeBodySyntax},
		{"post with settings, sent byte for byte", `{"text":"hi",  "reply_settings":"following"}`, false, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := newStandin(t, ok200)
			req, _ := http.NewRequest("POST", s.URL+"/2/tweets", strings.NewReader(tc.body))
			req.Header.Set("Content-Type", "application/json")
			resp, err := s.transport(t, newFakeClock()).RoundTrip(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			res := ResultOf(resp)
			if res.Local != tc.local {
				t.Fatalf("local %v, want %v (%+v)", res.Local, tc.local, res.Request.Diagnostics)
			}
			if tc.code != "" && !hasCode(res.Request, tc.code) {
				t.Fatalf("no %s in %+v", tc.code, res.Request.Diagnostics)
			}
			got := s.requests()
			if tc.local != (len(got) == 0) || !tc.local && string(got[0].body) != tc.body {
				t.Fatalf("sent %+v", got)
			}
		})
	}
}

// TestAnswerBodies: long answers pass through whole; an answer cut short
// is a network failure (retried for a GET, as core/retry says).
func TestAnswerBodies(t *testing.T) {
	t.Run("over 1 MiB: passed on whole, classed by status", func(t *testing.T) {
		big := append([]byte(`{"data":[`), bytes.Repeat([]byte(`{"id":"1","text":"x"},`), 60000)...)
		big = append(big[:len(big)-1], []byte(`],"errors":[{"type":"https://api.x.com/2/problems/resource-not-found"}]}`)...)
		s := newStandin(t, answer{status: 200, body: big})
		resp := get(t, s.transport(t, newFakeClock()), s.URL+"/2/tweets?ids=1")
		b, _ := io.ReadAll(resp.Body)
		if !bytes.Equal(b, big) {
			t.Fatalf("got %d bytes, want %d", len(b), len(big))
		}
		if c, why := ResultOf(resp).Response().Class, ResultOf(resp).StatusOnly; c != apierr.Success || why != BodyTooLong {
			t.Fatalf("class %s, StatusOnly %v: a body over the bound is classed by its status", c, why)
		}
	})
	t.Run("cut short: a network failure, retried", func(t *testing.T) {
		n := 0
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		defer ln.Close()
		go func() {
			for {
				c, err := ln.Accept()
				if err != nil {
					return
				}
				buf := make([]byte, 4096)
				c.Read(buf)
				n++
				body := okBody
				if n == 1 { // promise more than is sent, then hang up
					io.WriteString(c, "HTTP/1.1 200 OK\r\nContent-Length: "+strconv.Itoa(len(okBody)+100)+"\r\n\r\n"+okBody)
				} else {
					io.WriteString(c, "HTTP/1.1 200 OK\r\nContent-Length: "+strconv.Itoa(len(body))+"\r\nConnection: close\r\n\r\n"+body)
				}
				c.Close()
			}
		}()
		clock := newFakeClock()
		tr, err := New(&http.Transport{DisableKeepAlives: true}, WithHosts(ln.Addr().String()), WithClock(clock.now), WithSleep(clock.sleep),
			WithRandom(func() float64 { return 0.5 }))
		if err != nil {
			t.Fatal(err)
		}
		resp := get(t, tr, "http://"+ln.Addr().String()+searchPath)
		b, _ := io.ReadAll(resp.Body)
		if string(b) != okBody || ResultOf(resp).Attempts != 2 || len(clock.sleeps()) != 1 {
			t.Fatalf("body %q, attempts %d, waits %v", b, ResultOf(resp).Attempts, clock.sleeps())
		}
	})
}
