package strtab_test

import (
	"fmt"

	"github.com/xpreflight/xpreflight/core/internal/strtab"
)

func ExampleTable_Find() {
	t := strtab.New([]string{"day", "hour", "minute"})
	fmt.Println(t.Find("hour"), t.Find("week"))
	// Output: 1 -1
}
