package bridge

import (
	"encoding/json"
	"fmt"

	"github.com/xpreflight/xpreflight/core/wire"
)

// Appender is a result that encodes itself: AppendJSON appends exactly what
// encoding/json.Marshal would write for it (or fails as Marshal would).
// Result then writes the envelope around it without reflection, which
// under wasm cost more than the Worker's decide itself.
type Appender interface {
	AppendJSON(dst []byte) ([]byte, error)
}

// envelopeOK opens a success envelope; Result closes it with '}'.
const envelopeOK = `{"ok":true,"result":`

// Result encodes v as the wire contract's success envelope; an Appender
// encodes itself.
func Result(v any) []byte {
	if a, ok := v.(Appender); ok {
		return AppendedResult(a)
	}
	out, err := json.Marshal(struct {
		OK     bool `json:"ok"`
		Result any  `json:"result"`
	}{true, v})
	if err != nil {
		return Fail(wire.CodeInternal, "encoding the result: %v", err)
	}
	return out
}

// AppendedResult is Result for an Appender, without the copy to the heap
// that passing a large struct as an any costs.
func AppendedResult[T Appender](v T) []byte {
	out, err := v.AppendJSON(append(make([]byte, 0, 256), envelopeOK...))
	if err != nil {
		return Fail(wire.CodeInternal, "encoding the result: %v", err)
	}
	return append(out, '}')
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
