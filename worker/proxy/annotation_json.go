package proxy

import (
	"encoding/json"
	"strconv"

	"github.com/xpreflight/xpreflight/internal/jsonstr"
)

// annotationFields is Annotation without its methods: what encoding/json
// writes for it, by its struct tags.
type annotationFields Annotation

// AppendJSON appends a's JSON to dst: the bytes encoding/json.Marshal
// writes for it (annotation_json_test.go proves it), without reflection,
// which under wasm cost a measurable part of the Worker's annotate call. A
// block (a map, which encoding/json writes sorted) is rare: those answers
// take encoding/json itself.
func (a Annotation) AppendJSON(dst []byte) ([]byte, error) {
	if a.Block != nil {
		b, err := json.Marshal(annotationFields(a))
		return append(dst, b...), err
	}
	dst = append(dst, `{"class":`...)
	dst = jsonstr.AppendString(dst, a.Class)
	if a.RetryAfterMs != nil {
		dst = append(dst, `,"retryAfterMs":`...)
		dst = strconv.AppendInt(dst, *a.RetryAfterMs, 10)
	}
	dst = appendField(dst, "statusOnly", a.StatusOnly)
	dst = appendField(dst, "reason", a.Reason)
	if a.RoomUntil != 0 {
		dst = append(dst, `,"roomUntil":`...)
		dst = strconv.AppendInt(dst, a.RoomUntil, 10)
	}
	return append(dst, '}'), nil
}
