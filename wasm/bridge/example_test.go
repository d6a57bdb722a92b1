package bridge_test

import (
	"fmt"

	"github.com/xpreflight/xpreflight/wasm/bridge"
)

func ExampleDispatch() {
	fns := bridge.Functions{"greet": func(p []byte) []byte { return bridge.Result("hello " + string(p)) }}
	buf := []byte("greet\x00world")
	fmt.Println(string(bridge.Dispatch(fns, buf, uint32(len(buf)))))
	fmt.Println(string(bridge.Dispatch(fns, buf, 99)))
	// Output:
	// {"ok":true,"result":"hello world"}
	// {"ok":false,"error":{"code":"bad-input","message":"a call of 99 bytes overflows the reserved buffer of 11 bytes"}}
}

func ExampleFail() {
	fmt.Println(string(bridge.Fail("bad-input", "decide: %d fields", 3)))
	// Output: {"ok":false,"error":{"code":"bad-input","message":"decide: 3 fields"}}
}

func ExampleResult() {
	fmt.Println(string(bridge.Result(map[string]int{"n": 1})))
	// Output: {"ok":true,"result":{"n":1}}
}
