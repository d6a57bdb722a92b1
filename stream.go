package xpreflight

import "strings"

// isStreamPath: X's streaming endpoints are the paths with a "stream"
// segment (…/search/stream, …/sample/stream, …/firehose/stream/lang/en)
// except the rule management under …/stream/rules, which answers ordinary
// JSON. The Worker applies the same rule (worker/proxy.isStreamPath).
func isStreamPath(path string) bool {
	for path != "" {
		var seg string
		seg, path, _ = strings.Cut(strings.TrimPrefix(path, "/"), "/")
		if seg == "stream" {
			next, _, _ := strings.Cut(path, "/")
			return next != "rules"
		}
	}
	return false
}
