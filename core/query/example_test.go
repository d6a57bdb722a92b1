package query_test

import (
	"fmt"

	"github.com/xpreflight/xpreflight/core/query"
)

func ExampleValidate() {
	r := query.Validate("cat has:medias -grumpy", query.Options{Endpoint: query.SearchRecent, Tier: query.PayPerUse})
	fmt.Println("valid:", r.Valid, "length:", r.Length, "of", r.MaxLength)
	for _, d := range r.Diagnostics {
		fmt.Printf("%s %s bytes %d-%d: %s (%s)\n", d.Severity, d.Code, d.ByteSpan.Start, d.ByteSpan.End, d.Message, d.Hint)
	}
	// Output:
	// valid: false length: 22 of 512
	// error unknown-operator bytes 4-14: Reference to invalid operator 'has:medias' (did you mean has:media?)
}

func ExampleValidate_explicitAnd() {
	r := query.Validate("rock AND roll", query.Options{})
	fmt.Println(r.Valid, r.Diagnostics[0].Code)
	fmt.Println(r.Diagnostics[0].Message)
	// Output:
	// false explicit-and
	// Ambiguous use of AND as a keyword. Use a space to logically join two clauses, or "AND" to find occurrences of AND in text
}

func ExampleValidate_utf16Spans() {
	// Span counts UTF-16 units, as JavaScript indexes strings; ByteSpan counts bytes.
	r := query.Validate("😀 lang:xx", query.Options{})
	d := r.Diagnostics[0]
	fmt.Println(d.Code, d.Span, d.ByteSpan)
	// Output:
	// invalid-lang {8 10} {10 12}
}

func ExampleParse() {
	q, errs := query.Parse(`apple OR iphone ipad -"case"`)
	or := q.Root.(*query.Or)
	for _, c := range or.Clauses {
		fmt.Printf("%T %q\n", c, q.Src[c.Pos():c.End()])
	}
	fmt.Println(len(errs), "errors")
	// Output:
	// *query.Term "apple"
	// *query.And "iphone ipad -\"case\""
	// 0 errors
}

func ExampleParse_errors() {
	_, errs := query.Parse(`(cat OR dog`)
	for _, e := range errs {
		fmt.Println(e.Pos, e.Code, e.Msg)
	}
	// Output:
	// 0 unclosed-paren Missing closing parenthesis: this '(' is never closed
}

func ExampleFormat() {
	q, _ := query.Parse("  (Cat  OR dog)\tFROM:jack   -is:retweet ")
	fmt.Printf("%q\n", query.Format(q))
	// Output:
	// "(Cat OR dog) from:jack -is:retweet"
}

func ExampleLength() {
	codePoints, utf16Units := query.Length("cat 🐈")
	fmt.Println(codePoints, utf16Units)
	// Output:
	// 5 6
}

func ExampleMaxLength() {
	fmt.Println(query.MaxLength(query.Options{}))
	fmt.Println(query.MaxLength(query.Options{Endpoint: query.SearchAll}))
	fmt.Println(query.MaxLength(query.Options{Endpoint: query.StreamRule, Tier: query.Enterprise}))
	// Output:
	// 512
	// 1024
	// 2048
}

func ExampleOperators() {
	for _, op := range query.Operators() {
		if op.Name == "point_radius:" {
			fmt.Println(op.Name, op.Kind == query.Standalone, op.Availability == query.Advanced, op.Endpoints.Has(query.StreamRule))
		}
	}
	// Output:
	// point_radius: true true true
}

func ExampleDiagnose() {
	for _, d := range query.Diagnose("cat has:media lang:en lang:fr", query.Options{Endpoint: query.SearchAll}) {
		fmt.Println(d.Severity, d.Code, d.Span)
	}
	// Output:
	// warning multiple-lang {22 29}
}

func ExampleParseTier() {
	for _, name := range []string{"", "pro", "enterprise", "elevated"} {
		t, ok := query.ParseTier(name)
		fmt.Printf("%q → %q %v\n", name, t, ok)
	}
	fmt.Println(query.Tiers())
	// Output:
	// "" → "pay-per-use" true
	// "pro" → "pro" true
	// "enterprise" → "enterprise" true
	// "elevated" → "" false
	// [pay-per-use free basic pro enterprise]
}

// An advanced operator below Enterprise is a warning: no source says
// whether pay-per-use has it, so the query is valid.
func ExampleValidate_accessLevels() {
	for _, tier := range []query.Tier{query.PayPerUse, query.Enterprise} {
		r := query.Validate("place_country:US cat", query.Options{Tier: tier})
		fmt.Print(tier, " valid=", r.Valid)
		for _, d := range r.Diagnostics {
			fmt.Print(" ", d.Severity, " ", d.Code)
		}
		fmt.Println()
	}
	// Output:
	// pay-per-use valid=true warning operator-tier-unclear
	// enterprise valid=true
}
