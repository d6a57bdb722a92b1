package params

import (
	"strconv"
	"strings"

	"github.com/xpreflight/xpreflight/core/query"
)

// proposeRequestFixes returns the candidate repairs for d, unchecked;
// doc.go's "Fixes" table lists which codes get one and why each is safe or
// not.
func proposeRequestFixes(req Request, u *rawURL, d *Diagnostic) []Fix {
	switch d.Code {
	case CodeInsecureScheme:
		if len(u.src) >= 7 && strings.EqualFold(u.src[:7], "http://") {
			return []Fix{oneURLEdit("Use https", true, 0, 4, "https")}
		}
	case CodeTrailingSlash:
		if u.pathEnd > u.pathStart+1 && u.src[u.pathEnd-1] == '/' {
			return []Fix{oneURLEdit("Remove the trailing /", true, u.pathEnd-1, u.pathEnd, "")}
		}
	case CodeUnknownParameter:
		return fixUnknownParameter(u, d)
	case CodeRepeatedParameter:
		if ps := u.pairsNamed(d.Parameter); len(ps) > 1 {
			f := Fix{Title: "Keep only the first " + d.Parameter, Safe: false}
			for _, p := range ps[1:] {
				f.Edits = append(f.Edits, u.removePair(p))
			}
			return []Fix{f}
		}
	case CodeExclusive, CodeIDTimeMix:
		if ps := u.pairsNamed(d.Parameter); len(ps) > 0 {
			return []Fix{{Title: "Remove " + d.Parameter, Safe: false, Edits: []Edit{u.removePair(ps[0])}}}
		}
	case CodeOutOfRange:
		return fixOutOfRange(req, u, d)
	case CodeNotInEnum, CodeDuplicateItem, CodeEmptyParameter:
		return fixListItem(req, u, d)
	case CodeInvalidQuery:
		return fixNestedQuery(req, u, d)
	}
	return nil
}

// fixUnknownParameter renames a parameter to the page-token spelling the
// endpoint takes (the same token under X's other name: safe), or to the
// nearest declared name (a guess).
func fixUnknownParameter(u *rawURL, d *Diagnostic) []Fix {
	ps := u.pairsNamed(d.Parameter)
	if len(ps) == 0 {
		return nil
	}
	p := ps[0]
	if other, ok := tokenSpellings[d.Parameter]; ok && strings.Contains(d.Hint, "`"+other+"`") {
		return []Fix{oneURLEdit("Use "+other+", the name this endpoint pages with", true, p.start, p.eq, other)}
	}
	if s, ok := strings.CutPrefix(d.Hint, "did you mean `"); ok {
		name := strings.TrimSuffix(s, "`?")
		return []Fix{oneURLEdit("Did you mean "+name+"?", false, p.start, p.eq, formEscape(name))}
	}
	return []Fix{{Title: "Remove " + d.Parameter, Safe: false, Edits: []Edit{u.removePair(p)}}}
}

// operationOf finds the operation req is matched to, or nil.
func operationOf(req Request) *Operation {
	var t target
	if ok, _ := parseTarget(req.URL, &t); !ok {
		return nil
	}
	method := strings.ToUpper(strings.TrimSpace(req.Method))
	op, _ := matchPath(method, &t)
	return op
}

// fixOutOfRange clamps an integer to the nearest value every spec version
// accepts: a guess, since the caller may have meant another page size.
func fixOutOfRange(req Request, u *rawURL, d *Diagnostic) []Fix {
	op := operationOf(req)
	ps := u.pairsNamed(d.Parameter)
	if op == nil || len(ps) == 0 {
		return nil
	}
	p := op.Param(d.Parameter, InQuery)
	if p == nil {
		return nil
	}
	n, err := strconv.ParseInt(d.Value, 10, 64)
	if err != nil {
		return nil
	}
	lo, hi, haveLo, haveHi := int64(0), int64(0), false, false
	for _, k := range p.Constraints {
		switch {
		case k.Op == Minimum && (!haveLo || k.N > lo):
			lo, haveLo = k.N, true
		case k.Op == Maximum && (!haveHi || k.N < hi):
			hi, haveHi = k.N, true
		}
	}
	to := n
	if haveLo && n < lo {
		to = lo
	}
	if haveHi && n > hi {
		to = hi
	}
	if to == n {
		return nil
	}
	v := strconv.FormatInt(to, 10)
	return []Fix{oneURLEdit("Use "+d.Parameter+"="+v, false, ps[0].valueStart(), ps[0].end, v)}
}

