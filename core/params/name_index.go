package params

// nameIndex finds a string in a fixed set built once at package
// initialisation from the static route table (parameter names of an
// operation, values of an enumeration, literal paths of a method). It is an
// open-addressing table hashed on the length and four bytes of the name, so
// a lookup costs a few byte loads and one string comparison, with no map
// hashing and no allocation. The table is at most half full; names that
// collide probe the next slot, so correctness never depends on the hash.
type nameIndex struct {
	names []string
	slots []int16 // index into names + 1; 0 is an empty slot
	mask  uint32
}

// newNameIndex indexes names; find returns a name's position in names.
// Equal names keep the first position, as a linear scan would.
func newNameIndex(names []string) nameIndex {
	if len(names) >= 1<<15 {
		panic("params: a name set of the route table outgrew nameIndex")
	}
	size := 4
	for size < 2*len(names) {
		size *= 2
	}
	t := nameIndex{names: names, slots: make([]int16, size), mask: uint32(size - 1)}
	for i, n := range names {
		if t.find(n) >= 0 {
			continue
		}
		h := nameHash(n) & t.mask
		for t.slots[h] != 0 {
			h = (h + 1) & t.mask
		}
		t.slots[h] = int16(i + 1)
	}
	return t
}

// nameHash mixes the length with the first two, the middle and the last
// byte: the names of X's API differ there far more often than not.
func nameHash(s string) uint32 {
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

// find returns the position of s in the indexed names, or -1.
func (t *nameIndex) find(s string) int {
	if len(t.slots) == 0 {
		return -1
	}
	for h := nameHash(s) & t.mask; ; h = (h + 1) & t.mask {
		i := int(t.slots[h]) - 1
		if i < 0 {
			return -1
		}
		if t.names[i] == s {
			return i
		}
	}
}
