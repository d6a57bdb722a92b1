package wire

// FOUNDATION PLACEHOLDER: replaced by issue 4.
func adviseRetry(request []byte) (any, error) {
	return nil, &Error{Code: CodeInternal, Message: "adviseRetry is not implemented yet"}
}
