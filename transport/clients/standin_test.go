package clients

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/xpreflight/xpreflight"
)

// answer is one scripted reply of the stand-in for X.
type answer struct {
	status  int
	headers map[string]string
	body    string
}

// standin plays X on loopback, replaying answers in order (the last one
// again when they run out) and counting requests.
type standin struct {
	*httptest.Server
	mu      sync.Mutex
	answers []answer
	targets []string
}

func newStandin(t *testing.T, answers ...answer) *standin {
	s := &standin{answers: answers}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		a := s.answers[min(len(s.targets), len(s.answers)-1)]
		s.targets = append(s.targets, r.Method+" "+r.URL.RequestURI())
		s.mu.Unlock()
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		for k, v := range a.headers {
			w.Header().Set(k, v)
		}
		w.WriteHeader(a.status)
		w.Write([]byte(a.body))
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *standin) requests() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.targets...)
}

// toStandin is the base under Transport: the clients call
// https://api.twitter.com or https://api.x.com as they always do, and
// this sends the request to the stand-in instead.
type toStandin struct{ to *url.URL }

func (r toStandin) RoundTrip(req *http.Request) (*http.Response, error) {
	out := req.Clone(req.Context())
	out.URL.Scheme, out.URL.Host, out.Host = r.to.Scheme, r.to.Host, ""
	return http.DefaultTransport.RoundTrip(out)
}

// rig is a Transport in front of the stand-in, recording its waits and
// every Result it hands back.
type rig struct {
	client  *http.Client
	mu      sync.Mutex
	waits   []time.Duration
	results []*xpreflight.Result
}

func newRig(t *testing.T, s *standin, opts ...xpreflight.Option) *rig {
	to, err := url.Parse(s.URL)
	if err != nil {
		t.Fatal(err)
	}
	r := &rig{}
	all := append([]xpreflight.Option{
		xpreflight.WithSleep(func(ctx context.Context, d time.Duration) error {
			r.mu.Lock()
			r.waits = append(r.waits, d)
			r.mu.Unlock()
			return ctx.Err()
		}),
		xpreflight.OnResult(func(_ *http.Request, res *xpreflight.Result) {
			r.mu.Lock()
			r.results = append(r.results, res)
			r.mu.Unlock()
		}),
	}, opts...)
	tr, err := xpreflight.New(toStandin{to}, all...)
	if err != nil {
		t.Fatal(err)
	}
	r.client = tr.Client()
	return r
}

// recorded is a body X really sent, from the project's fixtures (their
// READMEs name each source).
func recorded(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", path))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// Recorded bodies used here.
const (
	partialFixture = "core/apierr/testdata/bodies/200-partial-not-found.json" // sferik/x-ruby #11 (2023-11-07)
	searchFixture  = "worker/test/fixtures/search-recent-200.json"            // ekusiadadus/twitter-tutorial (2022-10)
	tooManyFixture = "core/apierr/testdata/bodies/429-about-blank.json"       // geduldig/TwitterAPI #180 (2021-03-19)
)

// perSecond429 is a 429 while the 15-minute window still has room: X's
// per-second limit (x-api-facts.md §5.1).
func perSecond429(t *testing.T) answer {
	return answer{status: 429, headers: map[string]string{
		"x-rate-limit-limit": "450", "x-rate-limit-remaining": "440", "x-rate-limit-reset": "4102444800",
	}, body: recorded(t, tooManyFixture)}
}
