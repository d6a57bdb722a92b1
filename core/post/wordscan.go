package post

import (
	"encoding/binary"
	"math/bits"
)

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

// utf16LenValid is utf16Len for valid UTF-8, counted by byte classes eight
// bytes at a time: every byte but a continuation byte (10xxxxxx) starts a
// code point, one unit, and a four-byte lead (11110xxx) adds the second
// unit of a surrogate pair. On invalid UTF-8 it disagrees with utf16Len
// (which counts each invalid byte as U+FFFD), so callers vouch for s.
func utf16LenValid(s string) int {
	const hi = 0x8080808080808080
	n, i := 0, 0
	for ; i+8 <= len(s); i += 8 {
		x := binary.LittleEndian.Uint64([]byte(s[i : i+8]))
		if x&hi == 0 {
			n += 8
			continue
		}
		// Shifting left by k brings bit 7−k of each byte to bit 7 of the
		// same byte, so the tests below read each byte's top bits.
		cont := x &^ (x << 1) & hi
		four := x & (x << 1) & (x << 2) & (x << 3) & hi
		n += 8 - bits.OnesCount64(cont) + bits.OnesCount64(four)
	}
	for ; i < len(s); i++ {
		if c := s[i]; c&0xC0 != 0x80 {
			n++
			if c >= 0xF0 {
				n++
			}
		}
	}
	return n
}
