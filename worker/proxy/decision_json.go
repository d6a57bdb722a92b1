package proxy

import (
	"encoding/json"
	"strconv"

	"github.com/xpreflight/xpreflight/internal/jsonstr"
)

// decisionFields is Decision without its methods: what encoding/json
// writes for it, by its struct tags.
type decisionFields Decision

// AppendJSON appends d's JSON to dst: the bytes encoding/json.Marshal writes
// for it (the same fields, order, omitempty and escaping; decision_json_test.go
// proves it), without reflection, which under wasm cost more than deciding.
// A rejection's problem body is a json.RawMessage that encoding/json
// compacts and re-escapes; those rarer answers take encoding/json itself,
// and its error when such a body is not JSON (our bug).
func (d Decision) AppendJSON(dst []byte) ([]byte, error) {
	if d.Problem != nil {
		b, err := json.Marshal(decisionFields(d))
		return append(dst, b...), err
	}
	dst = append(dst, `{"forward":`...)
	dst = strconv.AppendBool(dst, d.Forward)
	if d.Status != 0 {
		dst = append(dst, `,"status":`...)
		dst = strconv.AppendInt(dst, int64(d.Status), 10)
	}
	dst = appendField(dst, "path", d.Path)
	dst = appendField(dst, "authorization", d.Authorization)
	dst = appendField(dst, "auth", string(d.Auth))
	dst = appendField(dst, "key", d.Key)
	dst = appendField(dst, "client", d.Client)
	if d.Stream {
		dst = append(dst, `,"stream":true`...)
	}
	dst = appendField(dst, "route", d.Route)
	dst = append(dst, `,"validator":`...)
	dst = jsonstr.AppendString(dst, d.Validator)
	dst = appendField(dst, "reason", d.Reason)
	dst = appendField(dst, "warnings", d.Warnings)
	return append(dst, '}'), nil
}

// appendField appends ,"name":value for a string field tagged omitempty.
func appendField(dst []byte, name, value string) []byte {
	if value == "" {
		return dst
	}
	dst = append(dst, ',', '"')
	dst = append(dst, name...)
	dst = append(dst, '"', ':')
	return jsonstr.AppendString(dst, value)
}
