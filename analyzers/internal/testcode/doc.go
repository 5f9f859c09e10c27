// Package testcode holds what every testgate analyzer needs to know about
// test code, so that each analyzer keeps only its own rule: which files are
// test files, which functions are tests and their *testing.T, what encloses
// a node (a synctest bubble, a goroutine, an HTTP handler, a defer or
// t.Cleanup), the Go version in force, the analyzers' documentation, and the
// //testgate:ignore suppression directive.
package testcode
