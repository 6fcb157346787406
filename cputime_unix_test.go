//go:build linux || darwin || freebsd || netbsd || openbsd

package citat

import (
	"syscall"
	"time"
)

// cpuClock returns the CPU time the process has used so far. The linearity
// tests measure with it rather than with the wall clock, so that other
// processes competing for the machine's cores do not make a measurement
// look slow.
func cpuClock() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return wallClock()
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
