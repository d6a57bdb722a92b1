package query

import "testing"

func TestCatalogueContents(t *testing.T) {
	ops := Operators()
	if len(ops) != len(catalogue) {
		t.Fatalf("Operators() returned %d rows", len(ops))
	}
	ops[0].Name = "changed" // a copy: callers cannot alter the table
	if catalogue[0].Name == "changed" {
		t.Fatal("Operators() exposes the table itself")
	}
	for _, tt := range []struct {
		name  string
		kind  OperatorKind
		avail Availability
		arg   ArgType
	}{
		{"has:media_link", ConjunctionRequired, Core, ArgTypeNone},
		{"geo_bounding_box", Standalone, Advanced, ArgTypeBoundingBox},
		{"source", ConjunctionRequired, StreamOnly, ArgTypeText}, // "Cannot be used alone"
		{"followers_count", KindUnknown, StreamOnly, ArgTypeCountRange},
		{"sample", ConjunctionRequired, StreamOnly, ArgTypeSample},
		{"embedding", Standalone, EmbeddingTier, ArgTypeQuotedText},
	} {
		info, _, ok := lookupOperator(tt.name)
		if !ok || info.Kind != tt.kind || info.Availability != tt.avail || info.Arg != tt.arg {
			t.Errorf("%s: got %+v (found %v)", tt.name, info, ok)
		}
	}
	if langCodes["zh-cn"].code != "zh-CN" || langCodes["bo"].status != langLegacy || langCodes["und"].status != langCurrent {
		t.Error("lang table lost X's spelling or status")
	}
	if !countryCodes["gb"] || countryCodes["uk"] || len(countryCodes) != 249 {
		t.Errorf("country table: %d codes", len(countryCodes))
	}
}
