package proxy

import "strings"

// Headers is a header map with lower-case names, as the shim sends it (JS
// Headers iterate lower-cased, with repeated fields joined by ", ").
type Headers map[string]string

// Get looks a name up case-insensitively.
func (h Headers) Get(name string) string { return h[strings.ToLower(name)] }

// without returns a copy minus the named (lower-case) fields.
func (h Headers) without(names ...string) Headers {
	out := make(Headers, len(h))
	for k, v := range h {
		out[k] = v
	}
	for _, n := range names {
		delete(out, n)
	}
	return out
}

// ParseHeaderLines reads "name: value" lines separated by "\n" (the shim's
// compact form of a JS Headers object; HTTP field values cannot contain a
// newline). Names are lower-cased; a line without ':' is skipped.
func ParseHeaderLines(s string) Headers {
	h := Headers{}
	for s != "" {
		var line string
		line, s, _ = strings.Cut(s, "\n")
		name, value, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		h[strings.ToLower(strings.TrimSpace(name))] = strings.TrimSpace(value)
	}
	return h
}
