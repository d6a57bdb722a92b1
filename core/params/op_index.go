package params

import (
	"math/bits"
	"slices"

	"github.com/xpreflight/xpreflight/core/internal/strtab"
)

// maxParams is how many parameters an operation may declare: presence is
// tracked in one uint64 per request. X's largest operation has 16; a test
// keeps the generated table within the limit.
const maxParams = 64

// paramSet holds one bit per index into an operation's Params.
type paramSet uint64

func (s paramSet) has(i int) bool { return s&(1<<uint(i)) != 0 }

// opIndex is what Validate looks up on every request, precomputed per
// operation at package initialisation from the static table.
type opIndex struct {
	queryNames strtab.Table // names of the query parameters
	queryAt    []uint8      // queryNames position → index into Params
	required   paramSet     // query parameters some version requires
	// atMostOne[i] is AtMostOne[i] as a set when every name in the group
	// is a query parameter of the operation; 0 when one is not (the group
	// is then counted by name).
	atMostOne []paramSet
}

func buildOpIndex(op *Operation) {
	if len(op.Params) > maxParams {
		panic("params: " + op.ID + " declares more than 64 parameters")
	}
	var names []string
	var at []uint8
	for i, p := range op.Params {
		if p.In != InQuery {
			continue
		}
		names = append(names, p.Name)
		at = append(at, uint8(i))
		if p.Required != 0 {
			op.index.required |= 1 << uint(i)
		}
	}
	op.index.queryNames, op.index.queryAt = strtab.New(names), at
	op.index.atMostOne = make([]paramSet, len(op.AtMostOne))
	for gi, g := range op.AtMostOne {
		var set paramSet
		for _, n := range g.Names {
			i, _ := op.queryParam(n)
			if i < 0 {
				set = 0
				break
			}
			set |= 1 << uint(i)
		}
		op.index.atMostOne[gi] = set
	}
	for _, p := range op.Params {
		if len(p.Enum) > 0 && p.enumIndex.Len() == 0 {
			p.enumIndex = sharedEnumIndex(p.Enum)
		}
		p.noItemPattern = !slices.ContainsFunc(p.Constraints, func(k Constraint) bool { return k.Op == ItemPattern })
	}
}

// queryParam returns the index into Params and the query parameter called
// name, or -1 and nil.
func (op *Operation) queryParam(name string) (int, *Param) {
	k := op.index.queryNames.Find(name)
	if k < 0 {
		return -1, nil
	}
	i := int(op.index.queryAt[k])
	return i, op.Params[i]
}

// count is the number of parameters in s.
func (s paramSet) count() int { return bits.OnesCount64(uint64(s)) }
