package params

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/xpreflight/xpreflight/core/query"
)

// now is the clock of the time-relative cases: 2026-11-25T12:00:00Z.
var now = time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC)

type want struct {
	code      string
	severity  query.Severity
	parameter string
}

func e(code, parameter string) want { return want{code, sevError, parameter} }
func w(code, parameter string) want { return want{code, sevWarning, parameter} }

type ruleCase struct {
	name  string
	req   Request
	route string // "" means no route
	wants []want // every diagnostic, in order
}

func get(url string) Request { return Request{Method: "GET", URL: url} }

func runCases(t *testing.T, cases []ruleCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			res := Validate(tc.req)
			gotRoute := ""
			if res.Route != nil {
				gotRoute = *res.Route
			}
			if gotRoute != tc.route {
				t.Errorf("route = %q, want %q", gotRoute, tc.route)
			}
			var got []want
			for _, d := range res.Diagnostics {
				got = append(got, want{d.Code, d.Severity, d.Parameter})
			}
			if len(got) != len(tc.wants) {
				t.Fatalf("diagnostics = %s\nwant %v", dump(res.Diagnostics), tc.wants)
			}
			for i := range got {
				if got[i] != tc.wants[i] {
					t.Errorf("diagnostic %d = %v, want %v (%s)", i, got[i], tc.wants[i], res.Diagnostics[i].Message)
				}
			}
			hasError := false
			for _, d := range res.Diagnostics {
				hasError = hasError || d.Severity == sevError
			}
			if res.Valid == hasError {
				t.Errorf("valid = %v with errors=%v", res.Valid, hasError)
			}
			if (res.Problem != nil) != hasError {
				t.Errorf("problem = %v with errors=%v", res.Problem, hasError)
			}
		})
	}
}

func dump(ds []Diagnostic) string {
	var b strings.Builder
	for _, d := range ds {
		b.WriteString("\n  " + d.Code + " " + string(d.Severity) + " [" + d.Parameter + "] " + d.Message)
	}
	return b.String()
}

const recent = "GET /2/tweets/search/recent"

func TestRouteLookup(t *testing.T) {
	runCases(t, []ruleCase{
		{"path with query", get("/2/tweets/search/recent?query=cat"), recent, nil},
		{"api.x.com", get("https://api.x.com/2/tweets/search/recent?query=cat"), recent, nil},
		{"api.twitter.com", get("https://api.twitter.com/2/tweets/search/recent?query=cat"), recent, nil},
		{"host case and port", get("https://API.X.COM:443/2/tweets/20"), "GET /2/tweets/{id}", nil},
		{"lower-case method", Request{Method: "get", URL: "/2/tweets/20"}, "GET /2/tweets/{id}", nil},
		{"literal beats template", get("/2/users/me"), "GET /2/users/me", nil},
		{"template", get("/2/users/2244994945"), "GET /2/users/{id}", nil},
		{"username template", get("/2/users/by/username/XDevelopers"), "GET /2/users/by/username/{username}", nil},
		{"fragment ignored", get("/2/tweets/20#frag"), "GET /2/tweets/{id}", nil},
		{"encoded path segment", get("/2/users/by/username/X%44evelopers"), "GET /2/users/by/username/{username}", nil},
		{"only in spec 2.166", get("/2/insights/historical?tweet_ids=1&end_time=2026-01-02T00:00:00Z&start_time=2026-01-01T00:00:00Z&granularity=Daily&requested_metrics=Impressions"), "GET /2/insights/historical", nil},
		{"only in spec 2.167", get("/2/broadcasts/scheduled"), "GET /2/broadcasts/scheduled", nil},
		{"unknown route", get("/2/tweets/search/everything?query=cat"), "", []want{w(CodeUnknownRoute, "")}},
		{"unknown version", get("/1.1/statuses/show.json"), "", []want{w(CodeUnknownRoute, "")}},
		{"method not allowed", Request{Method: "DELETE", URL: "/2/tweets/search/recent"}, "", []want{w(CodeMethodNotAllowed, "")}},
		{"other host", get("https://example.com/2/tweets/20"), "", []want{e(CodeUnsupportedHost, "")}},
		{"http scheme", get("http://api.x.com/2/tweets/20"), "GET /2/tweets/{id}", []want{w(CodeInsecureScheme, "")}},
		{"trailing slash", get("/2/tweets/20/"), "GET /2/tweets/{id}", []want{w(CodeTrailingSlash, "")}},
		{"relative URL", get("2/tweets/20"), "", []want{e(CodeBadURL, "")}},
		{"bad path encoding", get("/2/tweets/%zz"), "", []want{w(CodeBadEncoding, "")}},
		{"empty path segment", get("/2/tweets//retweeted_by"), "", []want{w(CodeUnknownRoute, "")}},
	})
}

