//go:build !xpreflight_querylite

package wire

import (
	"bytes"
	"encoding/json"

	"github.com/xpreflight/xpreflight/core/retry"
)

// adviseRetryInput is DESIGN.md's adviseRetry input, plus previousDelayMs
// (decorrelated jitter needs the last delay).
type adviseRetryInput struct {
	Attempt         *int              `json:"attempt"`
	Method          string            `json:"method"`
	URL             string            `json:"url"`
	Status          *int              `json:"status"`
	Headers         map[string]string `json:"headers"`
	Body            *string           `json:"body"`
	Now             *int64            `json:"now"`
	Random          *float64          `json:"random"`
	Stream          bool              `json:"stream"`
	PreviousDelayMs int64             `json:"previousDelayMs"`
	Policy          json.RawMessage   `json:"policy"`
}

// defaultRandom stands in for a missing "random": the middle of [0,1), so
// full jitter without a caller's random still waits half the backoff
// rather than not at all. The JS wrapper always fills random.
const defaultRandom = 0.5

// adviseRetry returns retry.Advice: retry, delayMs, notBefore, reason,
// detail, parked.
func adviseRetry(request []byte) (any, error) {
	var in adviseRetryInput
	if err := decodeInput(request, &in); err != nil {
		return nil, err
	}
	if in.Attempt == nil {
		return nil, badInput(`missing field "attempt" (attempts made so far; 1 after the first failure)`)
	}
	if *in.Attempt < 1 {
		return nil, badInput(`field "attempt": %d; it counts attempts made so far, so it is at least 1`, *in.Attempt)
	}
	if in.Now == nil {
		return nil, badInput(`missing field "now" (the client's Unix time in milliseconds)`)
	}
	if *in.Now < 0 {
		return nil, badInput(`field "now": %d is before 1970; expected Unix milliseconds`, *in.Now)
	}
	status := 0
	if in.Status != nil {
		if *in.Status < 100 || *in.Status > 599 {
			return nil, badInput(`field "status": %d is not an HTTP status (100–599); leave it out for a network failure`, *in.Status)
		}
		status = *in.Status
	}
	random := defaultRandom
	if in.Random != nil {
		if !(*in.Random >= 0 && *in.Random < 1) {
			return nil, badInput(`field "random": %v is outside [0, 1)`, *in.Random)
		}
		random = *in.Random
	}
	if in.PreviousDelayMs < 0 {
		return nil, badInput(`field "previousDelayMs": %d is negative`, in.PreviousDelayMs)
	}
	policy, err := decodePolicy(in.Policy)
	if err != nil {
		return nil, err
	}
	var body []byte
	if in.Body != nil {
		body = []byte(*in.Body)
	}
	return retry.Advise(retry.Input{
		Attempt: *in.Attempt, Method: in.Method, URL: in.URL, Status: status,
		Headers: in.Headers, Body: body, Now: *in.Now, Random: random,
		Stream: in.Stream, PreviousDelayMs: in.PreviousDelayMs, Policy: &policy,
	}), nil
}

// decodePolicy lays the given fields over retry.DefaultPolicy(); unknown
// fields and nonsense values are bad input naming the field.
func decodePolicy(raw json.RawMessage) (retry.Policy, error) {
	p := retry.DefaultPolicy()
	if len(bytes.TrimSpace(raw)) == 0 || string(bytes.TrimSpace(raw)) == "null" {
		return p, nil
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&p); err != nil {
		return p, badInput("field \"policy\": %s", describeDecodeError(raw, err))
	}
	if err := p.Check(); err != nil {
		return p, badInput("%v", err)
	}
	return p, nil
}
