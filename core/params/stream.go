package params

import "strings"

// Lookup returns the operation of the route table that method and url name
// (url as Request.URL takes it: a path with query, or an https://api.x.com/…
// URL), or nil when none matches or the URL cannot be read. It only routes:
// nothing about the parameters is judged.
func Lookup(method, url string) *Operation {
	if method != "GET" {
		method = strings.ToUpper(strings.TrimSpace(method))
	}
	var t target
	if ok, _ := parseTarget(url, &t); !ok {
		return nil
	}
	op, _ := matchPath(method, &t)
	return op
}

// IsStream is the one answer to "is this a stream?": the operation method
// and url name is marked x-twitter-streaming in the spec (Operation.Stream).
// An empty method, or HEAD, is looked up as GET, the method of every stream.
// A route the spec does not know is not a stream.
func IsStream(method, url string) bool {
	if method == "" || strings.EqualFold(method, "HEAD") {
		method = "GET"
	}
	op := Lookup(method, url)
	return op != nil && op.Stream
}
