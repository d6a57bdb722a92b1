package main

import (
	"encoding/json"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"sort"
	"strings"
)

// repair records one place where the spec's OpenAPI 3.0 schema had to be
// changed to become a JSON Schema (draft 2020-12) that jsonschema/v5
// compiles.
type repair struct {
	where string // spec label and JSON pointer, e.g. "2.167 #/components/schemas/X/properties/y"
	what  string
}

// translator turns OpenAPI 3.0 schema objects into draft 2020-12 schemas.
type translator struct {
	label   string // spec version label, for repair records
	repairs []repair
}

const componentRefPrefix = "#/components/schemas/"

// schema translates one schema node found at ptr (a JSON pointer in the
// spec) and returns the new node. The input is not modified.
func (t *translator) schema(n any, ptr string) (any, error) {
	m, ok := n.(map[string]any)
	if !ok {
		return n, nil // true/false schemas
	}
	out := make(map[string]any, len(m))
	for _, k := range slices.Sorted(maps.Keys(m)) { // repairs are recorded in key order, the same every run
		v := m[k]
		switch {
		case k == "nullable", k == "discriminator", k == "example", k == "xml", k == "externalDocs", strings.HasPrefix(k, "x-"):
			// handled below, or OpenAPI-only annotations without a JSON Schema meaning
		case k == "$ref":
			ref, _ := v.(string)
			name, ok := strings.CutPrefix(ref, componentRefPrefix)
			if !ok {
				return nil, fmt.Errorf("%s: $ref %q is not a component schema", ptr, ref)
			}
			out[k] = "#/$defs/" + name
		case k == "properties" || k == "patternProperties" || k == "$defs":
			props, _ := v.(map[string]any)
			tp := make(map[string]any, len(props))
			for _, name := range slices.Sorted(maps.Keys(props)) {
				s, err := t.schema(props[name], ptr+"/"+k+"/"+escapePointer(name))
				if err != nil {
					return nil, err
				}
				tp[name] = s
			}
			out[k] = tp
		case k == "items" || k == "additionalProperties" || k == "not" || k == "propertyNames" || k == "contains":
			s, err := t.schema(v, ptr+"/"+k)
			if err != nil {
				return nil, err
			}
			out[k] = s
		case k == "allOf" || k == "anyOf" || k == "oneOf":
			list, _ := v.([]any)
			tl := make([]any, len(list))
			for i, item := range list {
				s, err := t.schema(item, fmt.Sprintf("%s/%s/%d", ptr, k, i))
				if err != nil {
					return nil, err
				}
				tl[i] = s
			}
			out[k] = tl
		default:
			out[k] = v
		}
	}
	if ex, ok := m["example"]; ok {
		if _, has := m["examples"]; !has {
			out["examples"] = []any{ex} // OpenAPI's single example is 2020-12's examples array; no repair, same meaning
		}
	}
	if err := t.fixFormat(out, ptr); err != nil {
		return nil, err
	}
	if err := t.fixPattern(out, ptr); err != nil {
		return nil, err
	}
	if d, ok := m["discriminator"].(map[string]any); ok {
		t.fixDiscriminator(out, d, ptr)
	}
	if nullable, _ := m["nullable"].(bool); nullable {
		return t.fixNullable(out, ptr), nil
	}
	return out, nil
}

func (t *translator) note(ptr, what string) {
	t.repairs = append(t.repairs, repair{where: t.label + " " + ptr, what: what})
}

// fixFormat repairs two mistakes in format slots: the misspelling
// "data-time" and a regular expression written where a format name belongs.
func (t *translator) fixFormat(out map[string]any, ptr string) error {
	f, ok := out["format"].(string)
	if !ok {
		return nil
	}
	switch {
	case f == "data-time":
		out["format"] = "date-time"
		t.note(ptr, "`format: \"data-time\"` (a misspelling) became `format: \"date-time\"`")
	case strings.HasPrefix(f, "^") || strings.HasSuffix(f, "$"):
		if _, err := regexp.Compile(f); err != nil {
			return fmt.Errorf("%s: format %q looks like a regex but does not compile: %v", ptr, f, err)
		}
		delete(out, "format")
		if old, has := out["pattern"]; has && old != f {
			out["allOf"] = append(asList(out["allOf"]), map[string]any{"pattern": f})
		} else {
			out["pattern"] = f
		}
		t.note(ptr, fmt.Sprintf("the regular expression `%s` in the `format` slot moved to `pattern`", f))
	}
	return nil
}

// lookaheadRE matches the one non-RE2 pattern shape in the spec:
// ^(?=[\s\S]*X)[\s\S]+$ — "non-empty and contains X".
var lookaheadRE = regexp.MustCompile(`^\^\(\?=\[\\s\\S\]\*(.+)\)\[\\s\\S\]\+\$$`)

