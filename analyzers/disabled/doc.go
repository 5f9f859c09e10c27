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
// Ginkgo specs (github.com/onsi/ginkgo, v1 or v2, and forks whose path
// ends in /ginkgo, such as github.com/bsm/ginkgo/v2) by the same rules:
// ginkgo's Skip as an unconditional statement of the body of It, Specify,
// BeforeEach, JustBeforeEach, BeforeAll, BeforeSuite (which skip every
// spec they run before) or DescribeTable, with a vague reason and no issue
// link in the reason, in a comment of the body before the Skip, or in the
// comment above the node when that comment also says the spec is off.
//
//	It("should BgSave", func() {
//		Skip("flaky test") // reported
//
// And ginkgo's pending nodes, which ginkgo never runs and counts only in
// its summary (its documentation says they should not be committed):
// PIt, XIt, PSpecify, XSpecify, PDescribe, XDescribe, PContext, XContext,
// PWhen, XWhen, PDescribeTable, XDescribeTable and their Subtree forms,
// and any of these nodes given the Pending decorator, when they have a
// body of statements and are declared in place (a statement of a
// container's body or a package variable's value), and PEntry, XEntry or
// Entry(..., Pending) among a table's entries. A pending node has no
// reason of its own, so it is left alone only when a comment links the
// issue that tracks it: on its line or before its first statement, or
// above it when that comment also says it is off. A node under a pending
// container is covered by the container's report.
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
// service, testenv helpers, a server version), skips whose reason is
// computed, helpers that skip on behalf of their callers, tests with a tag
// that a build may set (integration, e2e), benchmarks, fuzz targets and
// examples, and the tests of package testing itself, which skip to test
// t.Skip. In ginkgo: a Skip in AfterEach (the spec has run) or in a
// container's body (ginkgo fails the suite's construction instead),
// pending specs with no body or an empty one (placeholders for specs not
// yet written: It("retries", Pending)), pending nodes declared under a
// condition (if runtime.GOOS == "windows" { PIt(...) }), focused nodes
// (FIt), and functions of the same names in packages other than ginkgo.
//
// A test that must stay off without an issue can say so explicitly:
//
//	//testgate:ignore disabled kept as the specification of the v1 protocol
package disabled
