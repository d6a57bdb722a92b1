package proxy

import "github.com/xpreflight/xpreflight/core/apierr"

// The shim keeps, per isolate, "room": until when X last said a key's window
// has calls to spare. While there is room it does not ask the Durable Object,
// which can only hold a block after some isolate saw remaining 0. A stale view
// costs at most one call per isolate that X answers with its own 429 (that
// answer blocks the key in this isolate and in the Durable Object at once),
// never a wrong local 429 — so the view can be trusted for long.
//
// RoomTTLMs was 1 s: a client calling less than once a second then consulted
// the Durable Object on every call (measured: 100% of a quiet client's calls,
// each paying the round trip to wherever the object lives). At 60 s such a
// client consults it about once a minute; a busy key, whose every answer
// renews its room, almost never. Within a window X said is nearly spent
// (RoomMin or fewer calls left) every call still consults it.
const (
	RoomMin   = 10     // more than this many calls left counts as room
	RoomTTLMs = 60_000 // and the view is trusted this long (never past the window's reset)
)

// RoomUntil is until when (Unix ms) the key that got these headers has room,
// or 0 when it has none: every window X reported must have more than RoomMin
// calls left, and the 15-minute window must reset in the future.
func RoomUntil(h Headers, nowMs int64) int64 {
	rl, _ := apierr.ParseRateLimit(h)
	return roomUntil(rl, nowMs)
}

// roomUntil is RoomUntil of headers already read (Annotate reads them once).
func roomUntil(rl *apierr.RateLimit, nowMs int64) int64 {
	if rl == nil || !roomIn(&rl.Window) || *rl.Reset*1000 <= nowMs {
		return 0
	}
	for _, day := range []*apierr.Window{rl.AppDay, rl.UserDay} {
		if day != nil && day.Remaining != nil && *day.Remaining <= RoomMin {
			return 0
		}
	}
	return min(*rl.Reset*1000, nowMs+RoomTTLMs)
}

func roomIn(w *apierr.Window) bool {
	return w.Remaining != nil && w.Reset != nil && *w.Remaining > RoomMin
}