func TestParameterChecks(t *testing.T) {
	runCases(t, []ruleCase{
		{"unknown parameter", get("/2/tweets/search/recent?query=cat&previous_token=x"), recent, []want{e(CodeUnknownParameter, "previous_token")}},
		{"pagination_token where only next_token? both on search", get("/2/tweets/search/recent?query=cat&pagination_token=abc"), recent, nil},
		{"next_token where only pagination_token", get("/2/users/2244994945/tweets?next_token=abc"), "GET /2/users/{id}/tweets", []want{e(CodeUnknownParameter, "next_token")}},
		{"missing required query", get("/2/tweets/search/recent?max_results=10"), recent, []want{e(CodeMissingParameter, "query")}},
		{"missing required ids", get("/2/tweets"), "GET /2/tweets", []want{e(CodeMissingParameter, "ids")}},
		{"empty value", get("/2/tweets?ids="), "GET /2/tweets", []want{e(CodeEmptyParameter, "ids")}},
		{"empty query", get("/2/tweets/search/recent?query="), recent, []want{e(CodeEmptyParameter, "query")}},
		{"repeated parameter", get("/2/tweets?ids=1&ids=2"), "GET /2/tweets", []want{w(CodeRepeatedParameter, "ids")}},
		{"not an integer", get("/2/tweets/search/recent?query=cat&max_results=ten"), recent, []want{e(CodeNotInteger, "max_results")}},
		{"recent max_results below", get("/2/tweets/search/recent?query=cat&max_results=5"), recent, []want{e(CodeOutOfRange, "max_results")}},
		{"recent max_results above", get("/2/tweets/search/recent?query=cat&max_results=101"), recent, []want{e(CodeOutOfRange, "max_results")}},
		{"recent max_results edges", get("/2/tweets/search/recent?query=cat&max_results=100"), recent, nil},
		{"full-archive 500 ok", get("/2/tweets/search/all?query=cat&max_results=500"), "GET /2/tweets/search/all", nil},
		{"full-archive 501", get("/2/tweets/search/all?query=cat&max_results=501"), "GET /2/tweets/search/all", []want{e(CodeOutOfRange, "max_results")}},
		{"timeline 5 ok", get("/2/users/2244994945/tweets?max_results=5"), "GET /2/users/{id}/tweets", nil},
		{"not a boolean", Request{Method: "POST", URL: "/2/tweets/search/stream/rules?dry_run=yes", Body: []byte(`{"add":[{"value":"cat"}]}`)}, "POST /2/tweets/search/stream/rules", []want{e(CodeNotBoolean, "dry_run")}},
		{"enum", get("/2/tweets/search/recent?query=cat&sort_order=newest"), recent, []want{e(CodeNotInEnum, "sort_order")}},
		{"enum list item", get("/2/tweets/search/recent?query=cat&tweet.fields=created_at,author_idd"), recent, []want{e(CodeNotInEnum, "tweet.fields")}},
		{"granularity", get("/2/tweets/counts/recent?query=cat&granularity=week"), "GET /2/tweets/counts/recent", []want{e(CodeNotInEnum, "granularity")}},
		{"id pattern path", get("/2/tweets/12a"), "GET /2/tweets/{id}", []want{e(CodePatternMismatch, "id")}},
		{"id too long", get("/2/tweets/12345678901234567890"), "GET /2/tweets/{id}", []want{e(CodePatternMismatch, "id")}},
		{"id pattern list item", get("/2/tweets?ids=1,x2"), "GET /2/tweets", []want{e(CodePatternMismatch, "ids")}},
		{"username pattern", get("/2/users/by/username/bad-name"), "GET /2/users/by/username/{username}", []want{e(CodePatternMismatch, "username")}},
		{"usernames list", get("/2/users/by?usernames=XDevelopers,toolongusername_x"), "GET /2/users/by", []want{e(CodePatternMismatch, "usernames")}},
		{"100 ids ok", get("/2/tweets?ids=" + ids(100)), "GET /2/tweets", nil},
		{"101 ids", get("/2/tweets?ids=" + ids(101)), "GET /2/tweets", []want{e(CodeTooManyItems, "ids")}},
		{"duplicate field", get("/2/tweets/20?tweet.fields=id,text,id"), "GET /2/tweets/{id}", []want{e(CodeDuplicateItem, "tweet.fields")}},
		{"empty list item", get("/2/tweets?ids=1,,2"), "GET /2/tweets", []want{w(CodeEmptyParameter, "ids")}},
		// issue 12: X accepts an empty optional list; a required one is X's recorded error
		{"empty optional expansions", get("/2/tweets?ids=1&expansions="), "GET /2/tweets", []want{w(CodeEmptyParameter, "expansions")}},
		{"empty optional tweet.fields", get("/2/tweets/search/recent?query=cat&tweet.fields="), recent, []want{w(CodeEmptyParameter, "tweet.fields")}},
		{"empty required ids", get("/2/tweets?ids="), "GET /2/tweets", []want{e(CodeEmptyParameter, "ids")}},
		{"max_results at its maximum", get("/2/tweets/search/recent?query=cat&max_results=100"), recent, nil},
		{"max_results at its minimum", get("/2/tweets/search/recent?query=cat&max_results=10"), recent, nil},
		{"bad date-time", get("/2/tweets/search/all?query=cat&start_time=yesterday"), "GET /2/tweets/search/all", []want{e(CodeBadDateTime, "start_time")}},
		{"minute-precision date-time", get("/2/tweets/search/all?query=cat&start_time=2021-01-01T00:00Z"), "GET /2/tweets/search/all", []want{w(CodeBadDateTime, "start_time")}},
		{"bad percent-encoding", get("/2/tweets/search/recent?query=%zz"), recent, []want{w(CodeBadEncoding, "query")}},
		{"plus is a space", get("/2/tweets/search/recent?query=cat+dog"), recent, nil},
		{"spec versions disagree: warning", get("/2/users/2244994945/followed_lists?pagination_token=" + strings.Repeat("a", 20)), "GET /2/users/{id}/followed_lists", []want{w(CodeBadLength, "pagination_token")}},
		{"before documented earliest time", get("/2/users/2244994945/tweets?start_time=2009-01-01T00:00:00Z"), "GET /2/users/{id}/tweets", []want{w(CodeTooEarly, "start_time")}},
	})
}

