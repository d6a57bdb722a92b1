package editdist_test

import (
	"fmt"

	"github.com/xpreflight/xpreflight/core/internal/editdist"
)

func ExampleWithin() {
	fmt.Println(editdist.Within("min_faves", "min_likes", 3))
	fmt.Println(editdist.Within("granularity", "gran", 3))
	// Output:
	// 3 true
	// 0 false
}
