package header_test

import (
	"fmt"

	"github.com/xpreflight/xpreflight/core/header"
)

func ExampleGet() {
	v, ok := header.Get(map[string]string{"X-Rate-Limit-Reset": "1705420800"}, "x-rate-limit-reset")
	fmt.Println(v, ok)
	// Output: 1705420800 true
}

func ExampleFold() {
	h := header.Fold(map[string]string{"X-Rate-Limit-Remaining": "449", "x-rate-limit-reset": "1705420800"})
	remaining, _ := h.Get("x-rate-limit-remaining")
	reset, _ := h.Get("X-RATE-LIMIT-RESET")
	fmt.Println(remaining, reset)
	// Output: 449 1705420800
}

// A map whose names are all folded is its own Fold: a caller that knows it
// (having lower-cased them itself) converts it and skips Fold's pass.
func ExampleIsFolded() {
	fmt.Println(header.IsFolded("x-rate-limit-reset"), header.IsFolded("X-Rate-Limit-Reset"), header.IsFolded("x-rate-limit-re\u017fet"))
	// Output: true false false
}
