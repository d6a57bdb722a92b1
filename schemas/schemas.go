package schemas

import (
	"embed"
	"fmt"
	"io"
	"strings"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v5"
)

// Only what is compiled at run time: request/parameters.json (documentation
// and test data) and the READMEs stay out of every binary and wasm module.
//
//go:embed request/2.166 request/2.167 response/*.json
var files embed.FS

// BaseURL is the absolute URL every embedded schema file is known by; it is
// never fetched.
const BaseURL = "https://schemas.xpreflight.invalid/"

var (
	mu       sync.Mutex
	compiled = map[string]*jsonschema.Schema{}
)

// Compile returns the compiled schema at name, a path below schemas/ with an
// optional JSON pointer fragment ("response/problem.json" or
// "request/bodies.json#/$defs/TweetCreateRequest"). The result is cached, so
// every name compiles once.
func Compile(name string) (*jsonschema.Schema, error) {
	mu.Lock()
	defer mu.Unlock()
	if s, ok := compiled[name]; ok {
		return s, nil
	}
	c := jsonschema.NewCompiler()
	c.Draft = jsonschema.Draft2020
	c.LoadURL = loadEmbedded
	s, err := c.Compile(BaseURL + name)
	if err != nil {
		return nil, fmt.Errorf("compiling schema %s: %w", name, err)
	}
	compiled[name] = s
	return s, nil
}

// MustCompile is Compile for schemas the package's own tests prove compile.
func MustCompile(name string) *jsonschema.Schema {
	s, err := Compile(name)
	if err != nil {
		panic(err)
	}
	return s
}

// ReadFile returns the bytes of an embedded schema file.
func ReadFile(name string) ([]byte, error) { return files.ReadFile(name) }

func loadEmbedded(url string) (io.ReadCloser, error) {
	name, ok := strings.CutPrefix(url, BaseURL)
	if !ok {
		return nil, fmt.Errorf("schema %s is outside %s; only embedded schemas are loaded", url, BaseURL)
	}
	f, err := files.Open(name)
	if err != nil {
		return nil, fmt.Errorf("no embedded schema %s: %w", name, err)
	}
	return f, nil
}
