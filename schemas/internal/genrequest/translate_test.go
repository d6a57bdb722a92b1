package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v5"

	"github.com/xpreflight/xpreflight/internal/gentool"
)

func decode(t *testing.T, s string) any {
	t.Helper()
	dec := json.NewDecoder(strings.NewReader(s))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		t.Fatal(err)
	}
	return v
}

func TestTranslateRules(t *testing.T) {
	tests := []struct {
		name, in, want, repair string
	}{
		{"ref", `{"$ref":"#/components/schemas/A"}`, `{"$ref":"#/$defs/A"}`, ""},
		{"nullable typed", `{"type":"string","nullable":true}`, `{"type":["string","null"]}`, "nullable"},
		{"nullable enum", `{"type":"string","enum":["a"],"nullable":true}`, `{"type":["string","null"],"enum":["a",null]}`, "nullable"},
		{"nullable untyped", `{"allOf":[{"$ref":"#/components/schemas/A"}],"nullable":true}`, `{"anyOf":[{"allOf":[{"$ref":"#/$defs/A"}]},{"type":"null"}]}`, "nullable"},
		{"data-time", `{"type":"string","format":"data-time"}`, `{"type":"string","format":"date-time"}`, "data-time"},
		{"regex in format", `{"type":"string","format":"^[0-9]{1,19}$"}`, `{"type":"string","pattern":"^[0-9]{1,19}$"}`, "format"},
		{"lookahead", `{"type":"string","pattern":"^(?=[\\s\\S]*https?://\\S+)[\\s\\S]+$"}`, `{"type":"string","pattern":"https?://\\S+","minLength":1}`, "lookahead"},
		{"example", `{"type":"string","example":"x"}`, `{"type":"string","examples":["x"]}`, ""},
		{"annotations dropped", `{"type":"string","x-foo":1,"externalDocs":{}}`, `{"type":"string"}`, ""},
		{"discriminator with mapping",
			`{"oneOf":[{"$ref":"#/components/schemas/A"}],"discriminator":{"propertyName":"type","mapping":{"a":"#/components/schemas/A"}}}`,
			`{"anyOf":[{"$ref":"#/$defs/A"}],"allOf":[{"if":{"properties":{"type":{"const":"a"}},"required":["type"]},"then":{"$ref":"#/$defs/A"}}]}`, "discriminator"},
		{"discriminator relative", `{"oneOf":[{"$ref":"#/components/schemas/A"}],"discriminator":{"propertyName":"../t"}}`, `{"anyOf":[{"$ref":"#/$defs/A"}]}`, "discriminator"},
		{"discriminator base", `{"type":"object","discriminator":{"propertyName":"type"}}`, `{"type":"object"}`, "discriminator"},
		{"nested", `{"type":"object","properties":{"a":{"type":"integer","nullable":true}},"items":{"format":"data-time"}}`, `{"type":"object","properties":{"a":{"type":["integer","null"]}},"items":{"format":"date-time"}}`, "nullable"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tr := &translator{label: "test"}
			got, err := tr.schema(decode(t, tt.in), "#")
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, decode(t, tt.want)) {
				g, _ := json.Marshal(got)
				t.Errorf("got  %s\nwant %s", g, tt.want)
			}
			if (len(tr.repairs) > 0) != (tt.repair != "") {
				t.Errorf("repairs = %v, want one about %q", tr.repairs, tt.repair)
			}
			if tt.repair != "" && !slices.ContainsFunc(tr.repairs, func(r repair) bool { return strings.Contains(r.what, tt.repair) }) {
				t.Errorf("repairs %v: none mentions %q", tr.repairs, tt.repair)
			}
		})
	}
}

func TestTranslateRejectsUnknownNonRE2Pattern(t *testing.T) {
	tr := &translator{label: "test"}
	if _, err := tr.schema(decode(t, `{"pattern":"^(?!x)y$"}`), "#/x"); err == nil || !strings.Contains(err.Error(), "#/x") {
		t.Errorf("err = %v, want an error naming #/x", err)
	}
}

