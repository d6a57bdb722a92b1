package swar_test

import (
	"fmt"

	"github.com/xpreflight/xpreflight/internal/swar"
)

// Where the first space or '#' of s is: words first, then bytes.
func Example() {
	s := "expansions=author_id&query=cats dogs"
	i := 0
	for ; i+swar.Size <= len(s); i += swar.Size {
		if x := swar.Word(s[i:]); swar.Below(x, 0x21)|swar.Is(x, '#') != 0 {
			break
		}
	}
	word := i
	for ; i < len(s) && s[i] > 0x20 && s[i] != '#'; i++ {
	}
	fmt.Println(word, i)
	// Output: 24 31
}
