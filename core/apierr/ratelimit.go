package apierr

import (
	"strconv"
	"strings"
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
	for _, f := range []struct {
		suffix string
		dst    **int64
	}{{"limit", &w.Limit}, {"remaining", &w.Remaining}, {"reset", &w.Reset}} {
		raw, ok := Header(headers, prefix+f.suffix)
		if !ok {
			continue
		}
		present = true
		n, err := strconv.ParseInt(strings.TrimSpace(raw), 10, 64)
		if err != nil || n < 0 {
			*issues = append(*issues, HeaderIssue{Header: prefix + f.suffix, Value: raw, Message: "expected a non-negative integer"})
			continue
		}
		*f.dst = &n
	}
	return w, present
}
