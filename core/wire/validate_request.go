package wire

// FOUNDATION PLACEHOLDER: replaced by issue 3.
func validateRequest(request []byte) (any, error) {
	return nil, &Error{Code: CodeInternal, Message: "validateRequest is not implemented yet"}
}