func ids(n int) string {
	parts := make([]string, n)
	for i := range parts {
		parts[i] = "1" + strings.Repeat("0", i%18)
		parts[i] = parts[i][:len(parts[i])-1] + string(rune('0'+i%10))
	}
	return strings.Join(parts, ",")
}

func TestVocabularies(t *testing.T) {
	runCases(t, []ruleCase{
		{"tweet vocabulary", get("/2/tweets/search/recent?query=cat&tweet.fields=author_id,referenced_tweets&expansions=referenced_tweets.id"), recent, nil},
		{"post vocabulary", get("/2/tweets/search/recent?query=cat&post.fields=article_title,note_post&expansions=referenced_posts,edit_history_post_ids"), recent, nil},
		{"mixed parameter names", get("/2/tweets/search/recent?query=cat&tweet.fields=id&post.fields=id"), recent, []want{w(CodeMixedVocabulary, "")}},
		{"mixed expansion", get("/2/tweets/search/recent?query=cat&tweet.fields=id&expansions=referenced_posts"), recent, []want{w(CodeMixedVocabulary, "")}},
		{"mixed user expansions", get("/2/users/by?usernames=XDevelopers&expansions=pinned_tweet_id,most_recent_post_id"), "GET /2/users/by", []want{w(CodeMixedVocabulary, "")}},
		{"neutral values do not count", get("/2/tweets/search/recent?query=cat&tweet.fields=id&expansions=author_id"), recent, nil},
		{"stream keeps tweet.fields", get("/2/tweets/search/stream?tweet.fields=id"), "GET /2/tweets/search/stream", nil},
		{"post.fields field not in tweet.fields", get("/2/tweets/20?tweet.fields=note_post"), "GET /2/tweets/{id}", []want{e(CodeNotInEnum, "tweet.fields")}},
	})
}

