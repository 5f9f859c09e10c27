// Package hang has a test that blocks until go test -timeout ends it.
package hang

func Triple(n int) int { return 3 * n }
