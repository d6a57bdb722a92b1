package proxy

import "testing"

func TestAnnotateClassifiesStreamsByStatus(t *testing.T) {
	a := Annotate(Outbound{Method: "GET", Target: "/2/tweets/search/stream", Status: 200, Headers: Headers{}, Stream: true, Now: 1})
	if a.Class != "success" || a.RetryAfterMs != nil || a.Block != nil {
		t.Errorf("Annotate(stream 200) = %+v, want class success and nothing else", a)
	}
}
