package xpreflight

import (
	"net/url"
	"strings"
)

// isXAPIHost reports whether host (URL.Host: a name and an optional port)
// is one of X's API hosts. X serves v2 on api.x.com and, still,
// api.twitter.com (x-api-facts.md; both hosts occur in live problem URIs).
func isXAPIHost(host string) bool {
	name := host
	if i := strings.LastIndexByte(host, ':'); i >= 0 && !strings.Contains(host[i:], "]") {
		name = host[:i]
	}
	return strings.EqualFold(name, "api.x.com") || strings.EqualFold(name, "api.twitter.com")
}

// isX reports whether a request to u is judged and retried: X's hosts,
// and the hosts given to WithHosts.
func (c *config) isX(u *url.URL) bool {
	if u == nil {
		return false
	}
	if isXAPIHost(u.Host) {
		return true
	}
	for _, h := range c.extra {
		if strings.EqualFold(u.Host, h) {
			return true
		}
	}
	return false
}
