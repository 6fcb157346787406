//go:build !(linux || darwin || freebsd || netbsd || openbsd)

package citat

import "time"

// cpuClock falls back to the wall clock where getrusage is missing.
func cpuClock() time.Duration { return wallClock() }
