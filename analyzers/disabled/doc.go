// Package disabled defines an Analyzer that reports tests switched off with
// no way back.
//
// # Analyzer disabled
//
// disabled: report tests switched off with no reason or issue to bring them back
//
// A test that no longer runs protects nothing, and nobody notices: go test
// stays green, the count of tests barely moves. A test skipped with "flaky"
// or commented out "for now" is rarely switched back on unless something
// says why it is off and what would bring it back. The analyzer reports, in
// _test.go files:
//
// Tests and subtests (a function literal passed to t.Run) that call
// t.Skip, t.Skipf or t.SkipNow unconditionally (a statement of the test's
// body itself, not inside an if, switch or loop, with nothing before it
// that can end the test), when the reason is empty or says only that the
// test is off or unreliable: "TODO", "flaky", "broken", "fix later",
// "temporarily disabled", "not implemented", "fails on CI" and the like,
// made only of such words. A reason that links an issue (#123, a URL,
// "issue 123", golang.org/issue/123, a tracker key such as PROJ-123) or
// says anything more specific is left alone, and so is a link in a
// comment between the test's doc comment and the skip.
//
//	func TestUpload(t *testing.T) {
//		t.Skip("flaky") // reported
//
// Test functions commented out: a line comment "// func TestXxx(t
// *testing.T) {" (or the same line in a /* */ block) followed by comment
// lines of its body. The message gives the commented block's lines. Code
// in documentation, indented by a tab after the //, is not a commented-out
// test.
//
// Tests renamed out of go test's sight that nothing in the package calls
// or refers to: a func(t *testing.T) named _TestXxx, testXxx, xTestXxx,
// DisabledTestXxx, or Testxxx (a lower-case letter after Test, which go
// test ignores).
//
// _test.go files holding tests that a build constraint keeps out of every
// build: //go:build ignore, or another tag that by convention no build
// sets (never, disabled, off, skip, none, exclude, broken), alone or in a
// constraint that no choice of other tags satisfies. The analyzer sees
// these files only when the driver lists a package's ignored files
// (testgate lint, testgate check and go vet do; golangci-lint does not).
//
// Deliberately not reported: skips behind a condition (an environment
// variable, a flag, testing.Short(), GOOS or GOARCH, a missing tool or
// service, testenv helpers), skips whose reason is computed, helpers that
// skip on behalf of their callers, tests with a tag that a build may set
// (integration, e2e), benchmarks, fuzz targets and examples, and the tests
// of package testing itself, which skip to test t.Skip.
//
// A test that must stay off without an issue can say so explicitly:
//
//	//testgate:ignore disabled kept as the specification of the v1 protocol
package disabled
