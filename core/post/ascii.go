package post

import "encoding/binary"

// asciiEnd is the index of the first byte at or above 0x80 in s[i:stop], or
// stop. It tests eight bytes at a time (the internal/swar technique, kept
// local so core/post does not depend on that package's changing API): a
// post is mostly ASCII, and a word test costs less than its eight byte tests,
// the more so under wasm where per-byte bounds checks remain.
func asciiEnd(s string, i, stop int) int {
	for ; i+8 <= stop; i += 8 {
		if binary.LittleEndian.Uint64([]byte(s[i:i+8]))&0x8080808080808080 != 0 {
			break
		}
	}
	for ; i < stop && s[i] < 0x80; i++ {
	}
	return i
}
