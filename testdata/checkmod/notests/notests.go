// Package notests has no tests.
package notests

// Hello greets.
func Hello() string { return "hello" }
