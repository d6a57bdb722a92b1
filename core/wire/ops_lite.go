//go:build xpreflight_querylite

package wire

// QueryOnly reports whether this is the query-only build (-tags
// xpreflight_querylite), whose op table holds only validateQuery: no
// core/params, core/apierr, core/retry, and so no jsonschema to initialise.
const QueryOnly = true
