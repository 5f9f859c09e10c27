// Package sleep defines an Analyzer that reports tests which wait on
// wall-clock time.
//
// # Analyzer sleep
//
// sleep: report tests that wait for something by sleeping
//
// A test that sleeps to let a goroutine, a server or a timer "get there"
// bets that the machine is fast enough: on a loaded CI runner the bet
// fails and the test flakes, and on a fast one the sleep only wastes time.
// The analyzer reports these waits when the test's own goroutine executes
// them in a _test.go file:
//
//	time.Sleep(d)
//	<-time.After(d)
//	<-time.Tick(d)
//	<-time.NewTimer(d).C
//
// Instead, synchronize on the event itself (a channel, a sync.WaitGroup),
// poll the condition in a loop bounded by a deadline, or run the test in a
// testing/synctest bubble, where time is fake and synctest.Wait waits until
// every goroutine of the bubble is blocked. The message mentions
// testing/synctest only when the file's Go version is at least 1.25.
//
// A wait counts as the test's when it is in a Test or Fuzz function,
// TestMain, a suite's Test method, a t.Run body, a function literal the
// test calls, the body of a ginkgo spec node (It, BeforeEach, Describe,
// By, ...), or a helper that only tests and testing helpers call (a helper
// taking *testing.T or testing.TB may also be handed to t.Run or a test
// runner, or listed in a test's table).
//
// The analyzer stays silent where sleeping is the point or time is not
// real:
//
//   - inside a synctest.Test bubble, including functions and literals
//     handed to a helper that runs them in one;
//   - constant durations of a microsecond or less: zero or negative ones
//     do not wait, and the others only yield to other goroutines, as
//     runtime.Gosched does;
//   - a pause between two timestamps its block takes (start :=
//     time.Now() before it, a reading of a clock after it): the test
//     measures the interval, or checks that a recorded time excludes it;
//   - the poll interval of a loop that re-checks a condition: a loop whose
//     condition is not a plain counter bound, whose body leaves it under a
//     condition (break, return, goto), or that never ends; the pause in a
//     branch that goes on to continue its loop (a retry's backoff); and a
//     pause in a loop that ends by leaving and repeats only through a
//     continue (an attempt retried);
//   - a pause that sets how long a workload runs: goroutines the test
//     started keep working in a loop until a stop signal (a closed
//     channel, a flag, a cancelled context, or the Stop or Close of the
//     object whose method the goroutine runs), and the test sends that
//     signal right after the pause, after any further pauses;
//   - a pause that ends a loop's round, alone or under an if, after the
//     round started a goroutine: it staggers the goroutines' starts, and
//     what they do is awaited after the loop, if at all;
//   - a pause that lets time pass for a check the code under test makes
//     synchronously: the first statement after it that calls anything
//     calls a function of the package under test (not a test helper) that
//     reads the clock itself or in a function it calls, as an expiry, a
//     lifetime or a reset timeout is checked;
//   - HTTP handlers and test doubles that simulate a slow peer: methods of
//     types declared in test files, and function literals stored in
//     fields, globals or tables, or handed to code other than the testing
//     package and ginkgo (a literal taking *testing.T in a test's table is
//     a test case, not a hook);
//   - goroutines that stage a delayed event (including helpers also
//     started with go), deferred calls, t.Cleanup functions and ginkgo's
//     DeferCleanup;
//   - a wait right before a test function returns, such as a helper
//     process idling until its parent kills it;
//   - benchmarks (functions taking *testing.B, whose sleeps are usually
//     the latency being measured), examples, and package time's own tests,
//     whose subject is waiting;
//   - a select case, and time.Sleep used as a value (sleepFn = time.Sleep).
//
// There is no suggested fix: the cure depends on what the test waits for,
// which only its author knows. A sleep that must stay can be marked with
//
//	//testgate:ignore sleep the reason it must stay
package sleep
