package params

// enumIndexes maps each enumeration of the route table (by its first
// element; equal enumerations are shared by the generator) to the index of
// every value, so list items are found without scanning. Built once at
// package initialisation from the static table.
var enumIndexes = buildEnumIndexes()

func buildEnumIndexes() map[*EnumValue]map[string]int {
	idx := map[*EnumValue]map[string]int{}
	for _, op := range operations {
		for _, p := range op.Params {
			if len(p.Enum) == 0 || idx[&p.Enum[0]] != nil {
				continue
			}
			m := make(map[string]int, len(p.Enum))
			for i, e := range p.Enum {
				m[e.Value] = i
			}
			idx[&p.Enum[0]] = m
		}
	}
	return idx
}

// enumIndex finds value in enum. Enumerations built outside the table
// (none today) fall back to a scan.
func enumIndex(enum []EnumValue, value string) (int, bool) {
	if m, ok := enumIndexes[&enum[0]]; ok {
		i, found := m[value]
		return i, found
	}
	for i := range enum {
		if enum[i].Value == value {
			return i, true
		}
	}
	return -1, false
}
