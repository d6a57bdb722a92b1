package wire

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestValidatePost(t *testing.T) {
	over := strings.Repeat("語", 141)
	cases := []struct {
		name, in string
		errCode  string // bad-input expected
		valid    bool
		diag     string // code of the first diagnostic, severity-prefixed
		maxLen   int
	}{
		{"default v3", `{"text":"hello"}`, "", true, "", 280},
		{"v2", `{"text":"hello","config":"v2"}`, "", true, "", 280},
		{"bad config", `{"text":"x","config":"v4"}`, CodeBadInput, false, "", 0},
		{"missing text", `{"config":"v3"}`, CodeBadInput, false, "", 0},
		{"text not a string", `{"text":5}`, CodeBadInput, false, "", 0},
		{"unknown field", `{"text":"x","long":true}`, CodeBadInput, false, "", 0},
		{"over, long posts unknown", `{"text":"` + over + `"}`, "", true, "warning:post-long-form", 280},
		{"over, no long posts", `{"text":"` + over + `","longPosts":false}`, "", false, "error:post-too-long", 280},
		{"over, long posts", `{"text":"` + over + `","longPosts":true}`, "", true, "", 25000},
		{"lone surrogate from JS", `{"text":"a\ud83d"}`, "", true, "", 280},
		{"invalid char", `{"text":"a\ufffe"}`, "", false, "error:post-invalid-character", 280},
	}
	for _, c := range cases {
		var env struct {
			OK     bool       `json:"ok"`
			Result PostResult `json:"result"`
			Error  *Error     `json:"error"`
		}
		if err := json.Unmarshal(Handle("validatePost", []byte(c.in)), &env); err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if c.errCode != "" {
			if env.OK || env.Error == nil || env.Error.Code != c.errCode {
				t.Errorf("%s: want error %s, got %+v", c.name, c.errCode, env)
			}
			continue
		}
		r := env.Result
		diag := ""
		if len(r.Diagnostics) > 0 {
			diag = r.Diagnostics[0].Severity + ":" + r.Diagnostics[0].Code
		}
		if !env.OK || r.Valid != c.valid || diag != c.diag || r.MaxLength != c.maxLen {
			t.Errorf("%s: got ok=%v valid=%v diag=%q max=%d", c.name, env.OK, r.Valid, diag, r.MaxLength)
		}
	}
}
