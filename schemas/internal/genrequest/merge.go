package main

import (
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"
)

// mergedOp is one operation over both spec versions.
type mergedOp struct {
	id, method, path string
	versions         int
	stream           bool // some version marks it x-twitter-streaming
	params           []*mergedParam
	body             *mergedBody
	atMostOne        []group
	exactlyOne       []group
	orders           []order
	raw              map[int]*rawOp // by version bit
}

type mergedParam struct {
	name, in    string
	kind        string
	versions    int
	required    int
	enumVers    int // versions that restrict the value to an enum
	dialect     string
	enum        []enumValue
	constraints []constraint
	def         string
	raw         map[int]*rawParam
}

type enumValue struct {
	value    string
	versions int
	dialect  string
}

type constraint struct {
	op       string
	value    string // number, or pattern for Pattern/ItemPattern
	versions int
}

type mergedBody struct {
	versions, required int
	contentTypes       []string
	schemas            []bodySchema
}

type bodySchema struct {
	versions int
	name     string // component name
	label    string // spec label
}

type group struct {
	names    []string
	versions int
}

type order struct {
	low, high string
	versions  int
}

func mergeOps(specs []*specVersion) ([]*mergedOp, error) {
	byKey := map[string]*mergedOp{}
	var keys []string
	for _, s := range specs {
		ops, err := s.operations()
		if err != nil {
			return nil, err
		}
		for _, op := range ops {
			key := op.method + " " + op.path
			m, ok := byKey[key]
			if !ok {
				m = &mergedOp{id: op.id, method: op.method, path: op.path, raw: map[int]*rawOp{}}
				byKey[key] = m
				keys = append(keys, key)
			}
			if m.id != op.id {
				return nil, fmt.Errorf("%s: operationId %s in one spec, %s in another", key, m.id, op.id)
			}
			m.versions |= s.bit
			m.stream = m.stream || op.stream
			m.raw[s.bit] = op
		}
	}
	sort.Strings(keys)
	out := make([]*mergedOp, 0, len(keys))
	for _, k := range keys {
		m := byKey[k]
		if err := m.merge(specs); err != nil {
			return nil, fmt.Errorf("%s: %w", k, err)
		}
		out = append(out, m)
	}
	return out, nil
}

// versionsNewestFirst lists the version bits so that the current spec's
// parameter order wins.
var versionsNewestFirst = []int{v2167, v2166}

func (m *mergedOp) merge(specs []*specVersion) error {
	index := map[string]*mergedParam{}
	for _, bit := range versionsNewestFirst {
		op := m.raw[bit]
		if op == nil {
			continue
		}
		for _, rp := range op.params {
			key := rp.in + " " + rp.name
			p, ok := index[key]
			if !ok {
				p = &mergedParam{name: rp.name, in: rp.in, raw: map[int]*rawParam{}}
				index[key] = p
				m.params = append(m.params, p)
			}
			p.raw[bit] = rp
			p.versions |= bit
			if rp.required {
				p.required |= bit
			}
		}
		m.readProse(op.description, bit)
		if op.body != nil {
			m.mergeBody(op.body, bit, specs)
		}
	}
	for _, p := range m.params {
		if err := p.merge(m.versions); err != nil {
			return fmt.Errorf("parameter %s: %w", p.name, err)
		}
	}
	return nil
}

func (m *mergedOp) mergeBody(b *rawBody, bit int, specs []*specVersion) {
	if m.body == nil {
		m.body = &mergedBody{}
	}
	m.body.versions |= bit
	if b.required {
		m.body.required |= bit
	}
	for _, ct := range b.contentTypes {
		if !contains(m.body.contentTypes, ct) {
			m.body.contentTypes = append(m.body.contentTypes, ct)
		}
	}
	sort.Strings(m.body.contentTypes)
	label := ""
	for _, s := range specs {
		if s.bit == bit {
			label = s.label
		}
	}
	m.body.schemas = append(m.body.schemas, bodySchema{versions: bit, name: b.schemaRef, label: label})
}

