//go:build !xpreflight_querylite

package wire

// The ops that need core/params, core/apierr and core/retry (and through them
// jsonschema). Left out of the query-only build, whose start-up is then only
// the query linter's; see handle.go.
func init() {
	ops["validateRequest"] = validateRequest
	ops["parseResponse"] = parseResponse
	ops["adviseRetry"] = adviseRetry
}
