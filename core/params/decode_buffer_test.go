package params

import (
	"fmt"
	"testing"
)

// A Result keeps the decoded text its diagnostics refer to, whatever is
// validated afterwards: a buffer whose strings were returned is never
// pooled again.
func TestDecodedTextOutlivesLaterRequests(t *testing.T) {
	bad := Validate(Request{Method: "GET", URL: "/2/tweets/search/recent?query=a&tweet.fields=created_at%2Cnope%2Clang"})
	want := fmt.Sprintf("%+v", bad.Diagnostics)
	if bad.Valid || len(bad.Diagnostics) == 0 {
		t.Fatalf("expected a finding about nope: %s", want)
	}
	for i := range 200 {
		Validate(Request{Method: "GET", URL: fmt.Sprintf("/2/tweets/search/recent?query=%%22x%%20%d%%22&tweet.fields=lang%%2Cid", i)})
		Validate(Request{Method: "GET", URL: fmt.Sprintf("/2/tweets/search/recent?query=y%%20%d&tweet.fields=xx%%2Cid", i)})
	}
	if got := fmt.Sprintf("%+v", bad.Diagnostics); got != want {
		t.Errorf("diagnostics changed after later requests:\n got %s\nwant %s", got, want)
	}
}

// Decoding straight into the buffer hands out consecutive strings and
// starts a new array, without touching the old one, when full.
func TestDecodeBufferNeverRewritesHandedOutBytes(t *testing.T) {
	var d decodeBuffer
	var got []string
	for i := range 100 {
		s := fmt.Sprintf("piece-%03d", i)
		n := copy(d.room(len(s)), s)
		got = append(got, d.take(n))
	}
	for i, s := range got {
		if want := fmt.Sprintf("piece-%03d", i); s != want {
			t.Fatalf("string %d = %q, want %q", i, s, want)
		}
	}
	if d.take(0) != "" {
		t.Error("take(0) should be empty")
	}
}

// The scanner says which values are text in the pooled buffer, so that
// checkQuery copies exactly those before they leave the package.
func TestScannerMarksValuesInBuffer(t *testing.T) {
	s := queryScanner{raw: "query=a%20b&max_results=10&q%2Bx=plain&tweet.fields=id+text&bad=%zz"}
	var got []string
	for {
		name, value, bad, _, ok := s.next()
		if !ok {
			break
		}
		got = append(got, fmt.Sprintf("%s=%s inBuf=%v bad=%v", name, value, s.inBuf, bad))
	}
	want := []string{
		"query=a b inBuf=true bad=false",
		"max_results=10 inBuf=false bad=false",
		"q+x=plain inBuf=false bad=false",
		"tweet.fields=id text inBuf=true bad=false",
		"bad=%zz inBuf=false bad=true",
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("pairs:\n got %q\nwant %q", got, want)
	}
}
