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