func TestCrossParameterRules(t *testing.T) {
	at := func(url string) Request { return Request{Method: "GET", URL: url, Now: now} }
	runCases(t, []ruleCase{
		{"start before end", get("/2/tweets/search/all?query=cat&start_time=2021-01-01T00:00:00Z&end_time=2021-02-01T00:00:00Z"), "GET /2/tweets/search/all", nil},
		{"start after end", get("/2/tweets/search/all?query=cat&start_time=2021-02-01T00:00:00Z&end_time=2021-01-01T00:00:00Z"), "GET /2/tweets/search/all", []want{w(CodeTimeOrder, "end_time")}},
		{"start after end where 2.167 states it", get("/2/users/1/mentions?start_time=2021-02-01T00:00:00Z&end_time=2021-01-01T00:00:00Z"), "GET /2/users/{id}/mentions", []want{e(CodeTimeOrder, "end_time")}},
		{"start equals end", get("/2/users/2244994945/tweets?start_time=2021-02-01T00:00:00Z&end_time=2021-02-01T00:00:00Z"), "GET /2/users/{id}/tweets", []want{w(CodeTimeOrder, "end_time")}},
		{"since_id not below until_id", get("/2/users/2244994945/tweets?since_id=20&until_id=10"), "GET /2/users/{id}/tweets", []want{e(CodeIDOrder, "until_id")}},
		{"since_id below until_id", get("/2/users/2244994945/tweets?since_id=10&until_id=20"), "GET /2/users/{id}/tweets", nil},
		{"since_id with start_time", get("/2/tweets/search/all?query=cat&since_id=1&start_time=2021-01-01T00:00:00Z"), "GET /2/tweets/search/all", []want{e(CodeIDTimeMix, "since_id")}},
		{"until_id with start_time: warning", get("/2/tweets/search/all?query=cat&until_id=1&start_time=2021-01-01T00:00:00Z"), "GET /2/tweets/search/all", []want{w(CodeIDTimeMix, "until_id")}},
		{"timeline id+time allowed", get("/2/users/2244994945/tweets?since_id=1&start_time=2021-01-01T00:00:00Z"), "GET /2/users/{id}/tweets", nil},
		{"both pagination tokens", get("/2/tweets/search/recent?query=cat&next_token=a&pagination_token=b"), recent, []want{e(CodeExclusive, "next_token")}},
		{"full archive too old", get("/2/tweets/search/all?query=cat&start_time=2006-01-01T00:00:00Z"), "GET /2/tweets/search/all", []want{e(CodeStartTooOld, "start_time")}},
		{"counts all too old", get("/2/tweets/counts/all?query=cat&start_time=2006-03-20T23:59:59Z"), "GET /2/tweets/counts/all", []want{e(CodeStartTooOld, "start_time")}},
		{"recent window ok", at("/2/tweets/search/recent?query=cat&start_time=2026-11-19T00:00:00Z&end_time=2026-11-25T11:59:00Z"), recent, nil},
		{"recent start too old", at("/2/tweets/search/recent?query=cat&start_time=2026-11-17T00:00:00Z"), recent, []want{e(CodeStartTooOld, "start_time")}},
		{"recent start at the edge: warning", at("/2/tweets/search/recent?query=cat&start_time=2026-11-18T11:59:30Z"), recent, []want{w(CodeStartTooOld, "start_time")}},
		{"counts recent start too old", at("/2/tweets/counts/recent?query=cat&start_time=2026-11-01T00:00:00Z"), "GET /2/tweets/counts/recent", []want{e(CodeStartTooOld, "start_time")}},
		{"end within 10 s", at("/2/tweets/search/recent?query=cat&end_time=2026-11-25T11:59:55Z"), recent, []want{e(CodeEndTooRecent, "end_time")}},
		{"end exactly 10 s before", at("/2/tweets/search/recent?query=cat&end_time=2026-11-25T11:59:50Z"), recent, nil},
		{"end in future on full archive", at("/2/tweets/search/all?query=cat&end_time=2026-12-01T00:00:00Z"), "GET /2/tweets/search/all", []want{e(CodeEndTooRecent, "end_time")}},
		{"start within 10 s: warning", at("/2/tweets/search/recent?query=cat&start_time=2026-11-25T11:59:55Z"), recent, []want{w(CodeStartTooRecent, "start_time")}},
		{"no now, no window rules", get("/2/tweets/search/recent?query=cat&start_time=2020-01-01T00:00:00Z&end_time=2030-01-01T00:00:00Z"), recent, nil},
		{"stale since_id", at("/2/tweets/search/recent?query=cat&since_id=1"), recent, []want{e(CodeSinceIDTooOld, "since_id")}},
		{"fresh since_id", at("/2/tweets/search/recent?query=cat&since_id=2124000000000000000"), recent, nil},
		{"timeline ignores windows", at("/2/users/2244994945/tweets?start_time=2020-01-01T00:00:00Z"), "GET /2/users/{id}/tweets", nil},
	})
}

