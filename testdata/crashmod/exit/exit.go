// Package exit has a test that ends its test binary with os.Exit.
package exit

func Twice(n int) int { return 2 * n }
