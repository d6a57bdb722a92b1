package bridge

// ResultOpen, an answer's JSON, then ResultClose is Result's envelope: for
// a function that writes the JSON of its common answer itself (reflection
// in encoding/json was a measurable part of a small answer's cost under
// wasm). That function proves its bytes equal encoding/json's;
// TestResultOpenClose holds the envelope's.
const (
	ResultOpen  = `{"ok":true,"result":`
	ResultClose = `}`
)
