package jsonnest

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestDeeper(t *testing.T) {
	tests := []struct {
		name   string
		json   string
		limit  int
		offset int
		deeper bool
	}{
		{"empty", ``, 0, -1, false},
		{"scalar", `"x"`, 0, -1, false},
		{"object at limit 1", `{"a":1}`, 1, -1, false},
		{"object past limit 0", `{"a":1}`, 0, 0, true},
		{"siblings do not add up", `[[1],[2],[3]]`, 2, -1, false},
		{"third level past 2", `{"a":[{"b":1}]}`, 2, 6, true},
		{"brackets in strings are text", `["[[[[", "{{{{"]`, 1, -1, false},
		{"escaped quote stays in the string", `["\"[[[["]`, 1, -1, false},
		{"escaped backslash ends before the quote", `["\\", [1]]`, 1, 7, true},
		{"unbalanced closers never go negative in effect", `]]]][[`, 1, 5, true},
		{"unterminated string hides the rest", `["[[[[`, 1, -1, false},
		{"100,000 '['", strings.Repeat("[", 100_000), MaxDepth, MaxDepth, true},
		{"white space and numbers", " [ 1 , [ 2 , [ 3 ] ] ] ", 3, -1, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			off, deeper := Deeper([]byte(tt.json), tt.limit)
			if off != tt.offset || deeper != tt.deeper {
				t.Errorf("Deeper(%.40q, %d) = %d, %v; want %d, %v", tt.json, tt.limit, off, deeper, tt.offset, tt.deeper)
			}
		})
	}
}

// FuzzDeeper holds Deeper to encoding/json's reading of valid documents:
// the deepest level of brackets Deeper finds is the one json sees.
func FuzzDeeper(f *testing.F) {
	for _, s := range []string{`{"a":[1,{"b":"]"}]}`, `"\\\""`, `[[[]]]`, `{"k\"[":{}}`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var v any
		if json.Unmarshal([]byte(s), &v) != nil {
			Deeper([]byte(s), 3) // any bytes: must not panic
			return
		}
		want := depthOf(v)
		if _, deeper := Deeper([]byte(s), want); deeper {
			t.Errorf("%q nests %d deep, Deeper says deeper", s, want)
		}
		if want > 0 {
			if _, deeper := Deeper([]byte(s), want-1); !deeper {
				t.Errorf("%q nests %d deep, Deeper(%d) says not deeper", s, want, want-1)
			}
		}
	})
}

func depthOf(v any) int {
	d := 0
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			d = max(d, depthOf(e))
		}
		return d + 1
	case map[string]any:
		for _, e := range x {
			d = max(d, depthOf(e))
		}
		return d + 1
	}
	return 0
}
