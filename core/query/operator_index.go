package query

import (
	"maps"
	"slices"

	"github.com/xpreflight/xpreflight/core/internal/strtab"
)

// operatorTable is operatorIndex as a strtab.Table, built once at
// initialisation: every operator of every query is looked up, and a Go map
// hashes the whole key where the table reads four bytes and the length.
var operatorTable = buildOperatorTable(operatorIndex)

type opTable struct {
	keys strtab.Table
	refs []operatorRef // refs[i] belongs to the i-th key
}

func buildOperatorTable(index map[string]operatorRef) opTable {
	keys := slices.Sorted(maps.Keys(index)) // a layout that is the same every run
	refs := make([]operatorRef, len(keys))
	for i, k := range keys {
		refs[i] = index[k]
	}
	return opTable{keys: strtab.New(keys), refs: refs}
}

// findOperator is operatorIndex[key] for a key in bytes, without
// converting it to a string.
func findOperator(key []byte) (operatorRef, bool) {
	return operatorTable.ref(operatorTable.keys.FindBytes(key))
}

// findOperatorName is findOperator for a string key.
func findOperatorName(key string) (operatorRef, bool) {
	return operatorTable.ref(operatorTable.keys.Find(key))
}

func (t *opTable) ref(i int) (operatorRef, bool) {
	if i < 0 {
		return operatorRef{}, false
	}
	return t.refs[i], true
}
