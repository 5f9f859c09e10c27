// Package clock is the sample scripts/golangci-e2e.sh lints with the
// testgate golangci-lint plugin.
package clock

import "time"

// Deadline returns start plus d.
func Deadline(start time.Time, d time.Duration) time.Time {
	return start.Add(d)
}
