package main

import (
	"strconv"

	"github.com/xpreflight/xpreflight/wasm/bridge"
	"github.com/xpreflight/xpreflight/worker/proxy"
)

// annotationResult is bridge.Result(a), written out for the answer to
// nearly every forwarded call: no block, no reason, a class of lower-case
// letters and '-' (nothing encoding/json would escape). Any other answer
// goes through encoding/json. TestAnnotationResult and
// FuzzAnnotationResult hold that the bytes are encoding/json's.
func annotationResult(a proxy.Annotation) []byte {
	if a.Block != nil || a.Reason != "" || !plainClass(a.Class) {
		return bridge.Result(a)
	}
	out := make([]byte, 0, 96)
	out = append(out, bridge.ResultOpen+`{"class":"`...)
	out = append(out, a.Class...)
	out = append(out, '"')
	if a.RetryAfterMs != nil {
		out = append(out, `,"retryAfterMs":`...)
		out = strconv.AppendInt(out, *a.RetryAfterMs, 10)
	}
	if a.RoomUntil != 0 {
		out = append(out, `,"roomUntil":`...)
		out = strconv.AppendInt(out, a.RoomUntil, 10)
	}
	return append(out, "}"+bridge.ResultClose...)
}

// plainClass: a class name JSON carries as it is.
func plainClass(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < 'a' || c > 'z') && c != '-' {
			return false
		}
	}
	return true
}
