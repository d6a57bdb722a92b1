package bridge

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/xpreflight/xpreflight/core/wire"
)

type envelope struct {
	OK     bool            `json:"ok"`
	Result json.RawMessage `json:"result"`
	Error  *wire.Error     `json:"error"`
}

func decode(t *testing.T, out []byte) envelope {
	t.Helper()
	var e envelope
	if err := json.Unmarshal(out, &e); err != nil {
		t.Fatalf("not JSON: %q: %v", out, err)
	}
	if e.OK == (e.Error != nil) {
		t.Fatalf("envelope %s: ok must be true exactly when there is no error", out)
	}
	return e
}

func testFunctions() Functions {
	return withBuiltins("1.2.3", Functions{
		"echo":  func(p []byte) []byte { return Result(string(p)) },
		"panic": func([]byte) []byte { panic("boom") },
		"index": func(p []byte) []byte { return Result(p[len(p)+3]) },
		"nilmap": func([]byte) []byte {
			var m map[string]int
			m["x"] = 1
			return nil
		},
	})
}

func TestDispatch(t *testing.T) {
	fns := testFunctions()
	tests := []struct {
		name   string
		buf    string
		n      uint32 // 0: len(buf)
		result string // the result's JSON when ok
		code   string // the error code when not
		inMsg  string
	}{
		{name: "echo", buf: "echo\x00a\x00b", result: `"a\u0000b"`},
		{name: "no payload", buf: "echo", result: `""`},
		{name: "n shorter than the buffer", buf: "echo\x00abcdef", n: 7, result: `"ab"`},
		{name: "wire op", buf: "wire\x00validateQuery\x00{\"query\":\"cat\"}", result: `"valid":true`},
		{name: "wire op's own error", buf: "wire\x00nope\x00{}", code: wire.CodeUnknownOp, inMsg: `unknown op "nope"`},
		{name: "unknown function", buf: "decide\x00x", code: wire.CodeUnknownOp, inMsg: `no bridge function "decide"; known: [echo index info nilmap panic wire]`},
		{name: "empty call", buf: "", code: wire.CodeUnknownOp, inMsg: `no bridge function ""`},
		{name: "overflow", buf: "echo", n: 5, code: wire.CodeBadInput, inMsg: "a call of 5 bytes overflows the reserved buffer of 4 bytes"},
		{name: "overflow past uint32", buf: "echo", n: 1<<32 - 1, code: wire.CodeBadInput, inMsg: "4294967295 bytes overflows"},
		{name: "panic string", buf: "panic", code: wire.CodeInternal, inMsg: "panic panicked: boom"},
		{name: "panic index", buf: "index\x00", code: wire.CodeInternal, inMsg: "index panicked: runtime error: index out of range"},
		{name: "panic nil map", buf: "nilmap", code: wire.CodeInternal, inMsg: "assignment to entry in nil map"},
		{name: "info", buf: "info", result: `{"version":"1.2.3","ops":`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := tt.n
			if n == 0 {
				n = uint32(len(tt.buf))
			}
			e := decode(t, Dispatch(fns, []byte(tt.buf), n))
			if tt.code == "" {
				if !e.OK || !strings.Contains(string(e.Result), tt.result) {
					t.Fatalf("got %s (%+v), want a result containing %s", e.Result, e.Error, tt.result)
				}
				return
			}
			if e.OK || e.Error.Code != tt.code || !strings.Contains(e.Error.Message, tt.inMsg) {
				t.Fatalf("got ok=%v %+v, want %s containing %q", e.OK, e.Error, tt.code, tt.inMsg)
			}
		})
	}
}

func TestInfoNamesEveryFunctionAndOp(t *testing.T) {
	e := decode(t, Dispatch(testFunctions(), []byte("info"), 4))
	var info Info
	if err := json.Unmarshal(e.Result, &info); err != nil {
		t.Fatal(err)
	}
	if strings.Join(info.Functions, ",") != "echo,index,info,nilmap,panic,wire" {
		t.Errorf("functions = %v", info.Functions)
	}
	for _, op := range wire.Ops() {
		if info.Limits[op] != wire.MaxRequestBytes(op) || info.Limits[op] == 0 {
			t.Errorf("limits[%s] = %d, want wire.MaxRequestBytes %d", op, info.Limits[op], wire.MaxRequestBytes(op))
		}
	}
	if strings.Join(info.Ops, ",") != strings.Join(wire.Ops(), ",") {
		t.Errorf("ops = %v, want wire.Ops() %v", info.Ops, wire.Ops())
	}
}

