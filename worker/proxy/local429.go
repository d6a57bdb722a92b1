package proxy

import "github.com/xpreflight/xpreflight/core/apierr"

// The local 429. When X says a key's window is spent (remaining 0 until a
// reset in the future), the Worker answers that key's next calls itself with
// a 429 shaped like X's, without spending quota: Annotate finds the Block in
// X's answer (BlockFrom), src/ratelimit.mjs keeps it in the isolate and in
// the Durable Object shared by every isolate, and Local (the bridge function
// "local", worker/functions.go) builds the answer while it holds. room.go is
// the other half: while X says a key has calls to spare, the Durable Object
// need not be asked.

// Block says: answer this key locally with 429 until Until (Unix ms), replaying
// Headers (X's rate-limit headers as X last sent them, remaining 0).
type Block struct {
	Until   int64   `json:"until"`
	Headers Headers `json:"headers"`
}

// BlockFrom returns a block when some window of core/apierr's rate-limit
// reading is exhausted (Window.Exhausted) with a reset in the future, lasting
// until the latest such reset; nil otherwise. A reset in the past never
// blocks. The block replays the exhausted windows' headers as X sent them.
func BlockFrom(h Headers, nowMs int64) *Block {
	rl, _ := apierr.ParseRateLimit(h)
	return blockFrom(h, false, rl, nowMs)
}

// blockFrom is BlockFrom of headers already read (Annotate reads them
// once); folded as Outbound.HeadersFolded.
func blockFrom(h Headers, folded bool, rl *apierr.RateLimit, nowMs int64) *Block {
	var b *Block
	for _, w := range rl.Windows() {
		reset, ok := w.Window.Exhausted()
		if !ok || reset*1000 <= nowMs {
			continue
		}
		if b == nil {
			b = &Block{Headers: Headers{}}
		}
		b.Until = max(b.Until, reset*1000)
		for _, field := range apierr.WindowFields {
			if v := h.lookup(w.Prefix+field, folded); v != "" {
				b.Headers[w.Prefix+field] = v
			}
		}
	}
	return b
}

// LocalAnswer is the 429 the Worker sends for a blocked key: X's headers and
// problem shape, so clients handle it exactly as they handle X's own 429.
type LocalAnswer struct {
	Status       int     `json:"status"`
	Headers      Headers `json:"headers"`
	Body         string  `json:"body"`
	RetryAfterMs int64   `json:"retryAfterMs"`
}

// Local builds the local 429 for a block still in force at nowMs.
func Local(b Block, nowMs int64) LocalAnswer {
	wait := b.Until - nowMs
	if wait < 0 {
		wait = 0
	}
	h := Headers{"content-type": "application/json; charset=utf-8"}
	for k, v := range b.Headers {
		h[k] = v
	}
	return LocalAnswer{Status: 429, Headers: h, Body: ProblemRateLimited().Body(), RetryAfterMs: wait}
}
