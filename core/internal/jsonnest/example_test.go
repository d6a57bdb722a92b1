package jsonnest_test

import (
	"fmt"

	"github.com/xpreflight/xpreflight/core/internal/jsonnest"
)

func ExampleDeeper() {
	fmt.Println(jsonnest.Deeper([]byte(`{"add":[{"value":"cat"}]}`), jsonnest.MaxDepth))
	fmt.Println(jsonnest.Deeper([]byte(`{"a":{"b":{"c":[]}}}`), 2))
	// Output:
	// -1 false
	// 10 true
}
