// Package clock is a small package whose tests show testgate's findings.
package clock

import "time"

// Deadline returns when a job started at start and running for d ends.
func Deadline(start time.Time, d time.Duration) time.Time {
	return start.Add(d)
}
