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
