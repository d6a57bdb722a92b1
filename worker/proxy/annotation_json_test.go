package proxy

import "testing"

func checkAnnotationJSON(t testing.TB, a Annotation) {
	t.Helper()
	checkAppendJSON(t, a, annotationFields(a))
}

func TestAnnotationJSONMatchesEncodingJSON(t *testing.T) {
	ms := func(v int64) *int64 { return &v }
	hostile := "q\"b\\s\x00\x1f\n<>&\u2028\u2029\xff猫"
	for _, a := range []Annotation{
		{},
		{Class: "success", RoomUntil: 1700000060000},
		{Class: "rate-limited", RetryAfterMs: ms(900000)},
		{Class: "server-error", RetryAfterMs: ms(0), RoomUntil: -1},
		{Class: "transient", RetryAfterMs: ms(-5), Reason: "adviseRetry panicked: " + hostile},
		{Class: hostile, Reason: hostile, RoomUntil: 1},
		{Class: "success", StatusOnly: "unknown-coding", RoomUntil: 1},
		{Class: "server-error", RetryAfterMs: ms(1000), StatusOnly: hostile, Reason: hostile},
		{Class: "rate-limited", Block: &Block{Until: 1700000900000, Headers: Headers{"x-rate-limit-reset": "1700000900", "x-rate-limit-remaining": "0"}}},
		{Class: "rate-limited", Block: &Block{Until: 1, Headers: Headers{hostile: hostile}}, Reason: hostile, RoomUntil: 5},
		{Class: "success", Block: &Block{}},
	} {
		checkAnnotationJSON(t, a)
	}
}

// TestAnnotationJSONOfRealAnswers: Annotate's answers for X's usual ones.
func TestAnnotationJSONOfRealAnswers(t *testing.T) {
	body429 := `{"title":"Too Many Requests","type":"about:blank","status":429,"detail":"Too Many Requests"}`
	plain := `{"data":[]}`
	for _, out := range []Outbound{
		{Method: "GET", Target: benchTarget, Status: 200, Body: &plain, Headers: Headers{"x-rate-limit-remaining": "449", "x-rate-limit-reset": "1700000900"}},
		{Method: "GET", Target: benchTarget, Status: 429, Body: &body429, Random: 0.5, Headers: Headers{"x-rate-limit-remaining": "0", "x-rate-limit-reset": "1700000900"}},
		{Method: "GET", Target: benchTarget, Status: 503, Body: &plain, Random: 0.5, Headers: Headers{}},
		{Method: "GET", Target: "/2/tweets/search/stream", Status: 200, Stream: true, Headers: Headers{}},
	} {
		out.Now = 1_700_000_000_000
		checkAnnotationJSON(t, Annotate(out))
	}
}

func FuzzAnnotationJSON(f *testing.F) {
	f.Add("success", false, int64(0), int64(1700000060000), "", false)
	f.Add("rate-limited", true, int64(900000), int64(0), "", true)
	f.Add("a\"<b\u2028", true, int64(-1), int64(-1), "x\xff", false)
	f.Fuzz(func(t *testing.T, class string, retry bool, retryMs, room int64, reason string, block bool) {
		a := Annotation{Class: class, RoomUntil: room, Reason: reason, StatusOnly: reason + class}
		if retry {
			a.RetryAfterMs = &retryMs
		}
		if block {
			a.Block = &Block{Until: room, Headers: Headers{reason: class}}
		}
		checkAnnotationJSON(t, a)
	})
}
