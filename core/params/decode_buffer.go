package params

import (
	"sync"
	"unsafe"
)

// decodeBuffer holds the percent-decoded names and values of one query
// string; the pairs are strings that alias it.
//
// Bytes are only ever appended: a byte handed out as part of a string is
// never written again, and when the array is full a new one is started
// (the strings already handed out keep the old one alive). That is the
// invariant strings.Builder keeps, and it makes the aliasing safe.
//
// Buffers are pooled, because one allocation per request with a '%' or
// '+' in its query string (nearly every request a client library sends)
// was a tenth of a valid request's cost. Reuse breaks the invariant above
// only if a string from the last use is still reachable. Two rules, both
// kept inside this package, make sure none is:
//
//   - Validate returns a buffer to the pool only when its Result holds no
//     diagnostic: then nothing returned refers to the buffer (Route points
//     into the route table, Problem is nil). A Result with findings keeps
//     its buffer for good, as a fresh allocation would.
//   - A decoded string leaves the package only as a copy: the `query`
//     value goes to the query linter (a package with pooled state of its
//     own) through strings.Clone in checkQuery. Everything else this
//     package does with decoded text (comparisons, enum and name lookups,
//     number and time parsing) keeps no reference once it returns.
type decodeBuffer struct {
	b []byte
}

var decodePool = sync.Pool{New: func() any { return new(decodeBuffer) }}

// maxPooledDecode keeps a buffer that held a huge query string out of the
// pool.
const maxPooledDecode = 8 << 10

// room returns the unused tail of the buffer with space for at least n
// bytes, starting a new array when the current one has not.
func (d *decodeBuffer) room(n int) []byte {
	if cap(d.b)-len(d.b) < n {
		d.b = make([]byte, 0, max(n, 2*cap(d.b), 256))
	}
	return d.b[len(d.b):cap(d.b)]
}

// take hands out the next n bytes, just written into room's slice, as a
// string.
func (d *decodeBuffer) take(n int) string {
	if n == 0 {
		return ""
	}
	s := unsafe.String(&d.b[len(d.b):cap(d.b)][0], n)
	d.b = d.b[:len(d.b)+n]
	return s
}

// release returns d to the pool for the next request; the caller
// guarantees nothing refers to its strings any more.
func (d *decodeBuffer) release() {
	if cap(d.b) > maxPooledDecode {
		return
	}
	d.b = d.b[:0]
	decodePool.Put(d)
}
