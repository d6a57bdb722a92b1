package jsonstr_test

import (
	"fmt"

	"github.com/xpreflight/xpreflight/internal/jsonstr"
)

func ExampleAppendString() {
	out := []byte(`{"route":`)
	out = jsonstr.AppendString(out, "GET <\"/2/x\">\u2028\xff")
	fmt.Println(string(append(out, '}')))
	// Output: {"route":"GET \u003c\"/2/x\"\u003e\u2028\ufffd"}
}
