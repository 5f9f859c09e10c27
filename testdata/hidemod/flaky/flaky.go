// Package flaky holds code whose test fails on its first run only.
package flaky

// Backoff returns the delay before retry n, in seconds.
func Backoff(n int) int {
	if n <= 0 {
		return 1
	}
	return 1 << n
}
