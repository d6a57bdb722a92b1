package retry

import (
	"math"
	"testing"
)

// FuzzAdvise: Advise never panics; every delay is within [0, maxWaitMs];
// a retry's notBefore is now + delay; a park's wait is beyond the cap.
func FuzzAdvise(f *testing.F) {
	f.Add(1, 429, "GET", "/2/tweets", "0", "1700000100", "Tue, 14 Nov 2023 22:13:20 GMT", "30", []byte(tooManyConns), int64(now), 0.5, true, int64(0), "full", int64(960000))
	f.Add(3, 503, "POST", "/2/tweets", "", "", "", "", []byte(nil), int64(0), 0.9, false, int64(0), "decorrelated", int64(1))
	f.Add(0, 0, "", "", "-1", "x", "bad", "Tue Nov 14 22:13:25 2023", []byte(opDisconnect), int64(math.MaxInt64), math.NaN(), true, int64(math.MaxInt64), "equal", int64(math.MaxInt64))
	f.Add(99, 500, "DELETE", "/2/tweets/1", "1", "99999999999999999", "", "99999999999999999", []byte(`{`), int64(-5), -1.0, false, int64(-1), "none", int64(0))
	f.Fuzz(func(t *testing.T, attempt, status int, method, url, remaining, reset, date, retryAfter string, body []byte, nowMs int64, random float64, stream bool, prev int64, jitter string, maxWait int64) {
		p := DefaultPolicy()
		p.Jitter = Jitter(jitter)
		p.MaxWaitMs = maxWait
		if p.Check() != nil {
			p = DefaultPolicy()
		}
		in := Input{
			Attempt: attempt, Status: status, Method: method, URL: url, Body: body,
			Headers: map[string]string{
				"x-rate-limit-remaining": remaining, "x-rate-limit-reset": reset,
				"x-app-limit-24hour-remaining": remaining, "x-app-limit-24hour-reset": reset,
				"date": date, "retry-after": retryAfter,
			},
			Now: nowMs, Random: random, Stream: stream, PreviousDelayMs: prev, Policy: &p,
		}
		a := Advise(in)
		if a.DelayMs < 0 || a.DelayMs > p.MaxWaitMs {
			t.Fatalf("delay %d outside [0, %d]: %+v", a.DelayMs, p.MaxWaitMs, a)
		}
		if !a.Retry && a.DelayMs != 0 {
			t.Fatalf("no retry but delay %d", a.DelayMs)
		}
		if a.Retry && a.NotBefore != satAdd(nowMs, a.DelayMs) {
			t.Fatalf("notBefore %d, want now+delay", a.NotBefore)
		}
		if a.Parked && a.Retry {
			t.Fatal("parked and retry")
		}
		if a.Reason == "" || a.Detail == "" {
			t.Fatalf("no reason: %+v", a)
		}
	})
}
