package params

// pairSet holds the first occurrence of each query parameter name, in the
// order given. The first eight live inside the set, so the usual request
// stores them without allocating (the set is part of the validation, which
// stays on the stack).
type pairSet struct {
	inline [8]queryPair
	n      int
	more   []queryPair
}

// add stores a pair field by field (see queryScanner.next).
func (s *pairSet) add(name, value string, bad bool) {
	if s.n < len(s.inline) {
		p := &s.inline[s.n]
		p.name, p.value, p.bad = name, value, bad
		s.n++
		return
	}
	s.more = append(s.more, queryPair{name: name, value: value, bad: bad})
}

func (s *pairSet) len() int { return s.n + len(s.more) }

// at returns the i-th pair, 0 ≤ i < len().
func (s *pairSet) at(i int) *queryPair {
	if i < s.n {
		return &s.inline[i]
	}
	return &s.more[i-s.n]
}

// find returns the pair called name, or nil.
func (s *pairSet) find(name string) *queryPair {
	for i := range s.len() {
		if p := s.at(i); p.name == name {
			return p
		}
	}
	return nil
}

func (s *pairSet) has(name string) bool { return s.find(name) != nil }
