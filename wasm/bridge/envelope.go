package bridge

import (
	"encoding/json"
	"fmt"

	"github.com/xpreflight/xpreflight/core/wire"
)

// Result encodes v as the wire contract's success envelope.
func Result(v any) []byte {
	out, err := json.Marshal(struct {
		OK     bool `json:"ok"`
		Result any  `json:"result"`
	}{true, v})
	if err != nil {
		return Fail(wire.CodeInternal, "encoding the result: %v", err)
	}
	return out
}

// Fail encodes the wire contract's failure envelope; code is one of
// core/wire's Code* constants.
func Fail(code, format string, args ...any) []byte {
	out, err := json.Marshal(struct {
		OK    bool       `json:"ok"`
		Error wire.Error `json:"error"`
	}{false, wire.Error{Code: code, Message: fmt.Sprintf(format, args...)}})
	if err != nil { // two strings always encode; keep the promise anyway
		return []byte(`{"ok":false,"error":{"code":"internal","message":"encoding an error failed"}}`)
	}
	return out
}
