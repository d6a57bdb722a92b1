package jsonsize_test

import (
	"fmt"

	"github.com/xpreflight/xpreflight/core/internal/jsonsize"
)

func ExampleString() {
	fmt.Println(jsonsize.String("cat"), jsonsize.String("<cat>"), jsonsize.String("\x00"))
	// Output: 5 17 8
}

func ExampleTruncate() {
	fmt.Println(jsonsize.Truncate("a long parameter value", 10))
	// Output: a long …
}

func ExampleFit() {
	fmt.Println(jsonsize.Fit("<<<<<<<<<<", 20))
	// Output: <<…
}
