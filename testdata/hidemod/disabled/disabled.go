// Package disabled holds code whose tests are switched off.
package disabled

// Double returns twice n.
func Double(n int) int { return 2 * n }
