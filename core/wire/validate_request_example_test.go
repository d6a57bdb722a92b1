package wire_test

import (
	"fmt"

	"github.com/xpreflight/xpreflight/core/wire"
)

func ExampleHandle_validateRequest() {
	out := wire.Handle("validateRequest", []byte(`{"method":"GET","url":"/2/tweets/search/recent?query=cat&max_results=5"}`))
	fmt.Println(string(out))
	// Output: {"ok":true,"result":{"valid":false,"route":"GET /2/tweets/search/recent","diagnostics":[{"code":"out-of-range","severity":"error","message":"The `max_results` query parameter value [5] is not between 10 and 100","parameter":"max_results","value":"5","fixes":[{"title":"Use max_results=10","safe":false,"edits":[{"in":"url","span":{"start":46,"end":47},"byteSpan":{"start":46,"end":47},"newText":"10"}]}]}],"problem":{"errors":[{"parameters":{"max_results":["5"]},"message":"The `max_results` query parameter value [5] is not between 10 and 100"}],"title":"Invalid Request","detail":"One or more parameters to your request was invalid.","type":"https://api.x.com/2/problems/invalid-request"},"status":400}}
}
