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
	buf := answerBuf[:0]
	if buf == nil {
		buf = make([]byte, 0, 256)
	}
	out, err := v.AppendJSON(append(buf, envelopeOK...))
	if err != nil {
		return Fail(wire.CodeInternal, "encoding the result: %v", err)
	}
	out = append(out, '}')
	if answerBuf != nil && cap(out) <= maxAnswerBuf {
		answerBuf = out
	}
	return out
}

// answerBuf is, while Serve runs, the buffer AppendedResult writes into call
// after call: JS copies an answer out (bridge.mjs) before it makes its next
// call, so the last answer's bytes are free when the next is written, and
// the Worker's decide, called on every request, allocates no answer. Outside
// Serve (native callers keep their answers) it is nil: every answer has its
// own buffer.
var answerBuf []byte

// maxAnswerBuf bounds the buffer kept for the next call.
const maxAnswerBuf = 64 << 10

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
