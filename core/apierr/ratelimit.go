package apierr

import (
	"strconv"
	"strings"

	"github.com/xpreflight/xpreflight/core/header"
)

// Window is one rate-limit window as X's headers describe it. A field is nil
// when its header is absent or unreadable (the latter is a HeaderIssue).
type Window struct {
	Limit     *int64 `json:"limit"`
	Remaining *int64 `json:"remaining"`
	Reset     *int64 `json:"reset"` // Unix seconds, absolute (facts §5.1)
}

// RateLimit is the rate-limit state of a response: the 15-minute window
// from x-rate-limit-*, and the 24-hour app and user caps from
// x-app-limit-24hour-* and x-user-limit-24hour-* when X sends them (it does
// not always: facts §5.1).
type RateLimit struct {
	Window
	AppDay  *Window `json:"appDay,omitempty"`
	UserDay *Window `json:"userDay,omitempty"`
}

// HeaderIssue is a header X documents whose value could not be read.
type HeaderIssue struct {
	Header  string `json:"header"`
	Value   string `json:"value"`
	Message string `json:"message"`
}

// Header name prefixes of the three windows.
const (
	windowPrefix  = "x-rate-limit-"
	appDayPrefix  = "x-app-limit-24hour-"
	userDayPrefix = "x-user-limit-24hour-"
)

// windowHeaders are the header names of each window's limit, remaining and
// reset, written out (prefix+field, WindowFields) so reading them builds no
// string.
var windowHeaders = [3][3]string{
	{"x-rate-limit-limit", "x-rate-limit-remaining", "x-rate-limit-reset"},
	{"x-app-limit-24hour-limit", "x-app-limit-24hour-remaining", "x-app-limit-24hour-reset"},
	{"x-user-limit-24hour-limit", "x-user-limit-24hour-remaining", "x-user-limit-24hour-reset"},
}

// IsRateLimitHeader reports whether a folded header name starts with the
// prefix of one of the three windows: every header ParseRateLimitFolded
// reads is one (TestWindowHeadersSpelledOut), so a caller that keeps only
// these from a folded map gets the same RateLimit.
func IsRateLimitHeader(name string) bool {
	return len(name) > len(windowPrefix) && name[:2] == "x-" &&
		(strings.HasPrefix(name, windowPrefix) || strings.HasPrefix(name, appDayPrefix) || strings.HasPrefix(name, userDayPrefix))
}

// ParseRateLimit reads the rate-limit headers; nil when none is present.
// The map is folded once (header.Fold) for the nine lookups.
func ParseRateLimit(headers map[string]string) (*RateLimit, []HeaderIssue) {
	return ParseRateLimitFolded(header.Fold(headers))
}

// ParseRateLimitFolded is ParseRateLimit of a map folded already, for a
// caller that knows it is (the Worker's, whose names it lower-cased while
// reading them): header.Fold's pass over every name, to find it has nothing
// to do, was a measurable part of the Worker's answer under wasm.
func ParseRateLimitFolded(h header.Folded) (*RateLimit, []HeaderIssue) {
	var issues []HeaderIssue
	window, hasWindow := readWindow(h, &windowHeaders[0], &issues)
	appDay, hasApp := readWindow(h, &windowHeaders[1], &issues)
	userDay, hasUser := readWindow(h, &windowHeaders[2], &issues)
	if !hasWindow && !hasApp && !hasUser {
		return nil, issues
	}
	rl := &RateLimit{Window: window}
	if hasApp {
		rl.AppDay = &Window{appDay.Limit, appDay.Remaining, appDay.Reset} // allocated only when sent
	}
	if hasUser {
		rl.UserDay = &Window{userDay.Limit, userDay.Remaining, userDay.Reset}
	}
	return rl, issues
}

// readWindow reads one window's limit, remaining and reset headers (names);
// present is true when any of the three exists, readable or not. The three
// numbers share one allocation, made for the first readable one (an
// allocation per number was a measurable part of the Worker's answer under
// wasm).
func readWindow(headers header.Folded, names *[3]string, issues *[]HeaderIssue) (w Window, present bool) {
	var numbers *[3]int64
	for i, dst := range [...]**int64{&w.Limit, &w.Remaining, &w.Reset} {
		raw, ok := headers[names[i]] // names are folded already (TestWindowHeadersSpelledOut)
		if !ok {
			continue
		}
		present = true
		n, err := strconv.ParseInt(strings.TrimSpace(raw), 10, 64)
		if err != nil || n < 0 {
			*issues = append(*issues, HeaderIssue{Header: names[i], Value: raw, Message: "expected a non-negative integer"})
			continue
		}
		if numbers == nil {
			numbers = new([3]int64)
		}
		numbers[i] = n
		*dst = &numbers[i]
	}
	return w, present
}

// Exhausted reports whether the window is used up: remaining 0 and a reset
// time, so X refuses the route until reset (Unix seconds). A window with
// either header missing or unreadable is not exhausted: a missed block costs
// one request, a wrong one refuses calls X would accept.
func (w Window) Exhausted() (reset int64, ok bool) {
	if w.Remaining == nil || *w.Remaining != 0 || w.Reset == nil {
		return 0, false
	}
	return *w.Reset, true
}

// NamedWindow is one window of a RateLimit with the header prefix it was
// read from ("x-rate-limit-", "x-app-limit-24hour-", "x-user-limit-24hour-").
type NamedWindow struct {
	Prefix string
	Window Window
}

// Windows lists the windows X sent, the 15-minute window first; none for a
// nil RateLimit.
func (rl *RateLimit) Windows() []NamedWindow {
	if rl == nil {
		return nil
	}
	out := []NamedWindow{{windowPrefix, rl.Window}}
	if rl.AppDay != nil {
		out = append(out, NamedWindow{appDayPrefix, *rl.AppDay})
	}
	if rl.UserDay != nil {
		out = append(out, NamedWindow{userDayPrefix, *rl.UserDay})
	}
	return out
}

// WindowFields are the header suffixes of one window: prefix+field names a
// header.
var WindowFields = [...]string{"limit", "remaining", "reset"}
