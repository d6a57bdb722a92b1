package xpreflight

import (
	"syscall"
	"time"
)

// processCPU is the CPU time the whole process has used (every thread: the
// client, the loopback server's handlers and the garbage collector).
func processCPU() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
