// Package isolation defines an Analyzer that reports tests that leak state
// into other tests.
//
// # Analyzer isolation
//
// isolation: report tests that leak package state or misuse t.Parallel
//
// Tests in a package share one process. A test that changes a package-level
// variable and leaves it changed makes the tests after it depend on the
// order they run in; a parallel test that changes one races with every
// other parallel test. The analyzer reports, in _test.go files:
//
//   - A test, or a helper that takes a *testing.T, B, F or testing.TB
//     (subtests and closures included), that assigns a package-level
//     variable of its own package or another (clock.Now = fake,
//     http.DefaultClient = c), a field of one (config.Default.Timeout = 0)
//     or what one points to (*update = true), without restoring it:
//
//     TestX sets package variable clock.Now without restoring it; save it and restore it with t.Cleanup
//
//   - A test that calls t.Parallel and also t.Setenv or t.Chdir on the same
//     test, or in a subtest started after its parent called t.Parallel, or
//     through a helper (of any package) that calls them on the test it is
//     given. The testing package panics on these calls.
//
//   - A parallel test (or a subtest of one) that assigns a package-level
//     variable, even one it restores: the other parallel tests run while
//     it is changed.
//
// A write counts as restored when the same test (or its parent test) also
// writes the variable, or a value that contains it, in a deferred function
// or a function passed to t.Cleanup, or puts back a saved value
// (old := clock.Now ... clock.Now = old), or defers or registers with
// t.Cleanup a function of the package that writes it, or, in the last
// write, a statement of the function that set it, puts back a constant
// (Enable = true ... Enable = defaultEnable). A restore in the test's own
// flow counts only when nothing between the write and the restore can
// stop the test early (t.Fatal, t.FailNow, t.Skip and their variants,
// testify's require, a helper of the package that calls one, a return):
// otherwise the report says which stop
// skips it and suggests t.Cleanup. A panic ends the test binary, so it
// skips nothing that matters. A helper's write also counts as restored
// when every test of the package that calls the helper restores the
// variable.
//
// Not reported:
//   - Writes in TestMain, init and functions without a testing parameter,
//     such as a helper that swaps a hook and returns the function that
//     puts it back, or swap(t, &clock.Now, fake), which takes the address
//     and with it the responsibility.
//   - Writes to package-level variables declared in a _test.go file that
//     belong to one test: no other function with a testing parameter
//     mentions them, or tests only ever assign them (a benchmark's sink).
//     Resetting such a variable to its zero value (calls = nil) is not a
//     leak either.
//   - Benchmarks, which run after the tests and commonly write
//     package-level sinks.
//   - Elements of package-level maps and slices, and changes made through
//     method calls (flag.Set, log.SetOutput, atomic stores), which the
//     analyzer does not follow.
package isolation
