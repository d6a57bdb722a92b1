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

// ParseRateLimit reads the rate-limit headers; nil when none is present.
func ParseRateLimit(headers map[string]string) (*RateLimit, []HeaderIssue) {
	var issues []HeaderIssue
	window, hasWindow := readWindow(headers, windowPrefix, &issues)
	appDay, hasApp := readWindow(headers, appDayPrefix, &issues)
	userDay, hasUser := readWindow(headers, userDayPrefix, &issues)
	if !hasWindow && !hasApp && !hasUser {
		return nil, issues
	}
	rl := &RateLimit{Window: window}
	if hasApp {
		rl.AppDay = &appDay
	}
	if hasUser {
		rl.UserDay = &userDay
	}
	return rl, issues
}

// readWindow reads prefix+limit/remaining/reset; present is true when any of
// the three headers exists, readable or not.
func readWindow(headers map[string]string, prefix string, issues *[]HeaderIssue) (w Window, present bool) {
	for i, dst := range [...]**int64{&w.Limit, &w.Remaining, &w.Reset} {
		name := prefix + WindowFields[i]
		raw, ok := header.Get(headers, name)
		if !ok {
			continue
		}
		present = true
		n, err := strconv.ParseInt(strings.TrimSpace(raw), 10, 64)
		if err != nil || n < 0 {
			*issues = append(*issues, HeaderIssue{Header: name, Value: raw, Message: "expected a non-negative integer"})
			continue
		}
		*dst = &n
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
