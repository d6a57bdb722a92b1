package wire

import (
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/xpreflight/xpreflight/core/query"
)

func validateQueryResult(t *testing.T, request string) (query.Report, json.RawMessage) {
	t.Helper()
	r := call(t, "validateQuery", request)
	if !r.OK {
		t.Fatalf("validateQuery %s failed: %+v", request, r.Error)
	}
	var rep query.Report
	dec := json.NewDecoder(strings.NewReader(string(r.Result)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&rep); err != nil {
		t.Fatalf("result %s: %v", r.Result, err)
	}
	return rep, r.Result
}

func TestValidateQueryThroughHandle(t *testing.T) {
	tests := []struct {
		name, request string
		valid         bool
		maxLength     int
		codes         string
	}{
		{"defaults", `{"query":"cat has:media -grumpy"}`, true, 512, ""},
		{"conjunction only", `{"query":"has:media"}`, false, 512, "conjunction-only"},
		{"explicit AND", `{"query":"rock AND roll"}`, false, 512, "explicit-and"},
		{"advanced on pay-per-use", `{"query":"cat has:geo","tier":"pay-per-use"}`, true, 512, "operator-tier-unclear"},
		{"advanced on pro", `{"query":"place_country:US cat","tier":"pro"}`, true, 512, "operator-tier-unclear"},
		{"599 characters on enterprise", `{"query":"` + strings.Repeat("cat ", 149) + `cat","tier":"enterprise"}`, true, 4096, ""},
		{"embedding on basic", `{"query":"embedding:\"cats\" cat","endpoint":"stream_rule","tier":"basic"}`, false, 1024, "operator-not-in-tier"},
		{"advanced on enterprise", `{"query":"cat has:geo","tier":"enterprise"}`, true, 4096, ""},
		{"stream-only in search", `{"query":"cat sample:10","endpoint":"search_all"}`, true, 1024, "operator-not-on-endpoint"},
		{"stream rule", `{"query":"cat sample:10","endpoint":"stream_rule"}`, true, 1024, ""},
		{"counts_all conflict", `{"query":"` + strings.Repeat("a ", 300) + `","endpoint":"counts_all"}`, true, 1024, "counts-all-length"},
		{"empty query", `{"query":""}`, false, 512, "empty-query"},
		{"negated OR", `{"query":"apple OR -ipad","endpoint":"counts_recent"}`, false, 512, "negated-or-branch"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rep, raw := validateQueryResult(t, tt.request)
			var codes []string
			for _, d := range rep.Diagnostics {
				codes = append(codes, d.Code)
			}
			if rep.Valid != tt.valid || rep.MaxLength != tt.maxLength || strings.Join(codes, ",") != tt.codes {
				t.Errorf("got %s\nwant valid=%v maxLength=%d codes=%q", raw, tt.valid, tt.maxLength, tt.codes)
			}
		})
	}
}

func TestValidateQueryEmptyDiagnosticsIsArray(t *testing.T) {
	_, raw := validateQueryResult(t, `{"query":"cat"}`)
	want := `{"valid":true,"length":3,"maxLength":512,"diagnostics":[],"formatted":"cat"}`
	if string(raw) != want {
		t.Errorf("got %s\nwant %s", raw, want)
	}
}

func TestValidateQueryFormatted(t *testing.T) {
	rep, _ := validateQueryResult(t, `{"query":"  (cat   OR dog)  FROM:jack "}`)
	if rep.Formatted != "(cat OR dog) from:jack" {
		t.Errorf("formatted = %q", rep.Formatted)
	}
}

// TestValidateQueryUTF16Spans decodes the JSON answer as a JavaScript
// caller would and slices the query's UTF-16 code units with span: emoji
// (surrogate pairs, a ZWJ sequence) and CJK precede the offending text.
func TestValidateQueryUTF16Spans(t *testing.T) {
	q := "猫🐈‍⬛ (にゃん OR 😺) has:medias lang:jp"
	body, _ := json.Marshal(map[string]string{"query": q})
	rep, raw := validateQueryResult(t, string(body))
	units := utf16.Encode([]rune(q))
	want := map[string]string{"unknown-operator": "has:medias", "invalid-lang": "jp"}
	found := 0
	for _, d := range rep.Diagnostics {
		w, ok := want[d.Code]
		if !ok {
			continue
		}
		found++
		if got := string(utf16.Decode(units[d.Span.Start:d.Span.End])); got != w {
			t.Errorf("%s: span %+v selects %q in UTF-16, want %q", d.Code, d.Span, got, w)
		}
		if got := q[d.ByteSpan.Start:d.ByteSpan.End]; got != w {
			t.Errorf("%s: byteSpan %+v selects %q, want %q", d.Code, d.ByteSpan, got, w)
		}
	}
	if found != len(want) {
		t.Fatalf("expected %v in %s", want, raw)
	}
	if rep.Length != len([]rune(q)) {
		t.Errorf("length %d, want %d code points", rep.Length, len([]rune(q)))
	}
}

func TestValidateQueryInvalidUTF8NeverFails(t *testing.T) {
	// JSON cannot carry invalid UTF-8 as text, but a raw byte in the body is
	// read as U+FFFD; the answer must still be well-formed.
	r := call(t, "validateQuery", "{\"query\":\"cat \xff dog\"}")
	if !r.OK {
		t.Fatalf("failed: %+v", r.Error)
	}
}
