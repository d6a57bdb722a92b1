package apierr

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/xpreflight/xpreflight/core/internal/jsonnest"
	"github.com/xpreflight/xpreflight/core/params"
)

// Shape is what the body turned out to be.
type Shape string

// Body shapes, in the order Parse tries them.
const (
	ShapeEmpty      Shape = "empty"       // no bytes, or only white space
	ShapeNotJSON    Shape = "not-json"    // e.g. a plain-text 429 or an HTML 404
	ShapeNotObject  Shape = "not-object"  // valid JSON, but not an object
	ShapeProblem    Shape = "problem"     // a Problem at the top level
	ShapeErrors     Shape = "errors"      // {"errors":[…]} without data
	ShapeEnvelope   Shape = "envelope"    // {data?, includes?, meta?, errors?}
	ShapeStreamLine Shape = "stream-line" // one line of a v2 stream
	ShapeObject     Shape = "object"      // an error status with an object of neither kind
)

// body is the decoded top level of a response body. The caller's bytes are
// only read: every raw value is a copy made by encoding/json.
type body struct {
	shape    Shape
	top      map[string]json.RawMessage
	problems []Problem // top-level problem or the errors items, in order
}

// readBody decodes the top level, picks the shape, checks it against its
// schemas and collects the problems. Only the envelope keys and the error
// items are decoded fully: data and includes are checked for their JSON
// kind, which keeps parsing a large page cheap.
func readBody(resp Response, v *[]Violation) body {
	trimmed := bytes.TrimSpace(resp.Body)
	if len(trimmed) == 0 {
		if !emptyExpected(resp) {
			note(v, Violation{KeywordLocation: envelope, Message: fmt.Sprintf("body is empty; a %d response carries a JSON object", resp.Status)})
		}
		return body{shape: ShapeEmpty}
	}
	var top map[string]json.RawMessage
	if err := json.Unmarshal(trimmed, &top); err != nil || top == nil {
		return notAnObject(trimmed, len(resp.Body)-len(bytes.TrimLeft(resp.Body, " \t\r\n")), err, v)
	}
	if off, deep := jsonnest.Deeper(trimmed, MaxBodyDepth); deep {
		return tooDeep(off, v) // the top level decoded without recursion; the rest is not decoded
	}
	b := body{top: top}
	_, hasType := top["type"]
	_, hasData := top["data"]
	_, hasErrors := top["errors"]
	stream := params.IsStream(resp.Method, resp.URL)
	switch {
	case hasType && !hasData, !hasData && !hasErrors && isLegacyError(top):
		b.shape = ShapeProblem
		b.problems = readTopProblem(trimmed, top, v)
	case hasErrors:
		b.shape = ShapeEnvelope
		switch {
		case stream:
			b.shape = ShapeStreamLine
		case !hasData:
			b.shape = ShapeErrors
		}
		b.problems = readErrors(b.shape, top, v)
	case resp.Status >= 400:
		b.shape = ShapeObject
		if v != nil {
			validate(envelope+"#/$defs/ErrorBody", stubs(top, nil), "", v)
		}
	default:
		b.shape = ShapeEnvelope
		if stream {
			b.shape = ShapeStreamLine
		}
		if v != nil {
			validate(envelopeSchema(b.shape), stubs(top, nil), "", v)
		}
	}
	return b
}

// isLegacyError: a bare {"code":N,"message":…} at the top level, the legacy
// Error item on its own (seen from /2/media/upload in 2025, issue 12); it
// is a problem like the same item inside errors[].
func isLegacyError(top map[string]json.RawMessage) bool {
	code, hasCode := top["code"]
	_, hasMessage := top["message"]
	if !hasCode || !hasMessage {
		return false
	}
	_, err := strconv.ParseInt(string(bytes.TrimSpace(code)), 10, 64)
	return err == nil
}

func envelopeSchema(s Shape) string {
	switch s {
	case ShapeStreamLine:
		return envelope + "#/$defs/StreamLine"
	case ShapeErrors:
		return envelope + "#/$defs/ErrorsBody"
	}
	return envelope + "#/$defs/Envelope"
}

// emptyExpected: statuses and methods whose answer has no body, and a
// stream's keep-alive newline (sent every 20 s, facts §5.3).
func emptyExpected(resp Response) bool {
	s := resp.Status
	return s < 200 || s == 204 || s == 205 || s == 304 || strings.EqualFold(resp.Method, "HEAD") ||
		(s < 300 && params.IsStream(resp.Method, resp.URL))
}

