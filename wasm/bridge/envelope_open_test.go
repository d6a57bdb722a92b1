package bridge

import (
	"encoding/json"
	"testing"
)

func TestResultOpenClose(t *testing.T) {
	for _, v := range []any{nil, 1, "a<b", []string{"x"}, map[string]any{"class": "success", "roomUntil": 1}} {
		raw, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := ResultOpen+string(raw)+ResultClose, string(Result(v)); got != want {
			t.Errorf("ResultOpen+%s+ResultClose = %s, Result gives %s", raw, got, want)
		}
	}
}
