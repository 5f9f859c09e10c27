// Package greet is a sample for testgate lint's output formats.
package greet

// Greet greets name.
func Greet(name string) string {
	return "hello, " + name
}
