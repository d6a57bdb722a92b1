package retry

import "fmt"

// Jitter selects how REST backoff randomises its delays.
type Jitter string

// Jitter strategies (AWS Architecture Blog, "Exponential Backoff And
// Jitter", 2015, names them): full draws from [0, d), equal keeps half of d
// and draws the other half, decorrelated draws from [base, 3·previous).
const (
	JitterFull         Jitter = "full"
	JitterEqual        Jitter = "equal"
	JitterDecorrelated Jitter = "decorrelated"
	JitterNone         Jitter = "none"
)

// Policy holds every knob of Advise. The JSON names are the fields of the
// wire `policy` object; a field left out keeps its DefaultPolicy value.
type Policy struct {
	// MaxAttempts caps REST attempts: once attempt reaches it, no retry.
	MaxAttempts int `json:"maxAttempts"`
	// StreamMaxAttempts caps stream reconnects; 0 means no cap (X's
	// guidance has delay ceilings, not attempt caps).
	StreamMaxAttempts int `json:"streamMaxAttempts"`
	// MaxWaitMs is the longest delay Advise returns with retry=true; a
	// longer wait parks: retry=false with notBefore set.
	MaxWaitMs int64 `json:"maxWaitMs"`

	// REST 5xx and network failures: capped exponential backoff.
	BaseDelayMs  int64  `json:"baseDelayMs"`
	MaxBackoffMs int64  `json:"maxBackoffMs"`
	Jitter       Jitter `json:"jitter"`

	// REST 429.
	ResetMarginMs          int64 `json:"resetMarginMs"`          // added after a reset instant
	UnanchoredResetFloorMs int64 `json:"unanchoredResetFloorMs"` // floor when no Date header anchors the reset
	PerSecondBaseMs        int64 `json:"perSecondBaseMs"`        // 429 while remaining > 0
	PerSecondMaxMs         int64 `json:"perSecondMaxMs"`
	RateLimitBaseMs        int64 `json:"rateLimitBaseMs"` // 429 without rate-limit headers, doubling

	// Streams (X's handling-disconnections guidance).
	StreamNetworkStepMs   int64 `json:"streamNetworkStepMs"`
	StreamNetworkMaxMs    int64 `json:"streamNetworkMaxMs"`
	StreamHTTPBaseMs      int64 `json:"streamHttpBaseMs"`
	StreamHTTPMaxMs       int64 `json:"streamHttpMaxMs"`
	StreamRateLimitBaseMs int64 `json:"streamRateLimitBaseMs"`

	// RetryNonIdempotent retries POSTs that create things after a 5xx or a
	// network failure anyway (the caller deduplicates).
	RetryNonIdempotent bool `json:"retryNonIdempotent"`
}

// DefaultPolicy returns the defaults; doc.go says where each comes from.
func DefaultPolicy() Policy {
	return Policy{
		MaxAttempts:            5,
		StreamMaxAttempts:      0,
		MaxWaitMs:              16 * 60 * 1000,
		BaseDelayMs:            1000,
		MaxBackoffMs:           60 * 1000,
		Jitter:                 JitterFull,
		ResetMarginMs:          1000,
		UnanchoredResetFloorMs: 60 * 1000,
		PerSecondBaseMs:        1000,
		PerSecondMaxMs:         16 * 1000,
		RateLimitBaseMs:        60 * 1000,
		StreamNetworkStepMs:    250,
		StreamNetworkMaxMs:     16 * 1000,
		StreamHTTPBaseMs:       5 * 1000,
		StreamHTTPMaxMs:        320 * 1000,
		StreamRateLimitBaseMs:  60 * 1000,
	}
}

// Check reports the first field that makes no sense, by its JSON name.
func (p Policy) Check() error {
	if p.MaxAttempts < 1 {
		return fmt.Errorf("policy.maxAttempts is %d; it must be at least 1", p.MaxAttempts)
	}
	if p.StreamMaxAttempts < 0 {
		return fmt.Errorf("policy.streamMaxAttempts is %d; it must be 0 (no cap) or more", p.StreamMaxAttempts)
	}
	switch p.Jitter {
	case JitterFull, JitterEqual, JitterDecorrelated, JitterNone:
	default:
		return fmt.Errorf("policy.jitter is %q; expected full, equal, decorrelated or none", p.Jitter)
	}
	for _, f := range []struct {
		name string
		v    int64
	}{
		{"maxWaitMs", p.MaxWaitMs}, {"baseDelayMs", p.BaseDelayMs}, {"maxBackoffMs", p.MaxBackoffMs},
		{"resetMarginMs", p.ResetMarginMs}, {"unanchoredResetFloorMs", p.UnanchoredResetFloorMs},
		{"perSecondBaseMs", p.PerSecondBaseMs}, {"perSecondMaxMs", p.PerSecondMaxMs},
		{"rateLimitBaseMs", p.RateLimitBaseMs}, {"streamNetworkStepMs", p.StreamNetworkStepMs},
		{"streamNetworkMaxMs", p.StreamNetworkMaxMs}, {"streamHttpBaseMs", p.StreamHTTPBaseMs},
		{"streamHttpMaxMs", p.StreamHTTPMaxMs}, {"streamRateLimitBaseMs", p.StreamRateLimitBaseMs},
	} {
		if f.v < 0 {
			return fmt.Errorf("policy.%s is %d; it must not be negative", f.name, f.v)
		}
	}
	return nil
}