func (m *mergedOp) readProse(desc string, bit int) {
	for _, match := range atMostOneRE.FindAllStringSubmatch(desc, -1) {
		m.atMostOne = addGroup(m.atMostOne, backticked(match[1]), bit)
	}
	for _, match := range exactlyOneRE.FindAllStringSubmatch(desc, -1) {
		m.exactlyOne = addGroup(m.exactlyOne, backticked(match[1]), bit)
	}
	for _, match := range orderRE.FindAllStringSubmatch(desc, -1) {
		found := false
		for i := range m.orders {
			if m.orders[i].low == match[1] && m.orders[i].high == match[2] {
				m.orders[i].versions |= bit
				found = true
			}
		}
		if !found {
			m.orders = append(m.orders, order{low: match[1], high: match[2], versions: bit})
		}
	}
}

func addGroup(gs []group, names []string, bit int) []group {
	key := strings.Join(names, ",")
	for i := range gs {
		if strings.Join(gs[i].names, ",") == key {
			gs[i].versions |= bit
			return gs
		}
	}
	return append(gs, group{names: names, versions: bit})
}

func (p *mergedParam) merge(opVersions int) error {
	kinds := map[string]bool{}
	for _, bit := range versionsNewestFirst {
		rp := p.raw[bit]
		if rp == nil {
			continue
		}
		kinds[rp.kind] = true
		if p.def == "" {
			p.def = rp.def
		}
	}
	switch {
	case len(kinds) == 1:
		for k := range kinds {
			p.kind = k
		}
	case len(kinds) == 2 && kinds["list"] && kinds["string"]:
		// A free string accepts whatever a list does; splitting on commas
		// lets the list version's item checks run (as warnings).
		p.kind = "list"
	default:
		return fmt.Errorf("kinds differ between versions: %v", slices.Sorted(maps.Keys(kinds)))
	}
	p.mergeEnum()
	p.mergeConstraints()
	if p.versions != opVersions {
		p.dialect = dialectOf(p.name, p.versions)
	}
	return nil
}

func (p *mergedParam) mergeEnum() {
	index := map[string]int{}
	for _, bit := range versionsNewestFirst {
		rp := p.raw[bit]
		if rp == nil || !rp.hasEnum {
			continue
		}
		p.enumVers |= bit
		for _, v := range rp.enum {
			if i, ok := index[v]; ok {
				p.enum[i].versions |= bit
				continue
			}
			index[v] = len(p.enum)
			p.enum = append(p.enum, enumValue{value: v, versions: bit})
		}
	}
	for i := range p.enum {
		if p.enum[i].versions != p.enumVers {
			p.enum[i].dialect = dialectOf(p.enum[i].value, p.enum[i].versions)
		}
	}
}

// constraintOrder fixes the order constraints are checked and emitted in.
var constraintOrder = []string{"Minimum", "Maximum", "MinLength", "MaxLength", "Pattern", "MinItems", "MaxItems", "UniqueItems", "ItemPattern", "NotBefore"}

func (p *mergedParam) mergeConstraints() {
	for _, op := range constraintOrder {
		var cs []constraint
		for _, bit := range versionsNewestFirst {
			rp := p.raw[bit]
			if rp == nil {
				continue
			}
			v, ok := rp.cons[op]
			if !ok {
				continue
			}
			merged := false
			for i := range cs {
				if cs[i].value == v {
					cs[i].versions |= bit
					merged = true
				}
			}
			if !merged {
				cs = append(cs, constraint{op: op, value: v, versions: bit})
			}
		}
		p.constraints = append(p.constraints, cs...)
	}
}

// dialectOf tells whether a name found in only some versions is a spelling
// of one vocabulary: spec 2.166 says "tweet", spec 2.167 says "post".
func dialectOf(name string, versions int) string {
	lower := strings.ToLower(name)
	switch {
	case versions == v2166 && strings.Contains(lower, "tweet"):
		return "DialectTweet"
	case versions == v2167 && strings.Contains(lower, "post"):
		return "DialectPost"
	}
	return ""
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