const rules = "POST /2/tweets/search/stream/rules"

func post(url, body string) Request {
	return Request{Method: "POST", URL: url, Body: []byte(body), Headers: map[string]string{"Content-Type": "application/json"}}
}

func TestBodies(t *testing.T) {
	runCases(t, []ruleCase{
		{"create post", post("/2/tweets", `{"text":"Hello"}`), "POST /2/tweets", nil},
		{"create post with poll", post("/2/tweets", `{"text":"Q?","poll":{"options":["yes","no"],"duration_minutes":60}}`), "POST /2/tweets", nil},
		{"missing body", Request{Method: "POST", URL: "/2/tweets"}, "POST /2/tweets", []want{e(CodeBodyMissing, "")}},
		{"syntax error", post("/2/tweets", "{\"text\": \"hi\",\n  \"x\": }"), "POST /2/tweets", []want{e(CodeBodySyntax, "body")}},
		{"truncated", post("/2/tweets", `{"text": "hi"`), "POST /2/tweets", []want{e(CodeBodySyntax, "body")}},
		{"trailing data", post("/2/tweets", `{"text": "hi"} {}`), "POST /2/tweets", []want{e(CodeBodySyntax, "body")}},
		{"wrong type", post("/2/tweets", `{"text": 5}`), "POST /2/tweets", []want{e(CodeBodySchema, "#/text")}},
		{"unknown field", post("/2/tweets", `{"txt": "hi"}`), "POST /2/tweets", []want{e(CodeBodySchema, "#")}},
		{"enum in body", post("/2/tweets", `{"text":"hi","reply_settings":"everyone"}`), "POST /2/tweets", []want{e(CodeBodySchema, "#/reply_settings")}},
		{"content type", Request{Method: "POST", URL: "/2/tweets", Body: []byte(`{"text":"hi"}`), Headers: map[string]string{"content-type": "text/plain"}}, "POST /2/tweets", []want{w(CodeContentType, "")}},
		{"content type with charset", Request{Method: "POST", URL: "/2/tweets", Body: []byte(`{"text":"hi"}`), Headers: map[string]string{"Content-Type": "application/json; charset=utf-8"}}, "POST /2/tweets", nil},
		{"multipart not checked", Request{Method: "POST", URL: "/2/media/upload", Body: []byte("--x--"), Headers: map[string]string{"Content-Type": "multipart/form-data; boundary=x"}}, "POST /2/media/upload", []want{w(CodeBodyNotChecked, "")}},
		{"body on GET", Request{Method: "GET", URL: "/2/tweets/20", Body: []byte(`{}`)}, "GET /2/tweets/{id}", []want{w(CodeBodyUnexpected, "")}},
		{"rule add", post("/2/tweets/search/stream/rules", `{"add":[{"value":"cat has:images","tag":"cats"}]}`), rules, nil},
		{"rule delete", post("/2/tweets/search/stream/rules", `{"delete":{"ids":["1165037377523306498"]}}`), rules, nil},
		{"rule delete_all", Request{Method: "POST", URL: "/2/tweets/search/stream/rules?delete_all=true"}, rules, nil},
		{"rule add and delete", post("/2/tweets/search/stream/rules", `{"add":[{"value":"cat"}],"delete":{"ids":["1"]}}`), rules, []want{e(CodeExactlyOne, "")}},
		{"rule delete_all with body", post("/2/tweets/search/stream/rules?delete_all=true", `{"add":[{"value":"cat"}]}`), rules, []want{e(CodeExactlyOne, "")}},
		{"rule delete_all with dry_run", Request{Method: "POST", URL: "/2/tweets/search/stream/rules?delete_all=true&dry_run=true"}, rules, []want{w(CodeDeleteAllAlone, "dry_run")}},
		{"rule no body", Request{Method: "POST", URL: "/2/tweets/search/stream/rules"}, rules, []want{e(CodeExactlyOne, "")}},
		{"rule empty object", post("/2/tweets/search/stream/rules", `{}`), rules, []want{e(CodeExactlyOne, "")}},
		{"rule field typo", post("/2/tweets/search/stream/rules", `{"add":[{"value":"cat","tga":"x","zzz":1}]}`), rules, []want{w(CodeUnknownRuleField, "#/add/0/tga"), w(CodeUnknownRuleField, "#/add/0/zzz")}},
		{"rule missing value", post("/2/tweets/search/stream/rules", `{"add":[{"tag":"x"}]}`), rules, []want{e(CodeBodySchema, "#/add/0")}},
		{"rule bad id", post("/2/tweets/search/stream/rules", `{"delete":{"ids":["abc"]}}`), rules, []want{e(CodeBodySchema, "#/delete/ids/0")}},
		{"community note text lookahead repaired", post("/2/notes", `{"test_mode":true,"post_id":"1","info":{"text":"see https://example.com","classification":"misinformed_or_potentially_misleading","misleading_tags":["factual_error"],"trustworthy_sources":true}}`), "POST /2/notes", nil},
	})
}

