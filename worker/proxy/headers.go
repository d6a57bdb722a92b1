package proxy

import (
	"strings"
	"unicode/utf8"

	"github.com/xpreflight/xpreflight/core/apierr"
	"github.com/xpreflight/xpreflight/core/header"
	"github.com/xpreflight/xpreflight/internal/swar"
)

// Headers is a header map with lower-case names, as the shim sends it (JS
// Headers iterate lower-cased, with repeated fields joined by ", ").
type Headers map[string]string

// Get looks a name up with core/header's one lookup (case-insensitive,
// independent of map order).
func (h Headers) Get(name string) string {
	v, _ := header.Get(h, name)
	return v
}

// lookup is Get for a map whose names are all folded already (folded, as
// AddLines reports it): then no other spelling of a name can be in it, and
// header.Get's answer is one map access (header.Folded.Get), without the
// scan of every name that was most of each Get under wasm.
func (h Headers) lookup(name string, folded bool) string {
	if !folded {
		return h.Get(name)
	}
	v, _ := header.Folded(h).Get(name)
	return v
}

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

// ParseHeaderLines reads "name: value" lines separated by "\n" (src/go.mjs's
// compact form of a JS Headers object; HTTP field values cannot contain a
// newline). Names are lower-cased; a line without ':' is skipped. The map is
// sized for every line at once (growing it step by step was a third of
// BenchmarkParseHeaderLines), and names and values are substrings of s.
func ParseHeaderLines(s string) Headers {
	h := make(Headers, strings.Count(s, "\n")+1)
	h.AddLines(s)
	return h
}

// AddLines adds the header lines of s to h as ParseHeaderLines reads them,
// for a caller that keeps one map for many calls (making a map of a dozen
// headers was 7% of the Worker's annotate call under wasm). It reports
// whether every name it added is folded (lower-case ASCII, as JS Headers
// send them): a caller that filled an empty map with it can then look
// names up without header.Get's scan (Inbound.HeadersFolded,
// Outbound.HeadersFolded).
func (h Headers) AddLines(s string) (folded bool) { return h.addLines(s, false) }

// addRateLimitLines adds the lines of s whose name, as AddLines stores it,
// starts with the prefix of a rate-limit window (x-rate-limit-,
// x-app-limit-24hour-, x-user-limit-24hour-: apierr.IsRateLimitHeader), and
// reports whether every name of s is folded, as AddLines would. Only when
// they all are does h hold, under each rate-limit name, what AddLines
// would put there: a name not folded could spell one of them otherwise
// (x-uſer-limit-24hour-reset), and the caller then reads every line.
func (h Headers) addRateLimitLines(s string) (folded bool) { return h.addLines(s, true) }

// addLines is AddLines, or with rateLimitOnly addRateLimitLines: one loop
// over the lines for both.
func (h Headers) addLines(s string, rateLimitOnly bool) (folded bool) {
	folded = true
	for s != "" {
		var line string
		line, s, _ = strings.Cut(s, "\n")
		colon, lower := nameEnd(line)
		if colon < 0 {
			continue
		}
		name := strings.TrimSpace(line[:colon])
		if !lower {
			name = strings.ToLower(name)
			if !header.IsFolded(name) {
				if rateLimitOnly {
					return false
				}
				folded = false
			}
		}
		if !rateLimitOnly || apierr.IsRateLimitHeader(name) {
			h[name] = strings.TrimSpace(line[colon+1:])
		}
	}
	return folded
}

// nameEnd finds a header line's ':' (-1 when it has none) and reports
// whether the name before it is lower-case ASCII already, in one pass
// (strings.Cut, then strings.ToLower's own check, were two), eight bytes
// at a time (internal/swar) and then byte by byte.
func nameEnd(line string) (colon int, lower bool) {
	lower = true
	i := 0
	for ; i+swar.Size <= len(line); i += swar.Size {
		x := swar.Word(line[i:])
		notLower := swar.NonASCII(x) | upperASCII(x)
		if c := swar.Is(x, ':'); c != 0 {
			k := swar.First(c) // the first colon, exactly
			// The lanes below it are exact: a carry in upperASCII runs
			// upwards, from a non-ASCII lane NonASCII marks itself.
			return i + k, lower && notLower&(1<<(8*k)-1) == 0
		}
		lower = lower && notLower == 0
	}
	for ; i < len(line); i++ {
		switch c := line[i]; {
		case c == ':':
			return i, lower
		case 'A' <= c && c <= 'Z' || c >= utf8.RuneSelf:
			lower = false
		}
	}
	return -1, lower
}

// upperASCII marks the lanes of x that hold 'A'–'Z', exactly when every
// lane is ASCII (adding 0x3f sets the high bit of a byte from 'A' up,
// adding 0x25 from '['); a non-ASCII lane may mark the lane above it.
func upperASCII(x uint64) uint64 {
	const lanes1, lanes8 = 0x0101010101010101, 0x8080808080808080
	return (x + lanes1*(0x80-'A')) &^ (x + lanes1*(0x80-'Z'-1)) & lanes8
}
