package proxy

import (
	"strconv"
	"strings"
)

// origin is scheme://host[:port] as browsers send it in Origin and as
// X_API_ORIGIN names the upstream (RFC 6454 §6.1 serialisation: lowercase
// scheme and host, no path, no userinfo).
type origin struct {
	scheme string
	host   string // host[:port]; an IPv6 literal in brackets
}

// parseOrigin reads an origin; the problem, when not "", says what is wrong
// without quoting the input (the caller does, for settings that are not secret).
func parseOrigin(s string) (origin, string) {
	scheme, rest, ok := strings.Cut(s, "://")
	switch {
	case !ok:
		return origin{}, "not a URL; expected scheme://host[:port], e.g. https://api.x.com"
	case scheme != "https" && scheme != "http":
		return origin{}, "scheme " + quote(scheme) + " is not https or http"
	case rest == "":
		return origin{}, "has no host"
	case strings.ContainsAny(rest, "/?#"):
		return origin{}, "an origin is scheme://host[:port] with no path, query or fragment"
	case strings.Contains(rest, "@"):
		return origin{}, "an origin carries no user name or password"
	}
	host, port := rest, ""
	if strings.HasPrefix(rest, "[") {
		end := strings.IndexByte(rest, ']')
		if end < 0 || !ipv6Literal(rest[1:end]) {
			return origin{}, "has a malformed IPv6 address"
		}
		host, port = rest[:end+1], strings.TrimPrefix(rest[end+1:], ":")
		if port == "" && len(rest) > end+1 {
			return origin{}, "has an empty port"
		}
	} else if h, p, hasPort := strings.Cut(rest, ":"); hasPort {
		host, port = h, p
		if port == "" {
			return origin{}, "has an empty port"
		}
	}
	if port != "" {
		n, err := strconv.Atoi(port)
		if err != nil || n < 1 || n > 65535 || port[0] == '0' {
			return origin{}, "port is not a number from 1 to 65535"
		}
	}
	if !strings.HasPrefix(host, "[") {
		if p := checkHostName(host); p != "" {
			return origin{}, p
		}
	}
	return origin{scheme: scheme, host: rest}, ""
}

// checkHostName accepts DNS names and IPv4 addresses in the lowercase form
// browsers serialise them in.
func checkHostName(h string) string {
	if h == "" {
		return "has no host"
	}
	for i := 0; i < len(h); i++ {
		c := h[i]
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9', c == '-', c == '.':
		case c >= 'A' && c <= 'Z':
			return "has upper-case letters; origins are lower-case (browsers send them so, and matching is exact)"
		default:
			return "host has a character other than a-z, 0-9, '-' and '.'"
		}
	}
	if len(h) > 253 {
		return "host is longer than 253 characters"
	}
	for _, label := range strings.Split(h, ".") {
		if label == "" {
			return "host has an empty label"
		}
		if len(label) > 63 {
			return "host has a label longer than 63 characters"
		}
	}
	return ""
}

func ipv6Literal(s string) bool {
	if s == "" || strings.Count(s, ":") < 2 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c == ':' || c == '.') {
			return false
		}
	}
	return true
}

// loopback reports whether the origin names this machine: localhost,
// 127.0.0.0/8 or [::1]. Only there may X be stood in for over plain http.
func (o origin) loopback() bool {
	host := o.host
	if strings.HasPrefix(host, "[") {
		return host[:strings.IndexByte(host, ']')+1] == "[::1]"
	}
	host, _, _ = strings.Cut(host, ":")
	if host == "localhost" {
		return true
	}
	parts := strings.Split(host, ".")
	if len(parts) != 4 || parts[0] != "127" {
		return false
	}
	for _, p := range parts[1:] {
		n, err := strconv.Atoi(p)
		if err != nil || n < 0 || n > 255 || p == "" {
			return false
		}
	}
	return true
}
