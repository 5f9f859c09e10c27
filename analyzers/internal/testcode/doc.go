// Package testcode holds what every testgate analyzer needs to know about
// test code, so that each analyzer keeps only its own rule and no two
// analyzers answer the same question two ways: which files are test
// files; what kind of function go test sees in a declaration (KindOf: a
// test, benchmark, fuzz target, example or TestMain, by go test's own
// rules) and its testing parameter; whether a test runs in parallel at a
// point (Tests); what encloses a node (a synctest bubble, a goroutine, an
// HTTP handler, a defer or t.Cleanup); whether a package imports a path;
// what an identifier refers to and which constant string an expression
// is; how the package's variables are written (Writes); the spread of a
// property over a package's callers (Propagate); the Go version in force;
// which of ginkgo's names an expression refers to (GinkgoName); the
// analyzers' documentation; and, in WithIgnores, the skipping of
// generated files and the //testgate:ignore and //testgate:file-ignore
// suppression directives.
package testcode
