//go:build js && wasm

package bridge

import (
	"strings"
	"testing"
	"unsafe"

	"github.com/xpreflight/xpreflight/core/wire"
)

// callAsJS drives the exports the way bridge.mjs does: reserve, write the
// fields NUL-separated, call, read the answer.
func callAsJS(fields ...string) string {
	in := strings.Join(fields, "\x00")
	p := reserve(uint32(len(in)))
	copy(unsafe.Slice((*byte)(p), len(in)), in)
	n := call(uint32(len(in)))
	if n == 0 {
		return ""
	}
	return string(unsafe.Slice((*byte)(output()), n))
}

func TestExportsRoundTrip(t *testing.T) {
	served = withBuiltins("v", nil)
	for _, size := range []int{0, 10, 300, 1 << 20} {
		request := `{"query":"` + strings.Repeat("猫", size/3) + `"}`
		if got, want := callAsJS("wire", "validateQuery", request), string(wire.Handle("validateQuery", []byte(request))); got != want {
			t.Errorf("size %d: exported call answered %.200q, wire.Handle %.200q", size, got, want)
		}
	}
}

func TestCallLetsGoOfAHugeInputBuffer(t *testing.T) {
	served = withBuiltins("v", nil)
	// parseResponse takes up to 2 MiB (wire.MaxRequestBytes): a body over keepInBuf fits
	out := callAsJS("wire", "parseResponse", `{"status":200,"body":"`+strings.Repeat("x", keepInBuf+keepInBuf/2)+`"}`)
	if inBuf != nil {
		t.Errorf("kept a %d-byte input buffer after the call", cap(inBuf))
	}
	if !strings.HasPrefix(out, `{"ok":true`) {
		t.Errorf("huge body: %.200s", out)
	}
}

func TestReserveKeepsAndGrowsItsBuffer(t *testing.T) {
	a := reserve(100)
	if b := reserve(50); b != a {
		t.Errorf("a smaller reserve moved the buffer")
	}
	reserve(1 << 16)
	if cap(inBuf) < 1<<16 {
		t.Errorf("cap = %d after reserving 64 KiB", cap(inBuf))
	}
}
