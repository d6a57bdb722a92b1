package wire

// FOUNDATION PLACEHOLDER: replaced by issue 4.
func parseResponse(request []byte) (any, error) {
	return nil, &Error{Code: CodeInternal, Message: "parseResponse is not implemented yet"}
}
