package wire_test

import (
	"fmt"

	"github.com/xpreflight/xpreflight/core/wire"
)

func ExampleHandle_unknownOp() {
	fmt.Println(string(wire.Handle("lintQuery", []byte(`{}`))))
	// Output: {"ok":false,"error":{"code":"unknown-op","message":"unknown op \"lintQuery\"; known ops: [adviseRetry fixQuery fixRequest parseResponse validatePost validateQuery validateRequest]"}}
}

func ExampleHandle_badInput() {
	fmt.Println(string(wire.Handle("validateQuery", []byte(`{"query":"cat","tier":"gold"}`))))
	// Output: {"ok":false,"error":{"code":"bad-input","message":"field \"tier\": unknown tier \"gold\"; expected one of pay-per-use, free, basic, pro, enterprise"}}
}

func ExampleMaxRequestBytes() {
	fmt.Println(wire.MaxRequestBytes("validateQuery"), wire.MaxRequestBytes("parseResponse"))
	// Output: 65536 2097152
}