// Every component schema of both specs — responses too, which hold the
// nullable, discriminator, data-time and regex-in-format cases — translates
// to schemas jsonschema/v5 compiles, and the translations mean what the
// spec meant.
func TestTranslateAllComponents(t *testing.T) {
	root, err := gentool.RepoRoot()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range specFiles {
		data, err := gentool.ReadRef(root, f.name)
		if err != nil {
			t.Fatal(err)
		}
		s, err := decodeSpec(data, f.bit, f.label)
		if err != nil {
			t.Fatal(err)
		}
		comps := s.doc["components"].(map[string]any)["schemas"].(map[string]any)
		tr := &translator{label: s.label}
		defs := map[string]any{}
		for _, name := range slices.Sorted(maps.Keys(comps)) {
			out, err := tr.schema(comps[name], "#/components/schemas/"+name)
			if err != nil {
				t.Fatalf("%s: %v", f.label, err)
			}
			defs[name] = out
		}
		doc, _ := marshal(map[string]any{"$schema": draft2020, "$defs": defs})
		c := jsonschema.NewCompiler()
		c.Draft = jsonschema.Draft2020
		url := "https://schemas.xpreflight.invalid/all-" + f.label + ".json"
		if err := c.AddResource(url, bytes.NewReader(doc)); err != nil {
			t.Fatal(err)
		}
		compiled := map[string]*jsonschema.Schema{}
		for _, name := range slices.Sorted(maps.Keys(defs)) {
			sch, err := c.Compile(url + "#/$defs/" + name)
			if err != nil {
				t.Errorf("%s %s: %v", f.label, name, err)
				continue
			}
			compiled[name] = sch
		}
		kinds := map[string]int{}
		for _, r := range tr.repairs {
			for _, k := range []string{"nullable", "discriminator", "data-time", "format", "lookahead"} {
				if strings.Contains(r.what, k) {
					kinds[k]++
				}
			}
		}
		t.Logf("spec %s: %d schemas compiled; repairs %v", f.label, len(compiled), kinds)
		switch f.label {
		case "2.167":
			for _, k := range []string{"nullable", "discriminator", "lookahead"} {
				if kinds[k] == 0 {
					t.Errorf("2.167: no %s repair", k)
				}
			}
			checkInstance(t, compiled["Problem"], `{"type":"https://api.x.com/2/problems/invalid-request","title":"Invalid Request","detail":"d"}`, true)
			checkInstance(t, compiled["Problem"], `{"type":"https://api.x.com/2/problems/resource-not-found","title":"Not Found Error","detail":"d"}`, false) // resource_type required
		case "2.166":
			for _, k := range []string{"data-time", "format", "discriminator", "lookahead"} {
				if kinds[k] == 0 {
					t.Errorf("2.166: no %s repair", k)
				}
			}
			checkInstance(t, compiled["NoteInfo"], `{"text":"see https://x.com/a","classification":"misinformed_or_potentially_misleading","misleading_tags":["factual_error"],"trustworthy_sources":true}`, true)
			checkInstance(t, compiled["NoteInfo"], `{"text":"no link here","classification":"misinformed_or_potentially_misleading","misleading_tags":["factual_error"],"trustworthy_sources":true}`, false)
		}
	}
}

func checkInstance(t *testing.T, s *jsonschema.Schema, instance string, valid bool) {
	t.Helper()
	if s == nil {
		t.Error("schema missing")
		return
	}
	var v any
	if err := json.Unmarshal([]byte(instance), &v); err != nil {
		t.Fatal(err)
	}
	if err := s.Validate(v); (err == nil) != valid {
		t.Errorf("%s: valid=%v, want %v (%s)", instance, err == nil, valid, fmt.Sprint(err))
	}
}
