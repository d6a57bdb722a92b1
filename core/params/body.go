package params

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/santhosh-tekuri/jsonschema/v5"

	"github.com/xpreflight/xpreflight/core/header"
	"github.com/xpreflight/xpreflight/core/query"
	"github.com/xpreflight/xpreflight/schemas"
)

// maxBodyViolations caps the schema findings reported for one body.
const maxBodyViolations = 20

func (v *validation) checkBody() {
	op := v.op
	body := bytes.TrimSpace(v.req.Body)
	if op.Body == nil {
		if len(body) > 0 {
			v.add(Diagnostic{Code: CodeBodyUnexpected, Severity: sevWarning,
				Message: "X's " + op.Route() + " takes no request body; the body would be ignored or refused"})
		}
		return
	}
	if len(body) == 0 {
		v.missingBody()
		return
	}
	if !v.checkContentType() || v.bodyBeyondLimits(body) {
		return
	}
	doc, ok := v.parseBody(body)
	if !ok {
		return
	}
	v.checkBodySchema(doc)
	v.checkRules(doc)
	v.checkExactlyOne(doc)
	v.checkTexts(doc)
}

func (v *validation) missingBody() {
	b := v.op.Body
	if len(v.op.ExactlyOne) > 0 {
		v.checkExactlyOne(nil) // says which of body keys or query flag is needed
		return
	}
	if b.Required == 0 {
		return
	}
	sev, suffix := sevError, ""
	if b.Required&v.op.Versions != v.op.Versions {
		sev, suffix = sevWarning, " (only spec "+b.Required.String()+" requires it)"
	}
	v.add(Diagnostic{Code: CodeBodyMissing, Severity: sev,
		Message: "A request body (" + strings.Join(b.ContentTypes, " or ") + ") is required for " + v.op.Route() + suffix})
}

// checkContentType reports a Content-Type the operation does not take and
// says whether the body is JSON to be checked further.
func (v *validation) checkContentType() bool {
	ct, _ := header.Get(v.req.Headers, "content-type")
	media := strings.ToLower(strings.TrimSpace(strings.SplitN(ct, ";", 2)[0]))
	if media != "" {
		found := false
		for _, t := range v.op.Body.ContentTypes {
			found = found || t == media
		}
		if !found {
			// No source records X's answer to another media type.
			v.add(Diagnostic{Code: CodeContentType, Severity: sevWarning, Value: ct,
				Message: "The Content-Type [" + ct + "] is not one of [" + strings.Join(v.op.Body.ContentTypes, ",") + "] for " + v.op.Route() + "; the body is not checked"})
			return false
		}
	}
	if media != "" && media != "application/json" {
		v.add(Diagnostic{Code: CodeBodyNotChecked, Severity: sevWarning, Value: media,
			Message: "The " + media + " body is not checked; only JSON bodies are"})
		return false
	}
	return true
}

// parseBody decodes the JSON body; a syntax error is reported with its
// line and column.
func (v *validation) parseBody(body []byte) (any, bool) {
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	var doc any
	err := dec.Decode(&doc)
	if err == nil {
		if _, extra := dec.Token(); extra != io.EOF {
			err = errors.New("unexpected data after the JSON value")
			off := dec.InputOffset()
			v.bodySyntax(body, int(off), err.Error())
			return nil, false
		}
		return doc, true
	}
	var syn *json.SyntaxError
	switch {
	case errors.As(err, &syn):
		v.bodySyntax(body, int(syn.Offset), syn.Error())
	case errors.Is(err, io.ErrUnexpectedEOF):
		v.bodySyntax(body, len(body), "unexpected end of JSON input")
	default:
		v.bodySyntax(body, int(dec.InputOffset()), err.Error())
	}
	return nil, false
}

func (v *validation) bodySyntax(body []byte, offset int, msg string) {
	line, col := lineColumn(body, offset)
	pos := "line " + strconv.Itoa(line) + ", column " + strconv.Itoa(col)
	v.add(Diagnostic{Code: CodeBodySyntax, Severity: sevError, Parameter: "body", Value: pos,
		Message: "The request body is not valid JSON: " + msg + " (at " + pos + ")"})
}

// lineColumn converts a byte offset to a 1-based line and column (in
// characters) of the text.
func lineColumn(text []byte, offset int) (int, int) {
	offset = min(max(offset, 0), len(text))
	line, start := 1, 0
	for i := 0; i < offset; i++ {
		if text[i] == '\n' {
			line, start = line+1, i+1
		}
	}
	return line, utf8.RuneCount(text[start:offset]) + 1
}

