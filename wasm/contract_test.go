package main

// This file has no build tag on purpose: host `go test ./...` runs it (the
// bridge itself only builds for js/wasm).

import (
	"encoding/json"
	"maps"
	"os"
	"regexp"
	"slices"
	"testing"

	"github.com/xpreflight/xpreflight/core/wire"
)

// contractFields are the JSON field names of the wire contract: DESIGN.md's,
// plus those the ops added (shape, detail, parked, previousDelayMs).
var contractFields = map[string][]string{
	"envelope":        {"ok", "result", "error", "code", "message"},
	"validateQuery":   {"query", "endpoint", "tier", "valid", "length", "maxLength", "diagnostics", "formatted", "code", "severity", "message", "span", "byteSpan", "start", "end", "hint"},
	"validateRequest": {"method", "url", "headers", "body", "tier", "now", "valid", "route", "diagnostics", "problem", "code", "severity", "message", "parameter", "value", "query", "type", "title", "detail", "errors", "parameters", "status", "meta", "sent", "summary", "created", "not_created", "invalid", "details"},
	"parseResponse":   {"status", "headers", "body", "method", "url", "class", "problems", "partialErrors", "rateLimit", "schema", "retryable", "slug", "limit", "remaining", "reset", "appDay", "userDay", "valid", "violations", "instanceLocation", "keywordLocation", "message", "shape"},
	"fixQuery":        {"query", "endpoint", "tier", "apply", "applied", "code", "title", "report", "fixes", "safe", "edits", "span", "byteSpan", "newText"},
	"fixRequest":      {"method", "url", "headers", "body", "tier", "now", "apply", "applied", "code", "title", "result", "fixes", "safe", "edits", "in", "pointer", "newText"},
	"adviseRetry":     {"attempt", "method", "url", "status", "headers", "body", "now", "random", "stream", "policy", "retry", "delayMs", "notBefore", "reason", "detail", "parked", "previousDelayMs"},
	"validatePost":    {"text", "config", "longPosts", "valid", "weightedLength", "maxLength", "permillage", "validRange", "displayRange", "entities", "urls", "mentions", "hashtags", "cashtags", "diagnostics"},
}

func readDTS(t *testing.T) string {
	t.Helper()
	raw, err := os.ReadFile("xpreflight.d.ts")
	if err != nil {
		t.Fatal(err)
	}
	return string(raw)
}

// declaresField reports whether dts declares a property named field.
func declaresField(dts, field string) bool {
	return regexp.MustCompile(`(?m)^\s*(readonly\s+)?` + regexp.QuoteMeta(field) + `\??:`).MatchString(dts)
}

func TestDTSDeclaresEveryOp(t *testing.T) {
	dts := readDTS(t)
	for _, op := range wire.Ops() {
		for _, want := range []string{
			`export declare function ` + op + `(`,
			`'` + op + `'`,    // in OpName
			"\n  " + op + ":", // in OpTypes
		} {
			if !regexp.MustCompile(regexp.QuoteMeta(want)).MatchString(dts) {
				t.Errorf("xpreflight.d.ts lacks %q for op %s", want, op)
			}
		}
	}
}

func TestDTSDeclaresEveryContractField(t *testing.T) {
	dts := readDTS(t)
	for _, part := range slices.Sorted(maps.Keys(contractFields)) {
		for _, field := range contractFields[part] {
			if !declaresField(dts, field) {
				t.Errorf("%s: xpreflight.d.ts declares no property %q", part, field)
			}
		}
	}
}

// TestDTSDeclaresWhatOpsReturn runs each op on a sample input and checks that
// every key of its JSON result is declared: a field added to an op must be
// added to the types too. An op that fails on its sample (an internal
// error included: that is a bug) fails the test.
func TestDTSDeclaresWhatOpsReturn(t *testing.T) {
	dts := readDTS(t)
	samples := map[string]string{
		"validateQuery":   `{"query":"(猫 OR 🐱) lang:ja -is:retweet and has:media","endpoint":"search_recent"}`,
		"validateRequest": `{"method":"GET","url":"/2/tweets/search/recent?max_results=5&query=cat%20and%20dog"}`,
		"parseResponse":   `{"status":200,"headers":{"x-rate-limit-limit":"900","x-rate-limit-remaining":"0","x-rate-limit-reset":"1785585660","x-user-limit-24hour-remaining":"lots","x-app-limit-24hour-limit":"10000","x-app-limit-24hour-remaining":"0","x-app-limit-24hour-reset":"1785672000"},"body":"{\"data\":[{\"id\":\"1\",\"text\":\"hi\"}],\"errors\":[{\"value\":\"2\",\"detail\":\"Could not find tweet with ids: [2].\",\"title\":\"Not Found Error\",\"resource_type\":\"tweet\",\"parameter\":\"ids\",\"resource_id\":\"2\",\"type\":\"https://api.twitter.com/2/problems/resource-not-found\"}]}"}`,
		"fixQuery":        `{"query":"cat AND dog “big bird” has:medias from:@jack","apply":"safe"}`,
		"fixRequest":      `{"method":"GET","url":"http://api.x.com/2/tweets/search/recent?max_results=5&query=cat%20AND%20dog","apply":"safe"}`,
		"validatePost":    `{"text":"RT @jack: see x.com/a and https://t.co/abc #news $TWTR 👩‍💻 @u/list","longPosts":false}`,
		"adviseRetry":     `{"attempt":1,"status":429,"headers":{"x-rate-limit-remaining":"0","x-rate-limit-reset":"1785585660"},"now":1785585600000,"random":0.5}`,
	}
	for _, op := range wire.Ops() {
		t.Run(op, func(t *testing.T) {
			sample, ok := samples[op]
			if !ok {
				t.Fatalf("no sample input for op %s", op)
			}
			var r struct {
				OK     bool            `json:"ok"`
				Result json.RawMessage `json:"result"`
				Error  *wire.Error     `json:"error"`
			}
			if err := json.Unmarshal(wire.Handle(op, []byte(sample)), &r); err != nil {
				t.Fatal(err)
			}
			if !r.OK {
				t.Fatalf("sample input failed: %+v", *r.Error)
			}
			var result any
			if err := json.Unmarshal(r.Result, &result); err != nil {
				t.Fatal(err)
			}
			for _, key := range jsonKeys(result, nil) {
				if !declaresField(dts, key) {
					t.Errorf("%s returns field %q, which xpreflight.d.ts does not declare", op, key)
				}
			}
		})
	}
}

// recordFields hold maps whose keys are data, not contract (the .d.ts types
// them as Record<string, …>): invalid-request errors' parameters by name.
var recordFields = map[string]bool{"parameters": true, "headers": true}

// jsonKeys collects every object key in v, recursively, sorted and unique.
func jsonKeys(v any, into map[string]bool) []string {
	if into == nil {
		into = map[string]bool{}
	}
	switch v := v.(type) {
	case map[string]any:
		for k, child := range v {
			into[k] = true
			if !recordFields[k] {
				jsonKeys(child, into)
			}
		}
	case []any:
		for _, child := range v {
			jsonKeys(child, into)
		}
	}
	return slices.Sorted(maps.Keys(into))
}
