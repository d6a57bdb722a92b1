package retry

import "math"

// exponential is min(limit, base·2^(n−1)) for n ≥ 1, without overflow.
func exponential(base, limit int64, n int) int64 {
	d := base
	for i := 1; i < n && d < limit; i++ {
		d = satMul(d, 2)
	}
	return min(d, limit)
}

// jittered applies the policy's jitter to the n-th REST backoff.
func jittered(p Policy, n int, random float64, previous int64) int64 {
	d := exponential(p.BaseDelayMs, p.MaxBackoffMs, n)
	switch p.Jitter {
	case JitterFull:
		return scale(d, random)
	case JitterEqual:
		return d/2 + scale(d-d/2, random)
	case JitterDecorrelated:
		if previous <= 0 {
			previous = p.BaseDelayMs
		}
		upper := min(satMul(previous, 3), p.MaxBackoffMs)
		if upper <= p.BaseDelayMs {
			return min(p.BaseDelayMs, p.MaxBackoffMs)
		}
		return min(p.BaseDelayMs+scale(upper-p.BaseDelayMs, random), p.MaxBackoffMs)
	}
	return d
}

// scale is ⌊d·random⌋ for random in [0,1).
func scale(d int64, random float64) int64 {
	return int64(math.Floor(float64(d) * random))
}

// cleanRandom maps anything outside [0,1) (NaN included) into it.
func cleanRandom(r float64) float64 {
	if math.IsNaN(r) || r < 0 {
		return 0
	}
	if r >= 1 {
		return math.Nextafter(1, 0)
	}
	return r
}

func satMul(a, b int64) int64 {
	if a == 0 || b == 0 {
		return 0
	}
	if a > math.MaxInt64/b {
		return math.MaxInt64
	}
	return a * b
}

func satAdd(a, b int64) int64 {
	if b > 0 && a > math.MaxInt64-b {
		return math.MaxInt64
	}
	if b < 0 && a < math.MinInt64-b {
		return math.MinInt64
	}
	return a + b
}
