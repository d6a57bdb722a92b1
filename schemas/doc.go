// Package schemas holds xpreflight's JSON Schemas (draft 2020-12), embedded
// so that every build target, GOOS=js included, carries them.
//
//	request/   generated from X's OpenAPI spec: bodies and per-operation parameters
//	response/  problem envelopes, every problem type, partial errors, stream error lines
//
// Schemas are registered under absolute URLs below BaseURL and loaded from
// the embedded files by an in-memory loader: jsonschema/v5 resolves relative
// names with filepath.Abs, which fails under GOOS=js. Each schema is compiled
// lazily, once, on first use.
package schemas
