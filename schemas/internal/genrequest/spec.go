package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"
)

// version bits, matching params.V2166 and params.V2167.
const (
	v2166 = 1
	v2167 = 2
)

// specVersion is one input spec: its version bit, label and decoded JSON.
type specVersion struct {
	bit   int
	label string // "2.166", "2.167"
	doc   map[string]any
}

func decodeSpec(data []byte, bit int, label string) (*specVersion, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var doc map[string]any
	if err := dec.Decode(&doc); err != nil {
		return nil, fmt.Errorf("spec %s: %w", label, err)
	}
	info, _ := doc["info"].(map[string]any)
	if got, _ := info["version"].(string); got != label {
		return nil, fmt.Errorf("spec %s: info.version is %q", label, got)
	}
	return &specVersion{bit: bit, label: label, doc: doc}, nil
}

// resolve follows local $refs ("#/components/…") until a non-ref node.
func (s *specVersion) resolve(n any) (map[string]any, error) {
	m, _ := n.(map[string]any)
	for depth := 0; m != nil; depth++ {
		ref, ok := m["$ref"].(string)
		if !ok {
			return m, nil
		}
		if depth > 32 {
			return nil, fmt.Errorf("spec %s: $ref loop at %s", s.label, ref)
		}
		target, err := s.pointer(ref)
		if err != nil {
			return nil, err
		}
		m, _ = target.(map[string]any)
	}
	return nil, fmt.Errorf("spec %s: expected an object", s.label)
}

func (s *specVersion) pointer(ref string) (any, error) {
	path, ok := strings.CutPrefix(ref, "#/")
	if !ok {
		return nil, fmt.Errorf("spec %s: non-local $ref %q", s.label, ref)
	}
	var cur any = s.doc
	for _, tok := range strings.Split(path, "/") {
		tok = strings.ReplaceAll(strings.ReplaceAll(tok, "~1", "/"), "~0", "~")
		m, ok := cur.(map[string]any)
		if !ok {
			return nil, fmt.Errorf("spec %s: $ref %q does not resolve", s.label, ref)
		}
		if cur, ok = m[tok]; !ok {
			return nil, fmt.Errorf("spec %s: $ref %q does not resolve", s.label, ref)
		}
	}
	return cur, nil
}

var httpMethods = []string{"get", "put", "post", "delete", "patch"}

// rawParam is one parameter as one spec version states it.
type rawParam struct {
	name, in string
	required bool
	kind     string // string, integer, boolean, date-time, list
	enum     []string
	hasEnum  bool
	cons     map[string]string // constraint op name -> value (number or pattern)
	def      string
	schema   map[string]any // the parameter's schema, resolved
}

// rawOp is one operation as one spec version states it.
type rawOp struct {
	id, method, path string
	description      string
	stream           bool // x-twitter-streaming: the answer is a long-lived stream of JSON lines
	params           []*rawParam
	body             *rawBody
}

type rawBody struct {
	required     bool
	contentTypes []string
	schemaRef    string // component name
}

func (s *specVersion) operations() ([]*rawOp, error) {
	paths, _ := s.doc["paths"].(map[string]any)
	var ops []*rawOp
	for _, path := range slices.Sorted(maps.Keys(paths)) {
		item, _ := paths[path].(map[string]any)
		if _, ok := item["parameters"]; ok {
			return nil, fmt.Errorf("spec %s: %s has path-level parameters, which the generator does not merge yet", s.label, path)
		}
		for _, method := range httpMethods {
			o, ok := item[method].(map[string]any)
			if !ok {
				continue
			}
			op, err := s.operation(strings.ToUpper(method), path, o)
			if err != nil {
				return nil, err
			}
			ops = append(ops, op)
		}
	}
	return ops, nil
}

func (s *specVersion) operation(method, path string, o map[string]any) (*rawOp, error) {
	op := &rawOp{method: method, path: path}
	op.id, _ = o["operationId"].(string)
	op.description, _ = o["description"].(string)
	op.stream, _ = o["x-twitter-streaming"].(bool)
	if op.id == "" {
		return nil, fmt.Errorf("spec %s: %s %s has no operationId", s.label, method, path)
	}
	list, _ := o["parameters"].([]any)
	for _, n := range list {
		p, err := s.param(n)
		if err != nil {
			return nil, fmt.Errorf("%s %s: %w", method, path, err)
		}
		op.params = append(op.params, p)
	}
	if rb, ok := o["requestBody"]; ok {
		b, err := s.body(rb)
		if err != nil {
			return nil, fmt.Errorf("%s %s: %w", method, path, err)
		}
		op.body = b
	}
	return op, nil
}

