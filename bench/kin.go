package bench

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"path/filepath"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/gorillamux"
)

// SpecPath is X's spec 2.167, relative to this directory.
var SpecPath = filepath.Join("..", "..", "shared", "ref", "x-api-v2-openapi.json")

// KinValidator is kin-openapi's request validation: a router over the
// loaded spec plus openapi3filter.ValidateRequest.
type KinValidator struct {
	router routers.Router
}

// NewKinValidator loads the spec at path. The spec is not clean under
// kin-openapi's own document validation (the NoteInfo lookahead pattern),
// so it is loaded without validating the document; request validation
// still compiles and applies every parameter schema.
func NewKinValidator(path string) (*KinValidator, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	loader := openapi3.NewLoader()
	loader.IsExternalRefsAllowed = false
	doc, err := loader.LoadFromData(data)
	if err != nil {
		return nil, fmt.Errorf("loading %s: %w", path, err)
	}
	router, err := gorillamux.NewRouter(doc)
	if err != nil {
		return nil, fmt.Errorf("building the router: %w", err)
	}
	return &KinValidator{router: router}, nil
}

// ValidateURL is Validate starting from the same input xpreflight's
// params.Validate takes: a method and a URL string. Building the
// *http.Request (which parses the URL) is part of the work, as parsing the
// URL string is part of xpreflight's.
func (k *KinValidator) ValidateURL(method, rawURL string) error {
	req, err := http.NewRequest(method, rawURL, nil)
	if err != nil {
		return err
	}
	return k.Validate(req)
}

// Validate finds the route and validates req; a nil error means valid.
func (k *KinValidator) Validate(req *http.Request) error {
	route, pathParams, err := k.router.FindRoute(req)
	if err != nil {
		return err
	}
	return openapi3filter.ValidateRequest(context.Background(), &openapi3filter.RequestValidationInput{
		Request:    req,
		PathParams: pathParams,
		Route:      route,
		Options:    &openapi3filter.Options{AuthenticationFunc: openapi3filter.NoopAuthenticationFunc},
	})
}