// notAnObject reports a body that is not a JSON object; lead is the number
// of white-space bytes before trimmed, so the byte offset is the caller's.
func notAnObject(trimmed []byte, lead int, err error, v *[]Violation) body {
	var syn *json.SyntaxError
	if errors.As(err, &syn) || !json.Valid(trimmed) {
		msg := "body is not JSON"
		if syn != nil {
			msg = fmt.Sprintf("body is not JSON: %v at byte %d", syn, lead+int(syn.Offset)-1)
		}
		note(v, Violation{KeywordLocation: envelope, Message: msg + "; starts with " + quotePrefix(trimmed)})
		return body{shape: ShapeNotJSON}
	}
	note(v, Violation{KeywordLocation: envelope, Message: "body is a JSON " + jsonKind(trimmed[0]) + "; X's bodies are objects"})
	return body{shape: ShapeNotObject}
}

// quotePrefix shows the first bytes of a body in a message, e.g. "<html>".
func quotePrefix(b []byte) string {
	const max = 40
	if len(b) > max {
		return fmt.Sprintf("%q…", b[:max])
	}
	return fmt.Sprintf("%q", b)
}

func jsonKind(first byte) string {
	switch first {
	case '{':
		return "object"
	case '[':
		return "array"
	case '"':
		return "string"
	case 't', 'f':
		return "boolean"
	case 'n':
		return "null"
	}
	return "number"
}

func readTopProblem(raw []byte, top map[string]json.RawMessage, v *[]Violation) []Problem {
	p := Problem{Slug: slugOf(top), Fields: top}
	if v == nil {
		return []Problem{p}
	}
	if instance, err := decodeAny(raw); err == nil {
		validate(schemaFor(p.Slug, p.Type()), instance, "", v)
	}
	return []Problem{p}
}

// readErrors decodes the errors array twice, both cheap: once keeping
// every item's raw fields (the Problems) and once as plain values for the
// schema checks.
func readErrors(shape Shape, top map[string]json.RawMessage, v *[]Violation) []Problem {
	raw := top["errors"]
	var items []json.RawMessage
	if json.Unmarshal(raw, &items) != nil {
		if v != nil { // not an array: the envelope check reports it
			list, _ := decodeAny(raw)
			validate(envelopeSchema(shape), stubs(top, list), "", v)
		}
		return nil
	}
	// Only the first MaxItemsChecked items are decoded for the schemas, and
	// MaxItemsRead are read at all: a hostile body of thousands of items
	// costs no more than X's largest real one.
	var values []any
	if v != nil {
		values = make([]any, 0, min(len(items), MaxItemsChecked))
		for _, item := range items[:min(len(items), MaxItemsChecked)] {
			x, _ := decodeAny(item)
			values = append(values, x)
		}
		validate(envelopeSchema(shape), stubs(top, values), "", v)
	}
	problems := make([]Problem, 0, min(len(items), MaxItemsRead))
	for i, item := range items[:min(len(items), MaxItemsRead)] {
		var fields map[string]json.RawMessage
		if json.Unmarshal(item, &fields) != nil || fields == nil {
			continue // not an object: reported by the envelope's items check
		}
		p := Problem{Slug: slugOf(fields), Fields: fields}
		problems = append(problems, p)
		if v != nil && i < len(values) {
			validate(schemaFor(p.Slug, p.Type()), values[i], fmt.Sprintf("/errors/%d", i), v)
		}
	}
	if v != nil && len(items) > MaxItemsChecked {
		itemsNotChecked(len(items), v)
	}
	return problems
}

// stubs builds the instance the envelope schemas check: errors (when
// given), meta and matching_rules in full, every other key as an empty value
// of its JSON kind. The envelope only constrains kinds there.
func stubs(top map[string]json.RawMessage, errorsValue any) map[string]any {
	inst := make(map[string]any, len(top))
	for k, raw := range top {
		switch {
		case k == "errors" && errorsValue != nil:
			inst[k] = errorsValue
		case k == "errors", k == "meta", k == "matching_rules":
			val, err := decodeAny(raw)
			if err != nil {
				val = kindStub(raw)
			}
			inst[k] = val
		default:
			inst[k] = kindStub(raw)
		}
	}
	return inst
}

func kindStub(raw json.RawMessage) any {
	if len(raw) == 0 {
		return nil
	}
	switch raw[0] {
	case '{':
		return map[string]any{}
	case '[':
		return []any{}
	case '"':
		return ""
	case 't':
		return true
	case 'f':
		return false
	case 'n':
		return nil
	}
	return json.Number("0")
}

// decodeAny decodes JSON the way the schema library expects, keeping
// numbers exact (json.Number).
func decodeAny(raw []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var v any
	err := dec.Decode(&v)
	return v, err
}
