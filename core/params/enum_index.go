package params

import "github.com/xpreflight/xpreflight/core/internal/strtab"

// enumIndexes shares one index per enumeration of the route table: the
// generator shares equal enumerations, so they are told apart by their
// first element. Filled once at package initialisation (buildOpIndex).
var enumIndexes = map[*EnumValue]strtab.Table{}

func sharedEnumIndex(enum []EnumValue) strtab.Table {
	if t, ok := enumIndexes[&enum[0]]; ok {
		return t
	}
	names := make([]string, len(enum))
	for i, e := range enum {
		names[i] = e.Value
	}
	t := strtab.New(names)
	enumIndexes[&enum[0]] = t
	return t
}

// enumIndex finds value in p's enumeration. A Param built outside the
// route table (none today) has no index and falls back to a scan.
func enumIndex(p *Param, value string) (int, bool) {
	if p.enumIndex.Len() > 0 {
		i := p.enumIndex.Find(value)
		return i, i >= 0
	}
	for i := range p.Enum {
		if p.Enum[i].Value == value {
			return i, true
		}
	}
	return -1, false
}
