package query

import (
	"maps"
	"slices"
)

// operatorTable is operatorIndex as an open-addressing table, built once at
// initialisation: every operator of every query is looked up, and a Go map
// hashes the whole key where this table reads four bytes and the length.
// Names that share a hash probe the next slot, so correctness never depends
// on the hash.
var operatorTable = buildOperatorTable(operatorIndex)

type opTable struct {
	keys  []string
	refs  []operatorRef
	slots []uint16 // index into keys + 1; 0 is an empty slot
	mask  uint32
}

func buildOperatorTable(index map[string]operatorRef) opTable {
	size := 4
	for size < 2*len(index) {
		size *= 2
	}
	t := opTable{slots: make([]uint16, size), mask: uint32(size - 1)}
	for _, key := range slices.Sorted(maps.Keys(index)) { // a layout that is the same every run
		ref := index[key]
		t.keys = append(t.keys, key)
		t.refs = append(t.refs, ref)
		h := keyHash(key) & t.mask
		for t.slots[h] != 0 {
			h = (h + 1) & t.mask
		}
		t.slots[h] = uint16(len(t.keys))
	}
	return t
}

// keyHash mixes the length with the first, second, middle and last byte.
func keyHash[S ~string | ~[]byte](s S) uint32 {
	n := len(s)
	if n == 0 {
		return 0
	}
	h := uint32(n) | uint32(s[0])<<8 | uint32(s[n/2])<<16 | uint32(s[n-1])<<24
	if n > 1 {
		h ^= uint32(s[1]) << 4
	}
	h *= 0x9E3779B1
	return h ^ h>>15
}

// findOperator is operatorIndex[key] for a key in bytes, without
// converting it to a string.
func findOperator(key []byte) (operatorRef, bool) {
	t := &operatorTable
	for h := keyHash(key) & t.mask; ; h = (h + 1) & t.mask {
		i := int(t.slots[h]) - 1
		if i < 0 {
			return operatorRef{}, false
		}
		if t.keys[i] == string(key) {
			return t.refs[i], true
		}
	}
}

// findOperatorName is findOperator for a string key.
func findOperatorName(key string) (operatorRef, bool) {
	t := &operatorTable
	for h := keyHash(key) & t.mask; ; h = (h + 1) & t.mask {
		i := int(t.slots[h]) - 1
		if i < 0 {
			return operatorRef{}, false
		}
		if t.keys[i] == key {
			return t.refs[i], true
		}
	}
}
