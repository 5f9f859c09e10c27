// Package flaky has a function whose test fails on purpose.
package flaky

// Double returns twice n.
func Double(n int) int { return n + n }
