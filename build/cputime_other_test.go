//go:build !unix

package build

import "time"

var processStart = time.Now()

// cpuTime is, where the process's CPU time is not at hand, the time since
// the tests started.
func cpuTime() time.Duration { return time.Since(processStart) }
