package clients

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	twitter "github.com/g8rswimmer/go-twitter/v2"
	"github.com/michimani/gotwi"
	"github.com/michimani/gotwi/tweet/searchtweet"
	searchtypes "github.com/michimani/gotwi/tweet/searchtweet/types"
	"github.com/michimani/gotwi/tweet/tweetlookup"
	lookuptypes "github.com/michimani/gotwi/tweet/tweetlookup/types"
	"github.com/xpreflight/xpreflight"
	"github.com/xpreflight/xpreflight/core/apierr"
)

// badQuery is a query X rejects: a lower-case "and" between terms (X:
// "Ambiguous use of and as a keyword", x-api-facts.md).
const badQuery = "cat and dog"

func gotwiClient(t *testing.T, r *rig) *gotwi.Client {
	c, err := gotwi.NewClientWithAccessToken(&gotwi.NewClientWithAccessTokenInput{AccessToken: "test-token", HTTPClient: r.client})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

type bearer string

func (b bearer) Add(req *http.Request) { req.Header.Add("Authorization", "Bearer "+string(b)) }

func goTwitterClient(r *rig) *twitter.Client {
	return &twitter.Client{Authorizer: bearer("test-token"), Client: r.client, Host: "https://api.x.com"}
}

func TestGotwi(t *testing.T) {
	ctx := context.Background()
	t.Run("bad query refused without a network call", func(t *testing.T) {
		s := newStandin(t, answer{status: 200, body: recorded(t, searchFixture)})
		_, err := searchtweet.ListRecent(ctx, gotwiClient(t, newRig(t, s)), &searchtypes.ListRecentInput{Query: badQuery})
		var ge *gotwi.GotwiError
		if !errors.As(err, &ge) || !ge.OnAPI || ge.StatusCode != 400 || ge.Title != "Invalid Request" {
			t.Fatalf("err %v: want gotwi's API error for xpreflight's 400", err)
		}
		if len(ge.APIErrors) == 0 || !strings.Contains(ge.APIErrors[0].Message, "Ambiguous use of and") {
			t.Fatalf("errors %+v: want X's message", ge.APIErrors)
		}
		if n := len(s.requests()); n != 0 {
			t.Fatalf("%d requests reached the stand-in", n)
		}
	})
	t.Run("bad query as an error (OnInvalid(Fail))", func(t *testing.T) {
		s := newStandin(t, answer{status: 200, body: recorded(t, searchFixture)})
		_, err := searchtweet.ListRecent(ctx, gotwiClient(t, newRig(t, s, xpreflight.OnInvalid(xpreflight.Fail))), &searchtypes.ListRecentInput{Query: badQuery})
		var pe *xpreflight.ProblemError
		if !errors.As(err, &pe) || !pe.Local || len(s.requests()) != 0 {
			t.Fatalf("err %v: want a local *xpreflight.ProblemError through gotwi's wrapping", err)
		}
	})
	t.Run("429 with remaining > 0 retried after about a second", func(t *testing.T) {
		s := newStandin(t, perSecond429(t), answer{status: 200, body: recorded(t, searchFixture)})
		r := newRig(t, s)
		out, err := searchtweet.ListRecent(ctx, gotwiClient(t, r), &searchtypes.ListRecentInput{Query: "from:XDevelopers -is:retweet"})
		if err != nil {
			t.Fatal(err)
		}
		checkPerSecondRetry(t, s, r, len(out.Data))
	})
	t.Run("partial-error 200 surfaced", func(t *testing.T) {
		s := newStandin(t, answer{status: 200, body: recorded(t, partialFixture)})
		r := newRig(t, s)
		out, err := tweetlookup.List(ctx, gotwiClient(t, r), &lookuptypes.ListInput{IDs: []string{"1721704226525466834", "1821704226525466834"}})
		if err != nil || !out.HasPartialError() {
			t.Fatalf("out %+v err %v", out, err)
		}
		checkPartial(t, r)
	})
}

func TestGoTwitter(t *testing.T) {
	ctx := context.Background()
	t.Run("bad query refused without a network call", func(t *testing.T) {
		s := newStandin(t, answer{status: 200, body: recorded(t, searchFixture)})
		_, err := goTwitterClient(newRig(t, s)).TweetRecentSearch(ctx, badQuery, twitter.TweetRecentSearchOpts{})
		var er *twitter.ErrorResponse
		if !errors.As(err, &er) || er.StatusCode != 400 || er.Title != "Invalid Request" {
			t.Fatalf("err %v: want go-twitter's ErrorResponse for xpreflight's 400", err)
		}
		if len(er.Errors) == 0 || !strings.Contains(er.Errors[0].Message, "Ambiguous use of and") {
			t.Fatalf("errors %+v: want X's message", er.Errors)
		}
		if n := len(s.requests()); n != 0 {
			t.Fatalf("%d requests reached the stand-in", n)
		}
	})
	t.Run("bad query as an error (OnInvalid(Fail))", func(t *testing.T) {
		s := newStandin(t, answer{status: 200, body: recorded(t, searchFixture)})
		_, err := goTwitterClient(newRig(t, s, xpreflight.OnInvalid(xpreflight.Fail))).TweetRecentSearch(ctx, badQuery, twitter.TweetRecentSearchOpts{})
		var pe *xpreflight.ProblemError
		if !errors.As(err, &pe) || !pe.Local || len(s.requests()) != 0 {
			t.Fatalf("err %v: want a local *xpreflight.ProblemError through go-twitter's wrapping", err)
		}
	})
	t.Run("429 with remaining > 0 retried after about a second", func(t *testing.T) {
		s := newStandin(t, perSecond429(t), answer{status: 200, body: recorded(t, searchFixture)})
		r := newRig(t, s)
		out, err := goTwitterClient(r).TweetRecentSearch(ctx, "from:XDevelopers -is:retweet", twitter.TweetRecentSearchOpts{MaxResults: 10})
		if err != nil {
			t.Fatal(err)
		}
		checkPerSecondRetry(t, s, r, len(out.Raw.Tweets))
	})
	t.Run("partial-error 200 surfaced", func(t *testing.T) {
		s := newStandin(t, answer{status: 200, body: recorded(t, partialFixture)})
		r := newRig(t, s)
		out, err := goTwitterClient(r).TweetLookup(ctx, []string{"1721704226525466834", "1821704226525466834"}, twitter.TweetLookupOpts{})
		if err != nil || len(out.Raw.Errors) != 1 {
			t.Fatalf("out %+v err %v", out, err)
		}
		checkPartial(t, r)
	})
}

// checkPerSecondRetry: two requests reached X, one wait between them of
// about a second (core/retry: 1 s plus up to 25 % jitter), and the client
// got the 200's data.
func checkPerSecondRetry(t *testing.T, s *standin, r *rig, posts int) {
	t.Helper()
	if n := len(s.requests()); n != 2 {
		t.Fatalf("%d requests, want the 429 and its retry", n)
	}
	if len(r.waits) != 1 || r.waits[0] < time.Second || r.waits[0] > 1250*time.Millisecond {
		t.Fatalf("waits %v, want one of 1–1.25 s (not the 15-minute window)", r.waits)
	}
	if posts == 0 {
		t.Fatal("the client got no posts from the 200")
	}
	last := r.results[len(r.results)-1]
	if last.Attempts != 2 || last.Response().Class != apierr.Success {
		t.Fatalf("result: %d attempts, class %s", last.Attempts, last.Response().Class)
	}
}

// checkPartial: the Transport's Result says partial and names the problem.
func checkPartial(t *testing.T, r *rig) {
	t.Helper()
	if len(r.results) != 1 {
		t.Fatalf("%d results", len(r.results))
	}
	res := r.results[0].Response()
	if res.Class != apierr.Partial || len(res.PartialErrors) != 1 || res.PartialErrors[0].Slug != "resource-not-found" {
		t.Fatalf("class %s partial errors %+v", res.Class, res.PartialErrors)
	}
}
