package apierr

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xpreflight/xpreflight/core/internal/jsonnest"
)

func TestPlainSuccess(t *testing.T) {
	for _, tc := range []struct {
		status int
		body   string
		want   bool
	}{
		{200, `{"data":[{"id":"1","text":"cat"}],"meta":{"result_count":1}}`, true},
		{201, ` {"data":{"id":"1"}}`, true},
		{200, `{"data":[],"errors":[{"title":"Not Found Error"}]}`, false},
		{200, `{"data":[],"\u0065rrors":[{"title":"Not Found Error"}]}`, false}, // an escaped key
		{200, `{"title":"x","type":"https://api.x.com/2/problems/x"}`, false},
		{200, `{"data":1`, false}, // cut off
		{200, `{}{"errors":[]}`, false},
		{200, `[1,2]`, false},
		{200, ``, false},
		{404, `{"data":1}`, false},
		{200, `{"prototype":1,"media_type":"x","country_code":"JP","suberrors":[]}`, true}, // only the names themselves
		{200, `{"data":{"type":"photo"}}`, false},                                          // may say no to a plain body: classed in full
		{200, `{"data":{"text":"a\"type"}}`, false},                                        // an escaped quote before a name: classed in full
		{200, `{"\u0074ype":"about:blank"}`, false},
		{200, `{"data":{"text":"\"prototype\""}}`, true}, // an escaped quote ends no key
		{200, `{"data":{"text":"😀 \ud83d\ude00"}}`, true},
		{200, " \r\n\t{\"data\":{}}", true},
		{200, `not json`, false},
		// A bare legacy item is a problem, not success (Classify: legacy-N).
		{200, `{"code":88,"message":"Rate limit exceeded"}`, false},
		{200, `{"c\u006fde":88,"message":"Rate limit exceeded"}`, false},
		{200, `{"data":{"code":"x"}}`, false}, // may say no: the name anywhere
		// The grammar, as json.Valid reads it.
		{200, `{"a":[1,-0,0.5,-1.5e+10,2E-3,3e7,true,false,null,"s",{},[],[{}]]}`, true},
		{200, `{"a":01}`, false},
		{200, `{"a":1.}`, false},
		{200, `{"a":.5}`, false},
		{200, `{"a":-}`, false},
		{200, `{"a":1e}`, false},
		{200, `{"a":+1}`, false},
		{200, `{"a":tru}`, false},
		{200, `{"a":nul`, false},
		{200, `{"a":[1,]}`, false},
		{200, `{"a":1,}`, false},
		{200, `{"a" 1}`, false},
		{200, `{"a":1 "b":2}`, false},
		{200, `{a:1}`, false},
		{200, `{"a":[1}`, false},
		{200, `{"a":{]}`, false},
		{200, `{"a":1}}`, false},
		{200, `{"a":1} x`, false},
		{200, "{\"a\":1} \n", true},
		{200, "{\"a\":\"tab\there\"}", false}, // a raw control byte in a string
		{200, `{"a":"\x"}`, false},            // no such escape
		{200, `{"a":"\u12G4"}`, false},
		{200, `{"a":"\u12`, false},
		{200, `{"a":"\"}`, false},      // the escaped quote ends nothing
		{200, `{"a":"\\u0041"}`, true}, // an escaped backslash, then plain text
		{200, `{"a":"\u00e9\n\/\b\f\r\t\\\""}`, true},
		{200, "{\"a\":\"\xff\xfe\"}", true}, // json.Valid takes invalid UTF-8; so does Classify
		{200, `{"a":` + strings.Repeat("[", 63) + strings.Repeat("]", 63) + `}`, true},
		{200, `{"a":` + strings.Repeat("[", 64) + strings.Repeat("]", 64) + `}`, false}, // deeper than 64: classed in full
	} {
		if got := PlainSuccess(tc.status, []byte(tc.body)); got != tc.want {
			t.Errorf("PlainSuccess(%d, %q) = %v, want %v", tc.status, tc.body, got, tc.want)
		}
	}
}

