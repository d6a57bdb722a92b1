package params

import (
	"regexp"
	"sync"
)

// Patterns are compiled on first use and cached; the ID pattern, checked on
// almost every request, has a hand-written matcher.
var (
	patternMu    sync.Mutex
	patternCache = map[string]*regexp.Regexp{}
)

const idPattern = "^[0-9]{1,19}$"

func matchPattern(pattern, s string) bool {
	if pattern == idPattern {
		return isID(s)
	}
	patternMu.Lock()
	re, ok := patternCache[pattern]
	if !ok {
		var err error
		re, err = regexp.Compile(pattern)
		if err != nil {
			// The generator only emits RE2 patterns; a failure here would
			// be a generator bug, and rejecting on it a false rejection.
			re = nil
		}
		patternCache[pattern] = re
	}
	patternMu.Unlock()
	return re == nil || re.MatchString(s)
}

// isID matches ^[0-9]{1,19}$.
func isID(s string) bool {
	if len(s) == 0 || len(s) > 19 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
