//go:build !xpreflight_querylite

package wire

import "github.com/xpreflight/xpreflight/core/params"

func init() { ops["fixRequest"] = fixRequest }

type fixRequestInput struct {
	validateRequestInput
	Apply string `json:"apply"`
}

// fixRequest applies a request's fixes (core/params FixRequest): the safe
// ones, or all with "apply":"all".
func fixRequest(request []byte) (any, error) {
	var in fixRequestInput
	if err := decodeInput(request, &in); err != nil {
		return nil, err
	}
	req, err := in.request()
	if err != nil {
		return nil, err
	}
	all, err := applyAll(in.Apply)
	if err != nil {
		return nil, err
	}
	return params.FixRequest(req, all), nil
}
