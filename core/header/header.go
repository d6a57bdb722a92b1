package header

import (
	"sort"
	"strings"
)

// Get returns the value of the named header, matched case-insensitively as
// HTTP requires. When the map holds the name in several spellings, the value
// under the spelling that sorts first wins, so the answer never depends on
// map order.
func Get(headers map[string]string, name string) (string, bool) {
	if v, ok := headers[name]; ok && !hasOtherSpelling(headers, name) {
		return v, true
	}
	var spellings []string
	for k := range headers {
		if strings.EqualFold(k, name) {
			spellings = append(spellings, k)
		}
	}
	if len(spellings) == 0 {
		return "", false
	}
	sort.Strings(spellings)
	return headers[spellings[0]], true
}

// hasOtherSpelling is the rare case of one header under two spellings; it
// only runs on an exact hit, so a map of a dozen headers costs one scan.
func hasOtherSpelling(headers map[string]string, name string) bool {
	for k := range headers {
		if k != name && strings.EqualFold(k, name) {
			return true
		}
	}
	return false
}
