//go:build !xpreflight_querylite

package wire

import "github.com/xpreflight/xpreflight/core/apierr"

// parseResponseInput is DESIGN.md's parseResponse input.
type parseResponseInput struct {
	Status  *int              `json:"status"`
	Headers map[string]string `json:"headers"`
	Body    *string           `json:"body"`
	Method  string            `json:"method"`
	URL     string            `json:"url"`
}

// parseResponse returns apierr.Result: class, status, shape, problems,
// partialErrors, rateLimit, headerIssues (when any), schema, retryable.
func parseResponse(request []byte) (any, error) {
	var in parseResponseInput
	if err := decodeInput(request, &in); err != nil {
		return nil, err
	}
	if in.Status == nil {
		return nil, badInput(`missing field "status"`)
	}
	if *in.Status < 100 || *in.Status > 599 {
		return nil, badInput(`field "status": %d is not an HTTP status (100–599)`, *in.Status)
	}
	if in.Body == nil {
		return nil, badInput(`missing field "body" (use "" for an empty body)`)
	}
	return apierr.Parse(apierr.Response{
		Status:  *in.Status,
		Headers: in.Headers,
		Body:    []byte(*in.Body),
		Method:  in.Method,
		URL:     in.URL,
	}), nil
}
