package apierr

import (
	"bytes"
	"encoding/json"
)

// PlainSuccess reports, without parsing, that a 2xx answer's body is a
// complete JSON object naming no "errors" and no "type" key (nor spelling
// a letter as a \u00XX escape, which could hide one): such a body carries
// no problem and no partial error, so Classify says success. It may say no
// to a plain body (which the caller then classes in full), never yes to
// one Classify would class otherwise; FuzzPlainSuccessAgrees holds that.
// Callers that only need the class (the Worker's header, the Go
// Transport) skip the parse for the common answer;
// BenchmarkPlainSuccess shows what that saves.
func PlainSuccess(status int, body []byte) bool {
	if status < 200 || status > 299 {
		return false
	}
	b := bytes.TrimLeft(body, " \t\r\n")
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
	// Every "errors" or "type" key contains one of these.
	if bytes.Contains(b, []byte(`rrors"`)) || bytes.Contains(b, []byte(`ype"`)) {
		return false
	}
	// A body cut off or malformed is no plain success: Classify calls it
	// unknown.
	return json.Valid(b)
}
