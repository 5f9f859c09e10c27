// Package noassert defines an Analyzer that reports tests which can never
// fail.
//
// # Analyzer noassert
//
// noassert: report tests that can never fail
//
// A test passes unless something reports a failure. A Test function that
// only logs, only calls the code and discards the result, or starts
// goroutines and returns, is green whatever the code does: it covers lines
// without checking them. The analyzer reports a TestXxx(t *testing.T)
// when nothing in it, its subtests, closures and deferred calls included,
// can fail it:
//
//   - no t.Error, t.Errorf, t.Fatal, t.Fatalf, t.Fail or t.FailNow, on t
//     or on any other testing value (t.Skip is not a failure);
//   - t, and anything holding it, never reaches code that might fail it:
//     a helper, testify's assert.Equal(t, ...), gomock.NewController(t),
//     gomega's NewWithT(t), synctest.Test(t, ...), a struct literal such
//     as DBTest{T: t}, a function value, a channel, a global;
//   - no panic, os.Exit or log.Fatal/log.Panic, in the test or in a
//     function of the test files that it calls (a mustParse helper that
//     panics asserts as much as t.Fatal does).
//
// Whether a helper can fail the test it is given is decided from its body,
// in any package: the analyzer exports a neverFails fact for each function
// that takes a testing value (*testing.T, B or F, testing.TB, or an
// interface made of testing.TB's methods such as testify's TestingT) and
// provably cannot fail through it. A helper that fails only through another
// function of its package is found by a fixpoint over the package's calls.
// Everything not proven harmless counts as a check: functions without a
// body, interface methods, function values, and t stored anywhere. The
// analyzer therefore misses some tests that cannot fail, but does not
// report one that can.
//
// Not reported:
//
//   - a test whose first statement is an unconditional t.Skip, t.Skipf or
//     t.SkipNow: a placeholder, or a test switched off on purpose;
//   - a test whose name or comments say that what it checks is the absence
//     of a panic, crash, hang or data race (TestParseDoesNotPanic,
//     TestFileSetRace, "// This sequence used to panic"): the test binary,
//     its timeout or the race detector reports those by itself. A name
//     must say so with a negation (NoPanic, DoesNotPanic, NeverCrashes) or
//     a word such as Race, Crash, Hang, Deadlock, Concurrent or Safe (a
//     test for the race detector); a comment anywhere in
//     the test or its doc comment may use any of those words;
//   - a test that waits on a channel itself (<-done, for range ticker.C):
//     if what it waits for never comes, its timeout fails it;
//   - a helper process: a test that starts by returning unless an
//     environment variable is set, run by another test that checks its
//     output or exit status;
//   - a test made only of compile-time assertions, such as
//     var _ io.Reader = (*T)(nil), with no call other than conversions,
//     at top level or in t.Run subtests that hold nothing else, and a
//     test with a typed one anywhere (var _ CompletionFunc = userComp in
//     a subtest): the compiler checks it, which is what the test is for;
//   - benchmarks, fuzz targets, examples, TestMain, and generated files.
//
// An empty test is reported, with its own message: it shows as PASS,
// where a t.Skip("reason") placeholder shows as SKIP and says why.
//
// A test that cannot fail on purpose, such as a fixture that another test
// runs and checks the output of, can be marked with
//
//	//testgate:ignore noassert run by TestAttrSet, which checks its output
package noassert