// checkBodySchema validates the body against each spec version's schema;
// it passes when any version accepts it, else the first (newest) version's
// violations are reported.
func (v *validation) checkBodySchema(doc any) {
	var first *jsonschema.ValidationError
	for _, bs := range v.op.Body.Schemas {
		s, err := schemas.Compile(bs.Name)
		if err != nil {
			v.add(Diagnostic{Code: CodeBodyNotChecked, Severity: sevWarning, Value: bs.Name,
				Message: "The body schema " + bs.Name + " could not be compiled: " + err.Error()})
			return
		}
		err = s.Validate(doc)
		if err == nil {
			return
		}
		var ve *jsonschema.ValidationError
		if !errors.As(err, &ve) {
			v.add(Diagnostic{Code: CodeBodyNotChecked, Severity: sevWarning, Message: "The body could not be checked: " + err.Error()})
			return
		}
		if first == nil {
			first = ve
		}
	}
	if first == nil {
		return
	}
	for i, leaf := range schemas.Leaves(first) {
		if i == maxBodyViolations {
			break
		}
		ptr := "#" + leaf.InstanceLocation
		val := valueAt(doc, leaf.InstanceLocation)
		v.add(Diagnostic{Code: CodeBodySchema, Severity: sevError, Parameter: ptr, Value: val,
			Message: "The request body value at " + ptr + " is invalid: " + leaf.Message})
	}
}

// valueAt renders the JSON value at pointer (for diagnostics), shortened.
func valueAt(doc any, pointer string) string {
	cur := doc
	if pointer != "" {
		for _, tok := range strings.Split(pointer[1:], "/") {
			tok = strings.ReplaceAll(strings.ReplaceAll(tok, "~1", "/"), "~0", "~")
			switch c := cur.(type) {
			case map[string]any:
				cur = c[tok]
			case []any:
				i, err := strconv.Atoi(tok)
				if err != nil || i < 0 || i >= len(c) {
					return ""
				}
				cur = c[i]
			default:
				return ""
			}
		}
	}
	if s, ok := cur.(string); ok {
		return s
	}
	out, err := json.Marshal(cur)
	if err != nil {
		return ""
	}
	if len(out) > 200 {
		return string(out[:200]) + "…"
	}
	return string(out)
}

// checkRules lints every rule value of a filtered-stream rules body
// ({"add": [{"value": …}]}) with the query linter.
func (v *validation) checkRules(doc any) {
	if v.op.Path != "/2/tweets/search/stream/rules" || v.op.Method != "POST" {
		return
	}
	obj, _ := doc.(map[string]any)
	adds, _ := obj["add"].([]any)
	v.rules = len(adds)
	for i, a := range adds {
		if i == MaxRulesLinted || v.answerFull() {
			v.rulesNotLinted(i, len(adds))
			break
		}
		rule, _ := a.(map[string]any)
		at := "#/add/" + strconv.Itoa(i)
		if value, ok := rule["value"].(string); ok {
			v.lintQuery(at+"/value", value, query.StreamRule, CodeInvalidRule)
		}
		v.checkRuleFields(at, rule)
	}
}

// ruleFields are the keys of a rule to add, in both spec versions.
var ruleFields = []string{"value", "tag"}

// checkRuleFields warns about keys of a rule other than value and tag: a
// typo such as "tga" silently drops the tag. Neither spec version forbids
// extra keys in a rule (only the top-level object is closed), so this is a
// warning, not an error.
func (v *validation) checkRuleFields(at string, rule map[string]any) {
	keys := make([]string, 0, len(rule))
	for k := range rule {
		if k != "value" && k != "tag" {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys) // map order must not reach the diagnostics
	for _, k := range keys {
		d := Diagnostic{Code: CodeUnknownRuleField, Severity: sevWarning, Parameter: at + "/" + k,
			Message: "The rule at " + at + " has a field [" + k + "] that X does not document; a rule has only `value` and `tag`"}
		if s := suggest(k, ruleFields); s != "" {
			d.Hint = "did you mean `" + s + "`?"
		}
		v.add(d)
	}
}

// checkExactlyOne applies "Exactly one of `add`, `delete`, or
// `?delete_all=true` must be specified." Names are body keys, or query
// parameters with a value when they start with "?".
func (v *validation) checkExactlyOne(doc any) {
	obj, _ := doc.(map[string]any)
	for _, g := range v.op.ExactlyOne {
		var present []string
		for _, n := range g.Names {
			if q, ok := strings.CutPrefix(n, "?"); ok {
				name, want, _ := strings.Cut(q, "=")
				if got, ok := v.get(name); ok && (want == "" || strings.EqualFold(got, want)) {
					present = append(present, n)
				}
				continue
			}
			if _, ok := obj[n]; ok {
				present = append(present, n)
			}
		}
		if len(present) == 1 {
			continue
		}
		params := map[string][]string{}
		for _, n := range present {
			params[strings.TrimPrefix(n, "?")] = []string{}
		}
		msg := "Exactly one of " + quoteList(g.Names, "or") + " must be specified"
		if len(present) > 1 {
			msg += "; this request has " + quoteList(present, "and")
		}
		v.add(Diagnostic{Code: CodeExactlyOne, Severity: sevError, Message: msg, problemParams: params})
	}
}
