package main

import (
	"testing"

	"github.com/xpreflight/xpreflight/wasm/bridge"
	"github.com/xpreflight/xpreflight/worker/proxy"
)

func TestAnnotationResult(t *testing.T) {
	ms := func(v int64) *int64 { return &v }
	for _, a := range []proxy.Annotation{
		{Class: "success", RoomUntil: 1700000060000},
		{Class: "success"},
		{Class: "rate-limited", RetryAfterMs: ms(900000)},
		{Class: "server-error", RetryAfterMs: ms(0), RoomUntil: -1},
		{Class: "transient", RetryAfterMs: ms(-5)},
		{Class: ""},
		{Class: "rate-limited", Block: &proxy.Block{Until: 1, Headers: proxy.Headers{"x-rate-limit-remaining": "0"}}},
		{Class: "unknown", Reason: "parseResponse panicked: <oops> & \u2028"},
		{Class: "Success"},
		{Class: "a<b"},
		{Class: "caf\u00e9"},
	} {
		if got, want := string(annotationResult(a)), string(bridge.Result(a)); got != want {
			t.Errorf("annotationResult(%+v) = %s, encoding/json gives %s", a, got, want)
		}
	}
}

func FuzzAnnotationResult(f *testing.F) {
	f.Add("success", false, int64(0), int64(1700000060000), "", false)
	f.Add("rate-limited", true, int64(900000), int64(0), "", true)
	f.Add("a\"<b", true, int64(-1), int64(-1), "x\xff", false)
	f.Fuzz(func(t *testing.T, class string, retry bool, retryMs, room int64, reason string, block bool) {
		a := proxy.Annotation{Class: class, RoomUntil: room, Reason: reason}
		if retry {
			a.RetryAfterMs = &retryMs
		}
		if block {
			a.Block = &proxy.Block{Until: room, Headers: proxy.Headers{reason: class}}
		}
		if got, want := string(annotationResult(a)), string(bridge.Result(a)); got != want {
			t.Fatalf("annotationResult(%+v) = %s, encoding/json gives %s", a, got, want)
		}
	})
}
