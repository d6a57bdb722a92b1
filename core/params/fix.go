package params

import (
	"strings"

	"github.com/xpreflight/xpreflight/core/query"
)

// Fix is one repair for a request finding, as edits of the text the
// caller sent: its URL, or its body. Safe means the request keeps what X
// would do with it (an https scheme, a page-token name the endpoint
// takes); a guess at intent (a clamped max_results, a "did you mean") is
// not safe.
type Fix struct {
	Title string `json:"title"`
	Safe  bool   `json:"safe"`
	Edits []Edit `json:"edits"`
}

// Edit replaces the text at Span (UTF-16 units) / ByteSpan (bytes) of the
// URL (In "url") or of the body (In "body"; Pointer names the JSON value
// edited) with NewText. A fix's edits are sorted and never overlap.
type Edit struct {
	In       string      `json:"in"`
	Pointer  string      `json:"pointer,omitempty"`
	Span     query.Range `json:"span"`
	ByteSpan query.Range `json:"byteSpan"`
	NewText  string      `json:"newText"`
}

// Where an edit applies.
const (
	InURL  = "url"
	InBody = "body"
)

// Bounds on the requests fixes are offered for: each candidate is checked
// by validating the fixed request, so the work grows with the request.
const (
	maxFixURL  = 16 << 10
	maxFixBody = 64 << 10
)

// AttachFixes fills in the Fixes of each finding of r (Validate's answer
// for req) that has a clear repair. Every fix offered has been applied and
// re-validated: none leaves more errors than req has.
func AttachFixes(req Request, r *Result) {
	work := MaxFixWork
	attachFixes(req, r, &work)
}

// MaxFixWork bounds the checking of fixes in one call (AttachFixes, or a
// whole FixRequest): the bytes of fixed requests (URL and body)
// re-validated, each check a full validation (a few ms for a hostile
// request under wasm). Past it, the findings left get no fixes.
const MaxFixWork = 32 << 10

// attachFixes is AttachFixes spending at most *work (see MaxFixWork).
func attachFixes(req Request, r *Result, work *int) {
	if len(req.URL) > maxFixURL || len(req.Body) > maxFixBody || len(r.Diagnostics) == 0 || *work <= 0 {
		return
	}
	u := scanURL(req.URL)
	before := countErrors(r.Diagnostics)
	for i := range r.Diagnostics {
		d := &r.Diagnostics[i]
		var kept []Fix
		for _, f := range proposeRequestFixes(req, &u, d) {
			fixed, ok := applyRequestFix(req, f)
			if !ok {
				continue
			}
			cost := len(fixed.URL) + len(fixed.Body)
			if *work < cost {
				d.Fixes, *work = kept, 0
				return
			}
			*work -= cost
			if countErrors(Validate(fixed).Diagnostics) > before {
				continue
			}
			fillRequestSpans(req, f.Edits)
			kept = append(kept, f)
		}
		d.Fixes = kept
	}
}

func countErrors(diags []Diagnostic) int {
	n := 0
	for i := range diags {
		if diags[i].Severity == sevError {
			n++
		}
	}
	return n
}

// applyRequestFix returns req with f's edits applied.
func applyRequestFix(req Request, f Fix) (Request, bool) {
	var urlEdits, bodyEdits []Edit
	for _, e := range f.Edits {
		if e.In == InBody {
			bodyEdits = append(bodyEdits, e)
		} else {
			urlEdits = append(urlEdits, e)
		}
	}
	u, ok := applyTextEdits(req.URL, urlEdits)
	if !ok {
		return req, false
	}
	out := req
	out.URL = u
	if len(bodyEdits) > 0 {
		b, ok := applyTextEdits(string(req.Body), bodyEdits)
		if !ok {
			return req, false
		}
		out.Body = []byte(b)
	}
	return out, true
}

func applyTextEdits(src string, edits []Edit) (string, bool) {
	var b strings.Builder
	at := 0
	for _, e := range edits {
		if e.ByteSpan.Start < at || e.ByteSpan.End < e.ByteSpan.Start || e.ByteSpan.End > len(src) {
			return "", false
		}
		b.WriteString(src[at:e.ByteSpan.Start])
		b.WriteString(e.NewText)
		at = e.ByteSpan.End
	}
	b.WriteString(src[at:])
	return b.String(), true
}