func TestBuiltinNamesCannotBeTaken(t *testing.T) {
	for _, name := range []string{"info", "wire"} {
		func() {
			defer func() {
				if r := recover(); r == nil || !strings.Contains(r.(string), "built in") {
					t.Errorf("withBuiltins with %q: recovered %v, want a panic naming the clash", name, r)
				}
			}()
			withBuiltins("v", Functions{name: func([]byte) []byte { return nil }})
		}()
	}
}

func TestFailEscapes(t *testing.T) {
	msg := "quote \" backslash \\ newline \n nul \x00 and <html> %d"
	e := decode(t, Fail(wire.CodeInternal, "%s", msg))
	if e.Error.Code != "internal" || e.Error.Message != msg {
		t.Errorf("round trip: %+v", e.Error)
	}
}

func TestResultThatCannotEncode(t *testing.T) {
	e := decode(t, Result(func() {}))
	if e.Error.Code != wire.CodeInternal || !strings.Contains(e.Error.Message, "encoding the result") {
		t.Errorf("got %+v", e.Error)
	}
}

// FuzzDispatch: whatever JS writes, Dispatch answers one envelope.
func FuzzDispatch(f *testing.F) {
	f.Add([]byte("wire\x00validateQuery\x00{\"query\":\"(a\"}"), uint32(30))
	f.Add([]byte("echo\x00x"), uint32(99))
	f.Add([]byte("index"), uint32(5))
	fns := testFunctions()
	f.Fuzz(func(t *testing.T, buf []byte, n uint32) {
		decode(t, Dispatch(fns, buf, n))
	})
}

// appender is a result that encodes itself (or fails to).
type appender struct {
	json string
	err  error
}

func (a appender) AppendJSON(dst []byte) ([]byte, error) { return append(dst, a.json...), a.err }

func TestResultOfAnAppender(t *testing.T) {
	if got, want := string(Result(appender{json: `{"a":"<"}`})), `{"ok":true,"result":{"a":"<"}}`; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
	e := decode(t, Result(appender{json: `{"a":`, err: errors.New("half written")}))
	if e.Error.Code != wire.CodeInternal || e.Error.Message != "encoding the result: half written" {
		t.Errorf("a failing appender: got %+v", e.Error)
	}
}

func BenchmarkResult(b *testing.B) {
	b.Run("appender", func(b *testing.B) {
		a := appender{json: `{"forward":true,"route":"GET /2/tweets/search/recent","validator":"valid"}`}
		for b.Loop() {
			Result(a)
		}
	})
	b.Run("encoding-json", func(b *testing.B) {
		v := struct {
			Forward   bool   `json:"forward"`
			Route     string `json:"route"`
			Validator string `json:"validator"`
		}{true, "GET /2/tweets/search/recent", "valid"}
		for b.Loop() {
			Result(v)
		}
	})
}

func TestAppendedResultReusesItsBufferOnlyWhileServing(t *testing.T) {
	first, second := appender{json: `"one"`}, appender{json: `"two"`}
	a := AppendedResult(first)
	b := AppendedResult(second)
	if string(a) != `{"ok":true,"result":"one"}` || string(b) != `{"ok":true,"result":"two"}` {
		t.Fatalf("not serving: each answer must stand alone, got %s and %s", a, b)
	}

	answerBuf = make([]byte, 0, 64) // as Serve does
	defer func() { answerBuf = nil }()
	a = AppendedResult(first)
	if string(a) != `{"ok":true,"result":"one"}` {
		t.Fatalf("serving: got %s", a)
	}
	if allocs := testing.AllocsPerRun(100, func() { AppendedResult(second) }); allocs != 0 {
		t.Errorf("serving: %v allocations per answer, want 0", allocs)
	}
	if b = AppendedResult(second); string(b) != `{"ok":true,"result":"two"}` {
		t.Fatalf("serving: got %s", b)
	}
	big := appender{json: `"` + strings.Repeat("x", maxAnswerBuf) + `"`}
	if out := AppendedResult(big); len(out) != maxAnswerBuf+len(`{"ok":true,"result":""}`) || cap(answerBuf) > maxAnswerBuf {
		t.Errorf("a huge answer: %d bytes, kept a %d-byte buffer", len(out), cap(answerBuf))
	}
	if e := decode(t, AppendedResult(appender{json: `{`, err: errors.New("bad")})); e.OK {
		t.Errorf("a failing appender while serving: %+v", e)
	}
}
