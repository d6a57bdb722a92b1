package wire

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
)

// Error codes of a failed call.
const (
	CodeBadInput  = "bad-input"
	CodeUnknownOp = "unknown-op"
	CodeInternal  = "internal"
)

// Error is a failed call: the op could not judge its input at all.
type Error struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

func (e *Error) Error() string { return e.Code + ": " + e.Message }

type envelope struct {
	OK     bool   `json:"ok"`
	Result any    `json:"result,omitempty"`
	Error  *Error `json:"error,omitempty"`
}

// op decodes its own input and returns a value to encode as the result.
type op func(request []byte) (any, error)

// ops is the table of every operation; each lives in its own file. Only the
// query linter is listed here: the other ops pull in JSON Schema validation,
// whose package init dominates start-up, so ops_full.go adds them in every
// build except the query-only one (-tags xpreflight_querylite leaves
// ops_full.go out; ops_lite_test.go checks what that build links).
var ops = map[string]op{
	"validateQuery": validateQuery,
}

// Ops lists the operation names Handle accepts, sorted.
func Ops() []string {
	names := make([]string, 0, len(ops))
	for name := range ops {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}

// Handle runs op on the JSON request and returns the JSON response. It never
// panics: a panic inside an op becomes an "internal" error.
func Handle(opName string, request []byte) (response []byte) {
	defer func() {
		if r := recover(); r != nil {
			response = encodeError(&Error{Code: CodeInternal, Message: fmt.Sprintf("%s panicked: %v", opName, r)})
		}
	}()
	run, ok := ops[opName]
	if !ok {
		return encodeError(&Error{Code: CodeUnknownOp, Message: fmt.Sprintf("unknown op %q; known ops: %v", opName, Ops())})
	}
	if len(request) > MaxRequestBytes(opName) {
		return encodeError(tooLarge(opName, len(request)))
	}
	result, err := run(request)
	if err != nil {
		var we *Error
		if !errors.As(err, &we) {
			we = &Error{Code: CodeInternal, Message: err.Error()}
		}
		return encodeError(we)
	}
	out, err := json.Marshal(envelope{OK: true, Result: result})
	if err != nil {
		return encodeError(&Error{Code: CodeInternal, Message: "encoding the result: " + err.Error()})
	}
	return out
}

func encodeError(e *Error) []byte {
	out, err := json.Marshal(envelope{Error: e})
	if err != nil { // cannot happen for two strings; keep the promise anyway
		return []byte(`{"ok":false,"error":{"code":"internal","message":"encoding an error failed"}}`)
	}
	return out
}

// decodeInput strictly decodes one JSON object into v: unknown fields, wrong
// types and trailing data are bad-input errors that name what is wrong.
func decodeInput(request []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(request))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return badInput("%s", describeDecodeError(request, err))
	}
	if _, err := dec.Token(); err != io.EOF {
		return badInput("unexpected data after the JSON object")
	}
	return nil
}

func describeDecodeError(request []byte, err error) string {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case len(bytes.TrimSpace(request)) == 0:
		return "empty request: expected a JSON object"
	case errors.As(err, &syn):
		return fmt.Sprintf("malformed JSON at byte %d: %v", syn.Offset, syn)
	case errors.As(err, &typ):
		return fmt.Sprintf("field %q: expected %s, got JSON %s (at byte %d)", typ.Field, typ.Type, typ.Value, typ.Offset)
	case errors.Is(err, io.ErrUnexpectedEOF):
		return "malformed JSON: unexpected end of input"
	default:
		return "malformed request: " + err.Error()
	}
}

func badInput(format string, args ...any) *Error {
	return &Error{Code: CodeBadInput, Message: fmt.Sprintf(format, args...)}
}