func fillRequestSpans(req Request, edits []Edit) {
	for i := range edits {
		src := req.URL
		if edits[i].In == InBody {
			src = string(req.Body)
		}
		edits[i].Span = query.Range{Start: utf16Units(src[:edits[i].ByteSpan.Start]), End: utf16Units(src[:edits[i].ByteSpan.End])}
	}
}

// utf16Units counts s in UTF-16 code units, an invalid byte as one.
func utf16Units(s string) int {
	n := 0
	for _, r := range s {
		n++
		if r >= 0x10000 {
			n++
		}
	}
	return n
}

// rawURL locates the parts of a request URL as the caller wrote it.
type rawURL struct {
	src                string
	pathStart, pathEnd int // the path, without the query string or fragment
	pairs              []rawPair
}

// rawPair is one name=value of the query string: byte offsets into the URL
// and the decoded name.
type rawPair struct {
	start, eq, end int // eq == end when there is no '='
	name           string
}

func (p rawPair) valueStart() int {
	if p.eq == p.end {
		return p.end
	}
	return p.eq + 1
}

func scanURL(src string) rawURL {
	u := rawURL{src: src}
	end := len(src)
	if i := strings.IndexByte(src, '#'); i >= 0 {
		end = i
	}
	if i := strings.Index(src, "://"); i >= 0 && i < end {
		if j := strings.IndexAny(src[i+3:end], "/?"); j >= 0 {
			u.pathStart = i + 3 + j
		} else {
			u.pathStart = end
		}
	}
	u.pathEnd = end
	if i := strings.IndexByte(src[u.pathStart:end], '?'); i >= 0 {
		u.pathEnd = u.pathStart + i
		for at := u.pathEnd + 1; at <= end; {
			stop := strings.IndexByte(src[at:end], '&')
			if stop < 0 {
				stop = end
			} else {
				stop += at
			}
			if stop > at {
				eq := strings.IndexByte(src[at:stop], '=')
				if eq < 0 {
					eq = stop
				} else {
					eq += at
				}
				name, _ := decodeWithOffsets(src[at:eq])
				u.pairs = append(u.pairs, rawPair{start: at, eq: eq, end: stop, name: name})
			}
			at = stop + 1
		}
	}
	return u
}

// pairsNamed lists the query string's pairs whose decoded name is name.
func (u *rawURL) pairsNamed(name string) []rawPair {
	var out []rawPair
	for _, p := range u.pairs {
		if p.name == name {
			out = append(out, p)
		}
	}
	return out
}

// decodeWithOffsets form-decodes s ('+' is a space, %XX a byte) and maps
// each decoded byte to the offset in s where its encoding starts;
// offs[len(decoded)] is len(s). A malformed escape is kept as written.
func decodeWithOffsets(s string) (string, []int) {
	var b strings.Builder
	offs := make([]int, 0, len(s)+1)
	for i := 0; i < len(s); {
		offs = append(offs, i)
		switch {
		case s[i] == '+':
			b.WriteByte(' ')
			i++
		case s[i] == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]):
			b.WriteByte(unhex(s[i+1])<<4 | unhex(s[i+2]))
			i += 3
		default:
			b.WriteByte(s[i])
			i++
		}
	}
	offs = append(offs, len(s))
	return b.String(), offs
}

// formEscape percent-encodes s for a query-string value: everything but
// RFC 3986's unreserved characters.
func formEscape(s string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '_' || c == '.' || c == '~' {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&15])
	}
	return b.String()
}

func urlEdit(start, end int, text string) Edit {
	return Edit{In: InURL, ByteSpan: query.Range{Start: start, End: end}, NewText: text}
}

func oneURLEdit(title string, safe bool, start, end int, text string) Fix {
	return Fix{Title: title, Safe: safe, Edits: []Edit{urlEdit(start, end, text)}}
}

// removePair deletes a pair with the '&' that joins it to the rest.
func (u *rawURL) removePair(p rawPair) Edit {
	start, end := p.start, p.end
	switch {
	case end < len(u.src) && u.src[end] == '&':
		end++
	case start > 0 && u.src[start-1] == '&':
		start--
	case start > 0 && u.src[start-1] == '?' && (end == len(u.src) || u.src[end] == '#'):
		start-- // the only pair: drop the '?' too
	}
	return urlEdit(start, end, "")
}
