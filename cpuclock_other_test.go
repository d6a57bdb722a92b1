//go:build !linux

package xpreflight

import "time"

// processCPU is not measured off Linux; the benchmark then reports wall
// time only.
func processCPU() time.Duration { return 0 }
