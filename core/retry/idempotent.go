package retry

import "strings"

// idempotentPosts are the POST operations of spec 2.167 that set a state
// rather than create something, so sending one twice leaves X as sending it
// once did (a second like, follow or repost changes nothing; a rule added
// twice comes back as duplicate-rules). Every other POST creates (a Post, a
// DM, a list, a job, an upload step) and is not retried after a 5xx or a
// network failure, when X may have acted on it. A test checks each entry
// is a POST of the spec.
var idempotentPosts = []string{
	"/2/chat/conversations/{id}/messages/delete",
	"/2/chat/conversations/{id}/read",
	"/2/chat/conversations/{id}/typing",
	"/2/lists/{id}/members",
	"/2/tweets/search/stream/rules",
	"/2/users/{id}/bookmarks",
	"/2/users/{id}/dm/block",
	"/2/users/{id}/dm/unblock",
	"/2/users/{id}/followed_lists",
	"/2/users/{id}/following",
	"/2/users/{id}/likes",
	"/2/users/{id}/muting",
	"/2/users/{id}/pinned_lists",
	"/2/users/{id}/retweets",
}

// Idempotent reports whether repeating the request is safe after X may
// have acted on it. GET, HEAD, OPTIONS, PUT and DELETE are (RFC 9110
// §9.2.2); POST only for the operations above; PATCH and others are not.
// An empty method is taken as idempotent: no method means the caller did
// not say, and most calls are GETs.
func Idempotent(method, url string) bool {
	switch strings.ToUpper(method) {
	case "", "GET", "HEAD", "OPTIONS", "PUT", "DELETE":
		return true
	case "POST":
		path := pathOf(url)
		for _, tmpl := range idempotentPosts {
			if matchTemplate(tmpl, path) {
				return true
			}
		}
	}
	return false
}

// pathOf strips scheme, host, query and fragment from a URL or path.
func pathOf(url string) string {
	if i := strings.Index(url, "://"); i >= 0 {
		rest := url[i+3:]
		if j := strings.IndexByte(rest, '/'); j >= 0 {
			url = rest[j:]
		} else {
			url = "/"
		}
	}
	url, _, _ = strings.Cut(url, "?")
	url, _, _ = strings.Cut(url, "#")
	return url
}

// matchTemplate matches a path against "/2/users/{id}/likes": a {name}
// segment matches any one non-empty segment.
func matchTemplate(tmpl, path string) bool {
	ts := strings.Split(strings.Trim(tmpl, "/"), "/")
	ps := strings.Split(strings.Trim(path, "/"), "/")
	if len(ts) != len(ps) {
		return false
	}
	for i, t := range ts {
		if strings.HasPrefix(t, "{") {
			if ps[i] == "" {
				return false
			}
			continue
		}
		if t != ps[i] {
			return false
		}
	}
	return true
}