func FuzzPlainSuccessAgrees(f *testing.F) {
	for _, s := range []string{`{"data":1}`, `{"errors":[]}`, `{"\u0074ype":"x"}`, `{`, `{"data":"\u00e9"}`,
		`{"code":88,"message":"x"}`, `{"data":[{"id":"1","n":-1.5e3,"ok":true,"x":null}],"meta":{}}`} {
		f.Add(200, s)
	}
	for _, b := range fixtureBodies(f) {
		f.Add(200, string(b))
	}
	f.Fuzz(func(t *testing.T, status int, body string) {
		if !PlainSuccess(status, []byte(body)) {
			return
		}
		if c := Classify(Response{Status: status, Body: []byte(body)}).Class; c != Success {
			t.Fatalf("PlainSuccess(%d, %q) but Classify says %s", status, body, c)
		}
	})
}

// BenchmarkPlainSuccess: the shortcut against the parse it skips, on a
// 20-post search answer.
func BenchmarkPlainSuccess(b *testing.B) {
	body := []byte(`{"data":[` + strings.TrimSuffix(strings.Repeat(`{"id":"1445880548472328192","text":"the cat sat on the mat","author_id":"2244994945","created_at":"2021-10-06T22:30:33.000Z"},`, 20), ",") + `],"meta":{"result_count":20,"newest_id":"1","oldest_id":"2"}}`)
	b.Run("PlainSuccess", func(b *testing.B) {
		for b.Loop() {
			if !PlainSuccess(200, body) {
				b.Fatal("not plain")
			}
		}
	})
	b.Run("json.Valid", func(b *testing.B) {
		for b.Loop() {
			json.Valid(body)
		}
	})
	b.Run("Classify", func(b *testing.B) {
		for b.Loop() {
			Classify(Response{Status: 200, Body: body})
		}
	})
}

// plainByText is PlainSuccess as it was before plainScan (three scans of
// the text, then json.Valid), plus a "code" rule: FuzzPlainScanIsValid
// holds that plainScan says yes wherever this does.
func plainByText(b []byte) bool {
	b = bytes.TrimLeft(b, " \t\r\n")
	if len(b) == 0 || b[0] != '{' {
		return false
	}
	for i := 0; ; {
		j := bytes.IndexByte(b[i:], '\\')
		if j < 0 {
			break
		}
		i += j + 1
		if rest := b[i:]; len(rest) >= 4 && rest[0] == 'u' && rest[1] == '0' && rest[2] == '0' && rest[3] >= '4' && rest[3] <= '7' {
			return false
		}
	}
	if bytes.Contains(b, []byte(`rrors"`)) || bytes.Contains(b, []byte(`ype"`)) || bytes.Contains(b, []byte(`ode"`)) {
		return false
	}
	_, deep := jsonnest.Deeper(b, 64)
	return !deep && json.Valid(b)
}

// FuzzPlainScanIsValid: plainScan never takes a body json.Valid refuses,
// and takes every body the text scans and json.Valid took (so it is no
// slower path to the same yes).
func FuzzPlainScanIsValid(f *testing.F) {
	for _, s := range []string{`{"data":[1,-0.5e3,true,null,"\u00e9"]}`, `{"a":01}`, `{"a":"\\u0041"}`, "{\"a\":\"\x01\"}", `{"a":[{}]`, `{"a":1}  `} {
		f.Add([]byte(s))
	}
	for _, b := range fixtureBodies(f) {
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		got := PlainSuccess(200, body)
		if got && !json.Valid(body) {
			t.Fatalf("PlainSuccess(%q) but json.Valid says no", body)
		}
		if plainByText(body) && !got {
			t.Fatalf("PlainSuccess(%q) says no where the text scans and json.Valid say yes", body)
		}
	})
}

// fixtureBodies are the recorded bodies of testdata/bodies, as fuzz seeds.
func fixtureBodies(tb testing.TB) [][]byte {
	entries, err := os.ReadDir(filepath.Join("testdata", "bodies"))
	if err != nil {
		tb.Fatal(err)
	}
	var out [][]byte
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join("testdata", "bodies", e.Name()))
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, b)
	}
	return out
}
