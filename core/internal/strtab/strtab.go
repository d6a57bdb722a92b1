// Package strtab finds strings in small fixed sets built once at package
// initialisation (operator names, parameter names, enum values, literal
// paths). A Table is an open-addressing hash table keyed on the length and
// four bytes of a string, so a lookup costs a few byte loads and one string
// comparison, with no map hashing and no allocation. It is at most half
// full; strings that share a hash probe the next slot, so correctness never
// depends on the hash.
package strtab

// Table indexes a fixed list of strings by position.
type Table struct {
	names []string
	slots []int32 // index into names + 1; 0 is an empty slot
	mask  uint32
}

// New indexes names. Equal names keep the first position, as a linear scan
// would. The table keeps names; the caller must not change it afterwards.
func New(names []string) Table {
	size := 4
	for size < 2*len(names) {
		size *= 2
	}
	t := Table{names: names, slots: make([]int32, size), mask: uint32(size - 1)}
	for i, n := range names {
		if t.Find(n) >= 0 {
			continue
		}
		h := Hash(n) & t.mask
		for t.slots[h] != 0 {
			h = (h + 1) & t.mask
		}
		t.slots[h] = int32(i + 1)
	}
	return t
}

// Len is the number of strings indexed, duplicates included.
func (t *Table) Len() int { return len(t.names) }

// Find returns the position of s in the indexed names, or -1.
func (t *Table) Find(s string) int {
	if len(t.slots) == 0 {
		return -1
	}
	for h := Hash(s) & t.mask; ; h = (h + 1) & t.mask {
		i := int(t.slots[h]) - 1
		if i < 0 || t.names[i] == s {
			return i
		}
	}
}

// FindBytes is Find for a key in bytes. It is written out rather than
// shared with Find through a type parameter: only a non-generic
// string(b) == s comparison is compiled without allocating.
func (t *Table) FindBytes(b []byte) int {
	if len(t.slots) == 0 {
		return -1
	}
	for h := Hash(b) & t.mask; ; h = (h + 1) & t.mask {
		i := int(t.slots[h]) - 1
		if i < 0 || t.names[i] == string(b) {
			return i
		}
	}
}

// Hash mixes the length with the first two, the middle and the last byte:
// the names of X's API differ there far more often than not.
func Hash[S ~string | ~[]byte](s S) uint32 {
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