// fixPattern rewrites patterns RE2 (Go's regexp, used by jsonschema/v5)
// cannot compile. Only the shapes understood here are rewritten; anything
// else fails generation rather than dropping a check silently.
func (t *translator) fixPattern(out map[string]any, ptr string) error {
	p, ok := out["pattern"].(string)
	if !ok {
		return nil
	}
	if _, err := regexp.Compile(p); err == nil {
		return nil
	}
	sub := lookaheadRE.FindStringSubmatch(p)
	if sub == nil {
		return fmt.Errorf("%s: pattern %q does not compile under RE2 and has no known rewrite", ptr, p)
	}
	if _, err := regexp.Compile(sub[1]); err != nil {
		return fmt.Errorf("%s: pattern %q: inner expression does not compile: %v", ptr, p, err)
	}
	// JSON Schema patterns are unanchored searches, so "contains X" is X.
	out["pattern"] = sub[1]
	if _, has := out["minLength"]; !has {
		out["minLength"] = json.Number("1")
	}
	t.note(ptr, fmt.Sprintf("the lookahead pattern `%s` (RE2 cannot compile it) became the equivalent unanchored `pattern: %q` plus `minLength: 1`", p, sub[1]))
	return nil
}

// fixDiscriminator: OpenAPI's discriminator picks one oneOf branch by a
// property value; JSON Schema's oneOf instead fails when branches overlap.
// With a mapping on a plain property, the mapping becomes if/then rules and
// oneOf becomes anyOf; otherwise the discriminator (an annotation) is
// dropped.
func (t *translator) fixDiscriminator(out map[string]any, d map[string]any, ptr string) {
	prop, _ := d["propertyName"].(string)
	mapping, _ := d["mapping"].(map[string]any)
	branches, hasOneOf := out["oneOf"]
	if !hasOneOf || len(mapping) == 0 || strings.Contains(prop, "/") {
		if hasOneOf {
			out["anyOf"] = branches
			delete(out, "oneOf")
			t.note(ptr, fmt.Sprintf("`discriminator` on `%s` dropped (it cannot be expressed in JSON Schema); `oneOf` became `anyOf` so overlapping branches still match", prop))
			return
		}
		t.note(ptr, fmt.Sprintf("`discriminator` on `%s` dropped: without `oneOf` it only annotates subtypes that reference this schema", prop))
		return
	}
	out["anyOf"] = branches
	delete(out, "oneOf")
	var rules []any
	for _, value := range slices.Sorted(maps.Keys(mapping)) {
		ref, _ := mapping[value].(string)
		name, _ := strings.CutPrefix(ref, componentRefPrefix)
		rules = append(rules, map[string]any{
			"if":   map[string]any{"properties": map[string]any{prop: map[string]any{"const": value}}, "required": []any{prop}},
			"then": map[string]any{"$ref": "#/$defs/" + name},
		})
	}
	out["allOf"] = append(asList(out["allOf"]), rules...)
	t.note(ptr, fmt.Sprintf("`discriminator` on `%s` became %d if/then rules; `oneOf` became `anyOf`", prop, len(rules)))
}

// fixNullable: OpenAPI 3.0's nullable adds null to the allowed values.
func (t *translator) fixNullable(out map[string]any, ptr string) any {
	if typ, ok := out["type"].(string); ok {
		out["type"] = []any{typ, "null"}
		if enum, ok := out["enum"].([]any); ok {
			out["enum"] = append(enum, nil)
		}
		t.note(ptr, fmt.Sprintf("`nullable: true` became `type: [%q, \"null\"]`", typ))
		return out
	}
	t.note(ptr, "`nullable: true` without a `type` became `anyOf: [<schema>, {\"type\": \"null\"}]`")
	return map[string]any{"anyOf": []any{out, map[string]any{"type": "null"}}}
}

func asList(v any) []any {
	l, _ := v.([]any)
	return l
}

func escapePointer(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "~", "~0"), "/", "~1")
}

// closure lists the component schemas reachable from roots, sorted.
func closure(s *specVersion, roots []string) ([]string, error) {
	comps, _ := s.doc["components"].(map[string]any)
	schemas, _ := comps["schemas"].(map[string]any)
	seen := map[string]bool{}
	stack := append([]string(nil), roots...)
	for len(stack) > 0 {
		name := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if seen[name] {
			continue
		}
		node, ok := schemas[name]
		if !ok {
			return nil, fmt.Errorf("spec %s: component schema %s does not exist", s.label, name)
		}
		seen[name] = true
		collectRefs(node, &stack)
	}
	names := make([]string, 0, len(seen))
	for n := range seen {
		names = append(names, n)
	}
	sort.Strings(names)
	return names, nil
}

func collectRefs(n any, out *[]string) {
	switch v := n.(type) {
	case map[string]any:
		for k, x := range v {
			if k == "$ref" {
				if s, ok := x.(string); ok {
					if name, ok := strings.CutPrefix(s, componentRefPrefix); ok {
						*out = append(*out, name)
					}
				}
				continue
			}
			if k == "mapping" { // discriminator targets are refs too
				if mapping, ok := x.(map[string]any); ok {
					for _, target := range mapping {
						if s, ok := target.(string); ok {
							if name, ok := strings.CutPrefix(s, componentRefPrefix); ok {
								*out = append(*out, name)
							}
						}
					}
				}
			}
			collectRefs(x, out)
		}
	case []any:
		for _, x := range v {
			collectRefs(x, out)
		}
	}
}
