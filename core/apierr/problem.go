package apierr

import (
	"bytes"
	"encoding/json"
	"sort"
	"strconv"
	"strings"
)

// Problem is one problem of a response: a whole-request error or one item of
// an errors array. Fields holds every field of the body's own object with its
// bytes as X sent them (so ids too long for a float64 and types nobody knows
// survive); Slug names the type.
type Problem struct {
	// Slug is the part of the type URI after /2/problems/ (lower case),
	// "about:blank", "legacy-<code>" for {"code":88,…} items, the type
	// itself for a type outside /2/problems/, or "unknown" for an object
	// with neither type nor code.
	Slug   string
	Fields map[string]json.RawMessage
}

// bodySlugKey is where a body's own "slug" field goes, so that neither it
// nor ours is lost. X sends no such field today.
const bodySlugKey = "slug_in_body"

// MarshalJSON writes the body's fields, then "slug"; keys come out sorted.
func (p Problem) MarshalJSON() ([]byte, error) {
	out := make(map[string]json.RawMessage, len(p.Fields)+1)
	for k, v := range p.Fields {
		out[k] = v
	}
	if own, ok := out["slug"]; ok {
		out[bodySlugKey] = own
	}
	slug, err := json.Marshal(p.Slug)
	if err != nil {
		return nil, err
	}
	out["slug"] = slug
	return json.Marshal(out)
}

// String returns the string field name, or "" when absent or not a string.
func (p Problem) String(name string) string {
	raw, ok := p.Fields[name]
	if !ok || len(raw) == 0 || raw[0] != '"' {
		return ""
	}
	var s string
	if json.Unmarshal(raw, &s) != nil {
		return ""
	}
	return s
}

// Type is the problem's type URI ("" for legacy items).
func (p Problem) Type() string { return p.String("type") }

// Keys lists the problem's own field names, sorted.
func (p Problem) Keys() []string {
	keys := make([]string, 0, len(p.Fields))
	for k := range p.Fields {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// slugOf names a problem object by its type, or its legacy code.
func slugOf(fields map[string]json.RawMessage) string {
	if raw, ok := fields["type"]; ok {
		var typ string
		if json.Unmarshal(raw, &typ) == nil && strings.TrimSpace(typ) != "" { // an empty type names nothing
			return slugOfType(typ)
		}
	}
	if raw, ok := fields["code"]; ok {
		if code, err := strconv.ParseInt(string(bytes.TrimSpace(raw)), 10, 64); err == nil {
			return "legacy-" + strconv.FormatInt(code, 10)
		}
	}
	return "unknown"
}

const problemsPath = "/2/problems/"

func slugOfType(typ string) string {
	typ = strings.TrimSpace(typ)
	if strings.EqualFold(typ, "about:blank") {
		return "about:blank"
	}
	if i := strings.Index(strings.ToLower(typ), problemsPath); i >= 0 {
		if slug := strings.ToLower(strings.Trim(typ[i+len(problemsPath):], "/")); slug != "" {
			return slug
		}
	}
	return typ
}

// hostOfType is "api.x.com", "api.twitter.com" or "" (about:blank, other).
func hostOfType(typ string) string {
	lower := strings.ToLower(strings.TrimSpace(typ))
	for _, scheme := range []string{"https://", "http://"} {
		if rest, ok := strings.CutPrefix(lower, scheme); ok {
			host, _, _ := strings.Cut(rest, "/")
			switch host {
			case "api.x.com", "api.twitter.com":
				return host
			}
		}
	}
	return ""
}
