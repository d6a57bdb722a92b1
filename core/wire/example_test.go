package wire_test

import (
	"fmt"

	"github.com/xpreflight/xpreflight/core/wire"
)

func ExampleHandle_unknownOp() {
	fmt.Println(string(wire.Handle("lintQuery", []byte(`{}`))))
	// Output: {"ok":false,"error":{"code":"unknown-op","message":"unknown op \"lintQuery\"; known ops: [adviseRetry parseResponse validateQuery validateRequest]"}}
}

func ExampleHandle_badInput() {
	fmt.Println(string(wire.Handle("validateQuery", []byte(`{"query":"cat","tier":"free"}`))))
	// Output: {"ok":false,"error":{"code":"bad-input","message":"field \"tier\": unknown tier \"free\"; expected pay-per-use or enterprise"}}
}
