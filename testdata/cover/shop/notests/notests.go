// Package notests has no tests: since Go 1.22 it shows in profiles at 0%.
package notests

// Double doubles n.
func Double(n int) int { return 2 * n }
