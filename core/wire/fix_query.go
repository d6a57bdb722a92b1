package wire

import "github.com/xpreflight/xpreflight/core/query"

// fixQuery is in every build, the query-only one included.
func init() { ops["fixQuery"] = fixQuery }

type fixQueryInput struct {
	validateQueryInput
	Apply string `json:"apply"`
}

// fixQuery applies a query's fixes (core/query FixQuery): the safe ones,
// or all with "apply":"all".
func fixQuery(request []byte) (any, error) {
	var in fixQueryInput
	if err := decodeInput(request, &in); err != nil {
		return nil, err
	}
	opts, err := in.options()
	if err != nil {
		return nil, err
	}
	all, err := applyAll(in.Apply)
	if err != nil {
		return nil, err
	}
	return query.FixQuery(*in.Query, opts, all), nil
}

// applyAll reads the "apply" field: "safe" (the default) or "all".
func applyAll(apply string) (bool, error) {
	switch apply {
	case "", "safe":
		return false, nil
	case "all":
		return true, nil
	}
	return false, badInput(`field "apply": %q is neither "safe" nor "all"`, apply)
}
