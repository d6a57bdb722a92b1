package proxy

import (
	"encoding/json"
)

// Problem is the body shape X uses for whole-request errors that carry no
// more specific type: "about:blank" with title, status and detail, e.g.
// {"title":"Too Many Requests","type":"about:blank","status":429,"detail":"Too Many Requests"}
// (../shared/ref/x-api-facts.md, table of observed bodies,
// row "rate limited"). Keeping X's shape means a client's
// existing error handling reads the Worker's own answers too.
type Problem struct {
	Title  string `json:"title"`
	Type   string `json:"type"`
	Status int    `json:"status"`
	Detail string `json:"detail"`
}

// Body encodes p; it cannot fail for these field types.
func (p Problem) Body() string {
	b, _ := json.Marshal(p)
	return string(b)
}

func blank(status int, title, detail string) Problem {
	return Problem{Title: title, Type: "about:blank", Status: status, Detail: detail}
}

// ProblemRateLimited is X's own 429 body, replayed by the local answer.
func ProblemRateLimited() Problem {
	return blank(429, "Too Many Requests", "Too Many Requests")
}

// invalidRequestProblem is X's invalid-request problem for one parameter,
// used when a validator said "invalid" without supplying a body.
func invalidRequestProblem(message string, parameters map[string][]string) json.RawMessage {
	if parameters == nil {
		parameters = map[string][]string{}
	}
	b, _ := json.Marshal(map[string]any{
		"type":   "https://api.x.com/2/problems/invalid-request",
		"title":  "Invalid Request",
		"detail": "One or more parameters to your request was invalid.",
		"errors": []map[string]any{{"parameters": parameters, "message": message}},
	})
	return b
}
