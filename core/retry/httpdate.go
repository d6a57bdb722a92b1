package retry

import (
	"strconv"
	"strings"
	"time"

	"github.com/xpreflight/xpreflight/core/header"
)

// httpDateLayouts are the three forms RFC 9110 §5.6.7 says a recipient
// must accept: IMF-fixdate, obsolete RFC 850 and asctime.
var httpDateLayouts = []string{
	"Mon, 02 Jan 2006 15:04:05 GMT",
	"Monday, 02-Jan-06 15:04:05 GMT",
	"Mon Jan _2 15:04:05 2006",
}

// parseHTTPDate returns the instant in Unix ms.
func parseHTTPDate(s string) (int64, bool) {
	s = strings.TrimSpace(s)
	for _, layout := range httpDateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UnixMilli(), true
		}
	}
	return 0, false
}

// clock turns server instants into client waits. X's reset and Retry-After
// dates are on the server's clock; with a Date header the wait is measured
// against the server's own "now", so a skewed client clock (or a Worker's
// clock frozen between I/O) does not shift it.
type clock struct {
	now       int64 // client Unix ms
	serverNow int64 // from the Date header, Unix ms
	anchored  bool
}

func newClock(now int64, headers map[string]string) clock {
	c := clock{now: now, serverNow: now}
	if d, ok := header.Get(headers, "date"); ok {
		if ms, ok := parseHTTPDate(d); ok {
			c.serverNow, c.anchored = ms, true
		}
	}
	return c
}

// until is the wait from server-now to the server instant at (Unix ms).
func (c clock) until(at int64) int64 { return at - c.serverNow }

// retryAfter reads Retry-After as a wait in ms: delay-seconds or an
// HTTP-date (RFC 9110 §10.2.3).
func (c clock) retryAfter(headers map[string]string) (int64, bool) {
	v, ok := header.Get(headers, "retry-after")
	if !ok {
		return 0, false
	}
	v = strings.TrimSpace(v)
	if secs, err := strconv.ParseInt(v, 10, 64); err == nil && secs >= 0 {
		return satMul(secs, 1000), true
	}
	if at, ok := parseHTTPDate(v); ok {
		return max(c.until(at), 0), true
	}
	return 0, false
}
