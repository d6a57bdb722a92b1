// Package bench compares xpreflight's request validation with
// github.com/getkin/kin-openapi's openapi3filter on the same spec (X's
// OpenAPI 2.167, ../shared/ref relative to the repository root) and the
// same search request. It is its own module so the main module never
// depends on kin-openapi.
//
//	cd bench && go test -bench . -benchtime 200ms
//	go test -run XXX -bench Paired -benchtime 6x   # the primary figure (README.md)
package bench
