package query_test

import (
	"fmt"

	"github.com/xpreflight/xpreflight/core/query"
)

func ExampleAttachFixes() {
	q := "from:@jack cat has:medias"
	r := query.Validate(q, query.Options{})
	query.AttachFixes(q, query.Options{}, r.Diagnostics)
	for _, d := range r.Diagnostics {
		for _, f := range d.Fixes {
			e := f.Edits[0]
			fmt.Printf("%s: %s (safe %v): bytes %d-%d → %q\n", d.Code, f.Title, f.Safe, e.ByteSpan.Start, e.ByteSpan.End, e.NewText)
		}
	}
	// Output:
	// username-at-sign: Remove the @ (safe true): bytes 5-6 → ""
	// unknown-operator: Did you mean has:media? (safe false): bytes 15-25 → "has:media"
}

func ExampleFixQuery() {
	res := query.FixQuery("cat AND dog “big bird” from:@jack", query.Options{}, false)
	fmt.Println(res.Query, res.Report.Valid)
	for _, a := range res.Applied {
		fmt.Println(a.Code+":", a.Title)
	}
	// Output:
	// cat dog "big bird" from:jack true
	// explicit-and: Remove AND: a space already joins two clauses
	// typographic-quote: Replace the curly quotes with straight ones
	// username-at-sign: Remove the @
}

func ExampleAttachFixesWithin() {
	// A budget shared by several calls: each re-validation of a fixed query
	// spends its length.
	work := 40
	q := "cat )"
	r := query.Validate(q, query.Options{})
	query.AttachFixesWithin(q, query.Options{}, r.Diagnostics, &work)
	fmt.Println(len(r.Diagnostics[0].Fixes), work)
	// Output: 1 36
}