func TestProblem(t *testing.T) {
	res := Validate(get("/2/tweets/search/recent?query=cat&max_results=5&tweet.fields=idd&tweet.fields=x&sort_order=bad"))
	if res.Problem == nil {
		t.Fatal("no problem")
	}
	p := res.InvalidRequest()
	if res.Status != 400 {
		t.Errorf("status = %d, want 400", res.Status)
	}
	if p.Type != "https://api.x.com/2/problems/invalid-request" || p.Title != "Invalid Request" || p.Detail != "One or more parameters to your request was invalid." {
		t.Errorf("problem fields = %+v", p)
	}
	var got []string
	for _, item := range p.Errors {
		for k, v := range item.Parameters {
			got = append(got, k+"="+strings.Join(v, "|")+": "+item.Message)
		}
	}
	want := []string{
		"max_results=5: The `max_results` query parameter value [5] is not between 10 and 100",
		"tweet.fields=idd: The `tweet.fields` query parameter value [idd] is not one of [" + enumList(t, "tweet.fields") + "]",
		"sort_order=bad: The `sort_order` query parameter value [bad] is not one of [recency,relevancy]",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("errors[] =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// An empty list parameter carries an empty value list, as X sends it.
	res = Validate(get("/2/tweets?ids="))
	if p := res.InvalidRequest(); len(p.Errors) != 1 || p.Errors[0].Message != "The ids query parameter can not be empty" || len(p.Errors[0].Parameters["ids"]) != 0 {
		t.Errorf("empty ids problem = %+v", p.Errors)
	}
}

func enumList(t *testing.T, name string) string {
	op, _ := match("GET", []string{"2", "tweets", "search", "recent"})
	p := op.Param(name, InQuery)
	if p == nil {
		t.Fatalf("no %s", name)
	}
	var vals []string
	for _, e := range p.Enum {
		vals = append(vals, e.Value)
	}
	return strings.Join(vals, ",")
}

func TestPageTokenHint(t *testing.T) {
	res := Validate(get("/2/users/2244994945/tweets?next_token=abc"))
	if len(res.Diagnostics) != 1 || res.Diagnostics[0].Hint != "this endpoint pages with `pagination_token`, not `next_token`" {
		t.Errorf("diagnostics = %+v", res.Diagnostics)
	}
}

func TestSuggest(t *testing.T) {
	tests := []struct{ in, want string }{
		{"pagination_tokn", "pagination_token"},
		{"max_result", "max_results"},
		{"author_idd", "author_id"},
		{"zzzzzz", ""},
		{"", ""},
	}
	names := []string{"pagination_token", "max_results", "author_id", "id", "next_token"}
	for _, tt := range tests {
		if got := suggest(tt.in, names); got != tt.want {
			t.Errorf("suggest(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestLineColumn(t *testing.T) {
	text := []byte("{\n  \"a\": é,\n}")
	tests := []struct{ off, line, col int }{{0, 1, 1}, {2, 2, 1}, {9, 2, 8}, {11, 2, 9}, {100, 3, 2}}
	for _, tt := range tests {
		if l, c := lineColumn(text, tt.off); l != tt.line || c != tt.col {
			t.Errorf("lineColumn(%d) = %d:%d, want %d:%d", tt.off, l, c, tt.line, tt.col)
		}
	}
}

func TestParseQuery(t *testing.T) {
	pairs, diags := parseQuery("a=plain&b=x+y&c=a%2Cb%2cc&&d=%E2%9C%93&e&f=%zz&g%41=1")
	var got []string
	for _, p := range pairs {
		got = append(got, fmt.Sprintf("%s=%s/%v", p.name, p.value, p.bad))
	}
	want := "a=plain/false b=x y/false c=a,b,c/false d=✓/false e=/false f=%zz/true gA=1/false"
	if strings.Join(got, " ") != want {
		t.Errorf("pairs = %s\nwant    %s", strings.Join(got, " "), want)
	}
	if len(diags) != 1 || diags[0].Code != CodeBadEncoding || diags[0].Value != "f=%zz" {
		t.Errorf("diags = %+v", diags)
	}
}

// Edges of the one-pass scan: escapes that run into a separator, encoded
// separators, a second '=', empty names.
func TestParseQueryEdges(t *testing.T) {
	tests := []struct{ raw, want string }{
		{"x=%4&y=1", "x=%4/true y=1/false"},
		{"n%=1&m=%", "n%=1/true m=%/true"},
		{"%2B=%26&z==q", "+=&/false z==q/false"},
		{"=v&+=+", "=v/false  = /false"},
		{"k=a%2", "k=a%2/true"},
		{"a=%41%42&b=%4g", "a=AB/false b=%4g/true"},
		{"plain", "plain=/false"},
		{"&&", ""},
		// past the stack array: validated, then decoded into the buffer
		{"q=" + strings.Repeat("a%20", 80) + "&r=1", "q=" + strings.Repeat("a ", 80) + "/false r=1/false"},
		{"q=" + strings.Repeat("a%20", 80) + "%2", "q=" + strings.Repeat("a%20", 80) + "%2/true"},
		{strings.Repeat("n", 300) + "+=" + "%41", strings.Repeat("n", 300) + " =A/false"},
	}
	for _, tt := range tests {
		pairs, _ := parseQuery(tt.raw)
		var got []string
		for _, p := range pairs {
			got = append(got, fmt.Sprintf("%s=%s/%v", p.name, p.value, p.bad))
		}
		if g := strings.Join(got, " "); g != tt.want {
			t.Errorf("parseQuery(%q) = %q, want %q", tt.raw, g, tt.want)
		}
	}
}
