//go:build !xpreflight_querylite

package wire

import (
	"time"

	"github.com/xpreflight/xpreflight/core/params"
	"github.com/xpreflight/xpreflight/core/post"
	"github.com/xpreflight/xpreflight/core/query"
)

type validateRequestInput struct {
	Method  *string           `json:"method"`
	URL     *string           `json:"url"`
	Headers map[string]string `json:"headers"`
	Body    *string           `json:"body"`
	Tier    query.Tier        `json:"tier"`
	Now     *int64            `json:"now"` // Unix milliseconds
	// LongPosts: whether the posting account may publish long posts
	// (absent: unknown, so a post over 280 is a warning)
	LongPosts *bool `json:"longPosts"`
}

// validateRequest judges one HTTP request against X's API (core/params).
// Without "now", rules relative to the current time are skipped.
func validateRequest(request []byte) (any, error) {
	var in validateRequestInput
	if err := decodeInput(request, &in); err != nil {
		return nil, err
	}
	req, err := in.request()
	if err != nil {
		return nil, err
	}
	r := params.Validate(req)
	params.AttachFixes(req, &r)
	return r, nil
}

// request builds the request to judge from the op's input.
func (in *validateRequestInput) request() (params.Request, error) {
	if in.Method == nil || *in.Method == "" {
		return params.Request{}, badInput(`missing field "method"`)
	}
	if in.URL == nil || *in.URL == "" {
		return params.Request{}, badInput(`missing field "url"`)
	}
	tier, err := parseTier(in.Tier)
	if err != nil {
		return params.Request{}, err
	}
	req := params.Request{Method: *in.Method, URL: *in.URL, Headers: in.Headers, Tier: tier}
	if in.Body != nil {
		req.Body = []byte(*in.Body)
	}
	if in.Now != nil {
		if *in.Now <= 0 {
			return params.Request{}, badInput(`field "now": %d is not a positive Unix time in milliseconds`, *in.Now)
		}
		req.Now = time.UnixMilli(*in.Now).UTC()
	}
	if in.LongPosts != nil {
		req.LongPosts = post.LongPostsDenied
		if *in.LongPosts {
			req.LongPosts = post.LongPostsAllowed
		}
	}
	return req, nil
}
