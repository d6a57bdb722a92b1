package wire

import (
	"strings"

	"github.com/xpreflight/xpreflight/core/query"
)

type validateQueryInput struct {
	Query    *string        `json:"query"`
	Endpoint query.Endpoint `json:"endpoint"`
	Tier     query.Tier     `json:"tier"`
}

// options checks a decoded input (the query is required) and returns the
// linter's options for its endpoint and tier; fixQuery's input embeds it.
func (in *validateQueryInput) options() (query.Options, error) {
	if in.Query == nil {
		return query.Options{}, badInput(`missing field "query"`)
	}
	return queryOptions(in.Endpoint, in.Tier)
}

func validateQuery(request []byte) (any, error) {
	var in validateQueryInput
	if err := decodeInput(request, &in); err != nil {
		return nil, err
	}
	opts, err := in.options()
	if err != nil {
		return nil, err
	}
	r := query.Validate(*in.Query, opts)
	query.AttachFixes(*in.Query, opts, r.Diagnostics)
	return r, nil
}

// queryOptions checks the endpoint and tier names and applies the defaults
// (search_recent, pay-per-use).
func queryOptions(endpoint query.Endpoint, tier query.Tier) (query.Options, error) {
	switch endpoint {
	case "":
		endpoint = query.SearchRecent
	case query.SearchRecent, query.SearchAll, query.CountsRecent, query.CountsAll, query.StreamRule:
	default:
		return query.Options{}, badInput(`field "endpoint": unknown endpoint %q; expected one of search_recent, search_all, counts_recent, counts_all, stream_rule`, endpoint)
	}
	t, err := parseTier(tier)
	return query.Options{Endpoint: endpoint, Tier: t}, err
}

func parseTier(tier query.Tier) (query.Tier, error) {
	t, ok := query.ParseTier(string(tier))
	if !ok {
		names := make([]string, 0, 5)
		for _, t := range query.Tiers() {
			names = append(names, string(t))
		}
		return "", badInput(`field "tier": unknown tier %q; expected one of %s`, tier, strings.Join(names, ", "))
	}
	return t, nil
}
