package xpreflight

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"testing"
	"time"
)

// epoch is the fake clock's start; the stand-in's Date headers use it too,
// so reset waits are exact.
var epoch = time.Date(2026, 12, 4, 12, 0, 0, 0, time.UTC)

// fakeClock is the clock and sleep seams: sleeping advances the clock and
// records the wait.
type fakeClock struct {
	mu    sync.Mutex
	t     time.Time
	slept []time.Duration
}

func newFakeClock() *fakeClock { return &fakeClock{t: epoch} }

func (f *fakeClock) now() time.Time {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.t
}

func (f *fakeClock) sleep(ctx context.Context, d time.Duration) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.slept = append(f.slept, d)
	f.t = f.t.Add(d)
	return ctx.Err()
}

func (f *fakeClock) sleeps() []time.Duration {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]time.Duration(nil), f.slept...)
}

// answer is one scripted reply of the stand-in; hangUp closes the
// connection without answering (a network failure).
type answer struct {
	status  int
	headers map[string]string
	body    []byte
	hangUp  bool
}

// seen is one request the stand-in received.
type seen struct {
	method, target string
	body           []byte
}

// standin is an httptest server playing X: it replays answers in order
// (the last one again once they run out) and records what it received.
type standin struct {
	*httptest.Server
	mu      sync.Mutex
	answers []answer
	got     []seen
}

func newStandin(t *testing.T, answers ...answer) *standin {
	t.Helper()
	s := &standin{answers: answers}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.Close)
	return s
}

func (s *standin) serve(w http.ResponseWriter, r *http.Request) {
	body := make([]byte, 0, 64)
	buf := make([]byte, 32<<10)
	for {
		n, err := r.Body.Read(buf)
		body = append(body, buf[:n]...)
		if err != nil {
			break
		}
	}
	s.mu.Lock()
	i := len(s.got)
	s.got = append(s.got, seen{r.Method, r.URL.RequestURI(), body})
	a := s.answers[min(i, len(s.answers)-1)]
	s.mu.Unlock()
	if a.hangUp {
		conn, _, err := w.(http.Hijacker).Hijack()
		if err == nil {
			conn.Close()
		}
		return
	}
	w.Header().Set("Date", epoch.Format(http.TimeFormat))
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	for k, v := range a.headers {
		w.Header().Set(k, v)
	}
	w.WriteHeader(a.status)
	w.Write(a.body)
}

func (s *standin) requests() []seen {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]seen(nil), s.got...)
}

// transport returns a Transport treating the stand-in as X, with the fake
// clock, jitter fixed at 0.5 and a base that opens a connection per
// request (so http.Transport's own silent retry of a dead reused
// connection never adds a request).
func (s *standin) transport(t *testing.T, clock *fakeClock, opts ...Option) *Transport {
	t.Helper()
	base := &http.Transport{DisableKeepAlives: true}
	t.Cleanup(base.CloseIdleConnections)
	all := append([]Option{WithHosts(s.Listener.Addr().String()), WithClock(clock.now), WithSleep(clock.sleep),
		WithRandom(func() float64 { return 0.5 })}, opts...)
	tr, err := New(base, all...)
	if err != nil {
		t.Fatal(err)
	}
	return tr
}

// fixture is a body X really sent, from core/apierr's recorded fixtures
// (core/apierr/testdata/README.md names each source).
func fixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("core", "apierr", "testdata", "bodies", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// unix is the fake clock's instant plus s seconds, as X's reset headers write it.
func unix(s int64) string { return strconv.FormatInt(epoch.Unix()+s, 10) }

// roundTripFunc is a base RoundTripper made of a function.
type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

func newBytesReader(b []byte) *bytes.Reader { return bytes.NewReader(b) }
