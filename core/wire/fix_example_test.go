package wire_test

import (
	"fmt"

	"github.com/xpreflight/xpreflight/core/wire"
)

func ExampleHandle_fixQuery() {
	out := wire.Handle("fixQuery", []byte(`{"query":"rock AND roll from:@jack"}`))
	fmt.Println(string(out))
	// Output: {"ok":true,"result":{"query":"rock roll from:jack","applied":[{"code":"explicit-and","title":"Remove AND: a space already joins two clauses"},{"code":"username-at-sign","title":"Remove the @"}],"report":{"valid":true,"length":19,"maxLength":512,"diagnostics":[],"formatted":"rock roll from:jack"}}}
}

func ExampleHandle_fixRequest() {
	out := wire.Handle("fixRequest", []byte(`{"method":"GET","url":"/2/tweets?ids=1,,2&tweet.fields=id,id","apply":"safe"}`))
	fmt.Println(string(out))
	// Output: {"ok":true,"result":{"url":"/2/tweets?ids=1,2\u0026tweet.fields=id","body":null,"applied":[{"code":"empty-parameter","title":"Remove the empty item"},{"code":"duplicate-item","title":"Remove the repeated id"}],"result":{"valid":true,"route":"GET /2/tweets","diagnostics":[],"problem":null}}}
}
