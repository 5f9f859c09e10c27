// Package broken holds code whose test always fails.
package broken

// Sum adds a and b, wrongly.
func Sum(a, b int) int { return a - b }
