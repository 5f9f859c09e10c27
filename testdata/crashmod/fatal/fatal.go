// Package fatal has a test that ends its test binary with log.Fatal.
package fatal

func Half(n int) int { return n / 2 }
