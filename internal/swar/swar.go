// Package swar tests eight bytes of a string at once (SIMD within a
// register): under wasm a loop over a string's bytes costs about 6 ns a
// byte, since bounds checks and branches are not optimised away as they are
// natively, and a word test costs less than 2. Callers skip whole words
// that hold nothing of interest and go byte by byte from the first word
// that does.
//
// Each test returns a word with the high bit set in some lane when, and
// only when, some lane of x matches. The lowest marked lane is the first
// match (First); a lane above a match may be marked without matching (a
// borrow), so callers use a result only as a yes or no, or through First.
package swar

import (
	"encoding/binary"
	"math/bits"
)

// Size is the number of bytes in a word.
const Size = 8

const (
	lanes1 = 0x0101010101010101
	lanes8 = 0x8080808080808080
)

// Word is s[0:8] as a little-endian word; s must hold eight bytes.
func Word(s string) uint64 { return binary.LittleEndian.Uint64([]byte(s[:Size])) }

// Bytes is b[0:8] as a little-endian word; b must hold eight bytes. The
// compiler makes it one 8-byte load, under wasm too (one i64.load).
func Bytes(b []byte) uint64 { return binary.LittleEndian.Uint64(b[:Size]) }

// Is marks x if a lane equals b.
func Is(x uint64, b byte) uint64 { return zero(x ^ lanes1*uint64(b)) }

// Below marks x if a lane is below n, for n at most 0x80.
func Below(x uint64, n byte) uint64 { return (x - lanes1*uint64(n)) &^ x & lanes8 }

// NonASCII marks x if a lane is 0x80 or above.
func NonASCII(x uint64) uint64 { return x & lanes8 }

// First is the index of the lowest marked lane of m, a test's non-zero
// result: the first byte of the word that matched.
func First(m uint64) int { return bits.TrailingZeros64(m) / 8 }

func zero(x uint64) uint64 { return (x - lanes1) &^ x & lanes8 }
