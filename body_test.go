package xpreflight

import (
	"bytes"
	"io"
	"strings"
	"testing"

	"github.com/xpreflight/xpreflight/core/apierr"
)

// TestPlainObject: the shortcut says "plain" only for bodies core/apierr
// classes success; anything that might hold a problem is classed in full.
func TestPlainObject(t *testing.T) {
	tests := []struct {
		body  string
		plain bool
	}{
		{`{"data":[{"id":"1","text":"hi"}],"meta":{"result_count":1}}`, true},
		{" \r\n\t{\"data\":{}}", true},
		{`{"data":[],"errors":[{"type":"https://api.x.com/2/problems/resource-not-found"}]}`, false},
		{`{"title":"x","type":"about:blank"}`, false},
		{`{"\u0065rrors":[{"code":88}]}`, false}, // an escaped key still names errors
		{`{"\u0074ype":"about:blank"}`, false},
		{`{"data":{"text":"a prototype"}}`, false},  // conservative: ends like "type", so classed in full
		{`{"data":{"text":"\"prototype\""}}`, true}, // an escaped quote ends no key
		{`{"data":{"text":"😀 \ud83d\ude00"}}`, true},
		{`[]`, false},
		{``, false},
		{`not json`, false},
	}
	for _, tc := range tests {
		got := plainObject([]byte(tc.body))
		if got != tc.plain {
			t.Errorf("plainObject(%s) = %v, want %v", tc.body, got, tc.plain)
		}
		if got {
			if c := apierr.Classify(apierr.Response{Status: 200, Body: []byte(tc.body)}).Class; c != apierr.Success {
				t.Errorf("%s: plain, but core/apierr classes it %s", tc.body, c)
			}
		}
	}
}

// TestReadBody: bounded reads, whatever the declared length says.
func TestReadBody(t *testing.T) {
	const max = 16
	tests := []struct {
		name     string
		body     string
		length   int64
		wantBuf  string
		wantRest bool
		wantErr  bool
	}{
		{"known length", "0123456789", 10, "0123456789", false, false},
		{"unknown length", "0123456789", -1, "0123456789", false, false},
		{"length 0 means unknown for requests", "0123", 0, "0123", false, false},
		{"declared short: the rest is read too", "0123456789", 4, "0123456789", false, false},
		{"over the bound", strings.Repeat("x", 20), -1, strings.Repeat("x", 17), true, false},
		{"declared short and over the bound", strings.Repeat("x", 40), 4, strings.Repeat("x", 17), true, false},
		{"declared long: broke off", "0123", 10, "", false, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			buf, rest, err := readBody(io.NopCloser(strings.NewReader(tc.body)), tc.length, max)
			if (err != nil) != tc.wantErr || string(buf) != tc.wantBuf || (rest != nil) != tc.wantRest {
				t.Fatalf("buf %q rest %v err %v", buf, rest != nil, err)
			}
			if rest != nil { // what was read plus the rest is the whole body
				more, _ := io.ReadAll(rest)
				if !bytes.Equal(append(buf, more...), []byte(tc.body)) {
					t.Fatal("bytes lost")
				}
			}
		})
	}
}
