package query

import "testing"

// operatorTable answers exactly what the generated operatorIndex map does,
// for every key and for names that are not operators.
func TestOperatorTableMatchesIndex(t *testing.T) {
	for key, want := range operatorIndex {
		if got, ok := findOperatorName(key); !ok || got != want {
			t.Errorf("findOperatorName(%q) = %v, %v; want %v", key, got, ok, want)
		}
		if got, ok := findOperator([]byte(key)); !ok || got != want {
			t.Errorf("findOperator(%q) = %v, %v; want %v", key, got, ok, want)
		}
	}
	for _, key := range []string{"", "f", "fro", "from:", "has:medias", "is:", "has", "FROM", "lang2"} {
		_, inMap := operatorIndex[key]
		if _, ok := findOperatorName(key); ok != inMap {
			t.Errorf("findOperatorName(%q) found = %v, map says %v", key, ok, inMap)
		}
		if _, ok := findOperator([]byte(key)); ok != inMap {
			t.Errorf("findOperator(%q) found = %v, map says %v", key, ok, inMap)
		}
	}
}