// fixListItem repairs one item of a comma-separated list: a misspelled
// field to its nearest name (a guess) or out (a guess), a repeated item
// dropped (X reads a field once: safe), an empty item dropped (safe), an
// empty list dropped with its parameter (a guess).
func fixListItem(req Request, u *rawURL, d *Diagnostic) []Fix {
	ps := u.pairsNamed(d.Parameter)
	if len(ps) == 0 {
		return nil
	}
	p := ps[0]
	raw := u.src[p.valueStart():p.end]
	if d.Code == CodeEmptyParameter && raw == "" {
		return []Fix{{Title: "Remove the empty " + d.Parameter, Safe: false, Edits: []Edit{u.removePair(p)}}}
	}
	items := listItems(raw, p.valueStart())
	switch d.Code {
	case CodeEmptyParameter:
		for i, it := range items {
			if it.text == "" {
				return []Fix{{Title: "Remove the empty item", Safe: true, Edits: []Edit{removeItem(items, i)}}}
			}
		}
	case CodeDuplicateItem:
		seen := map[string]bool{}
		for i, it := range items {
			if seen[it.text] && it.text == d.Value {
				return []Fix{{Title: "Remove the repeated " + it.text, Safe: true, Edits: []Edit{removeItem(items, i)}}}
			}
			seen[it.text] = true
		}
	case CodeNotInEnum:
		for i, it := range items {
			if it.text != d.Value {
				continue
			}
			if s, ok := strings.CutPrefix(d.Hint, "did you mean `"); ok {
				name := strings.TrimSuffix(s, "`?")
				return []Fix{oneURLEdit("Did you mean "+name+"?", false, it.start, it.end, formEscape(name))}
			}
			if len(items) > 1 {
				return []Fix{{Title: "Remove " + it.text, Safe: false, Edits: []Edit{removeItem(items, i)}}}
			}
		}
	}
	return nil
}

// listItem is one item of a raw list value: its decoded text and its byte
// span in the URL.
type listItem struct {
	text       string
	start, end int
}

// listItems splits a raw value on ',' or its escape %2C.
func listItems(raw string, base int) []listItem {
	var out []listItem
	start := 0
	for i := 0; i <= len(raw); {
		sep := 0
		switch {
		case i == len(raw):
			sep = 1
		case raw[i] == ',':
			sep = 1
		case raw[i] == '%' && i+2 < len(raw) && raw[i+1] == '2' && (raw[i+2] == 'C' || raw[i+2] == 'c'):
			sep = 3
		}
		if sep == 0 {
			i++
			continue
		}
		text, _ := decodeWithOffsets(raw[start:i])
		out = append(out, listItem{text: text, start: base + start, end: base + i})
		if i == len(raw) {
			break
		}
		i += sep
		start = i
	}
	return out
}

// removeItem deletes items[i] with one separator next to it.
func removeItem(items []listItem, i int) Edit {
	it := items[i]
	if i+1 < len(items) {
		return urlEdit(it.start, items[i+1].start, "")
	}
	return urlEdit(items[i-1].end, it.end, "")
}

// fixNestedQuery carries the query linter's fixes over to the URL: the
// query's spans are mapped through its percent-encoding, and new text is
// encoded for the query string.
func fixNestedQuery(req Request, u *rawURL, d *Diagnostic) []Fix {
	ps := u.pairsNamed(d.Parameter)
	if len(ps) == 0 || len(d.Query) == 0 {
		return nil
	}
	p := ps[0]
	value, offs := decodeWithOffsets(u.src[p.valueStart():p.end])
	if value != d.Value {
		return nil
	}
	opts := query.Options{Endpoint: queryEndpoints[pathOnly(u)], Tier: req.Tier}
	query.AttachFixes(value, opts, d.Query)
	var out []Fix
	for _, qd := range d.Query {
		for _, qf := range qd.Fixes {
			f := Fix{Title: qf.Title, Safe: qf.Safe}
			for _, e := range qf.Edits {
				start, end := p.valueStart()+offs[e.ByteSpan.Start], p.valueStart()+offs[e.ByteSpan.End]
				f.Edits = append(f.Edits, urlEdit(start, end, formEscape(e.NewText)))
			}
			out = append(out, f)
		}
	}
	return out
}

// pathOnly is the URL's path without a trailing slash.
func pathOnly(u *rawURL) string {
	path := u.src[u.pathStart:u.pathEnd]
	if len(path) > 1 {
		path = strings.TrimSuffix(path, "/")
	}
	return path
}