func (s *specVersion) param(n any) (*rawParam, error) {
	m, err := s.resolve(n)
	if err != nil {
		return nil, err
	}
	p := &rawParam{cons: map[string]string{}}
	p.name, _ = m["name"].(string)
	p.in, _ = m["in"].(string)
	p.required, _ = m["required"].(bool)
	if p.in != "query" && p.in != "path" {
		return nil, fmt.Errorf("spec %s: parameter %s is in %q; only query and path are supported", s.label, p.name, p.in)
	}
	sch, err := s.resolve(m["schema"])
	if err != nil {
		return nil, fmt.Errorf("parameter %s: %w", p.name, err)
	}
	p.schema = sch
	typ, _ := sch["type"].(string)
	switch typ {
	case "string":
		p.kind = "string"
		if f, _ := sch["format"].(string); f == "date-time" {
			p.kind = "date-time"
		}
	case "integer", "boolean":
		p.kind = typ
	case "array":
		p.kind = "list"
		if style, _ := m["style"].(string); style != "" && style != "form" {
			return nil, fmt.Errorf("parameter %s: list style %q is not supported", p.name, style)
		}
		if explode, ok := m["explode"].(bool); ok && explode {
			return nil, fmt.Errorf("parameter %s: exploded lists are not supported", p.name)
		}
		items, err := s.resolve(sch["items"])
		if err != nil {
			return nil, fmt.Errorf("parameter %s items: %w", p.name, err)
		}
		if t, _ := items["type"].(string); t != "string" {
			return nil, fmt.Errorf("parameter %s: list items of type %q are not supported", p.name, t)
		}
		p.enum, p.hasEnum = stringList(items["enum"])
		if pat, ok := items["pattern"].(string); ok {
			p.cons["ItemPattern"] = pat
		}
		copyNumber(p.cons, sch, "minItems", "MinItems")
		copyNumber(p.cons, sch, "maxItems", "MaxItems")
		if u, _ := sch["uniqueItems"].(bool); u {
			p.cons["UniqueItems"] = "1"
		}
	default:
		return nil, fmt.Errorf("parameter %s: type %q is not supported", p.name, typ)
	}
	if p.kind != "list" {
		p.enum, p.hasEnum = stringList(sch["enum"])
		if pat, ok := sch["pattern"].(string); ok {
			p.cons["Pattern"] = pat
		}
	}
	copyNumber(p.cons, sch, "minimum", "Minimum")
	copyNumber(p.cons, sch, "maximum", "Maximum")
	copyNumber(p.cons, sch, "minLength", "MinLength")
	copyNumber(p.cons, sch, "maxLength", "MaxLength")
	desc, _ := m["description"].(string)
	if mm := notBeforeRE.FindStringSubmatch(desc); mm != nil && p.kind == "date-time" {
		p.cons["NotBefore"] = mm[1] + "T00:00:00Z"
	}
	if d, ok := sch["default"]; ok {
		p.def = defaultString(d)
	}
	return p, nil
}

func (s *specVersion) body(n any) (*rawBody, error) {
	m, err := s.resolve(n)
	if err != nil {
		return nil, err
	}
	b := &rawBody{}
	b.required, _ = m["required"].(bool)
	content, _ := m["content"].(map[string]any)
	for _, ct := range slices.Sorted(maps.Keys(content)) {
		b.contentTypes = append(b.contentTypes, ct)
		c, _ := content[ct].(map[string]any)
		sch, _ := c["schema"].(map[string]any)
		ref, _ := sch["$ref"].(string)
		name, ok := strings.CutPrefix(ref, "#/components/schemas/")
		if !ok {
			return nil, fmt.Errorf("spec %s: request body %s schema is not a component $ref", s.label, ct)
		}
		if b.schemaRef != "" && b.schemaRef != name {
			return nil, fmt.Errorf("spec %s: request body content types use different schemas (%s, %s)", s.label, b.schemaRef, name)
		}
		b.schemaRef = name
	}
	return b, nil
}

func stringList(n any) ([]string, bool) {
	list, ok := n.([]any)
	if !ok {
		return nil, false
	}
	out := make([]string, 0, len(list))
	for _, v := range list {
		if s, ok := v.(string); ok {
			out = append(out, s)
		}
	}
	return out, true
}

func copyNumber(dst map[string]string, sch map[string]any, key, op string) {
	if n, ok := sch[key].(json.Number); ok {
		dst[op] = n.String()
	}
}

func defaultString(d any) string {
	switch v := d.(type) {
	case string:
		return v
	case json.Number:
		return v.String()
	case bool:
		if v {
			return "true"
		}
		return "false"
	case []any:
		parts := make([]string, 0, len(v))
		for _, x := range v {
			parts = append(parts, defaultString(x))
		}
		return strings.Join(parts, ",")
	}
	return ""
}

// Prose rules: the spec states some cross-parameter rules only in operation
// descriptions. These patterns read them.
var (
	atMostOneRE  = regexp.MustCompile("At most one of ((?:`[^`]+`(?:, )?)+) may be provided")
	exactlyOneRE = regexp.MustCompile("Exactly one of ((?:`[^`]+`(?:, |, or | or )?)+) must be specified")
	orderRE      = regexp.MustCompile("`([^`]+)` must be (?:earlier|less) than `([^`]+)`")
	backtickRE   = regexp.MustCompile("`([^`]+)`")
	notBeforeRE  = regexp.MustCompile(`Must be on or after ([0-9]{4}-[0-9]{2}-[0-9]{2})\.`)
)

func backticked(s string) []string {
	var out []string
	for _, m := range backtickRE.FindAllStringSubmatch(s, -1) {
		out = append(out, m[1])
	}
	return out
}
