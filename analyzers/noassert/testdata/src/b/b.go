// Package b is code under test whose tests use helpers from other
// packages.
package b

// Double doubles.
func Double(n int) int { return 2 * n }
