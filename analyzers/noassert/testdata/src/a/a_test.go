package a

import (
	"fmt"
	"log"
	"os"
	"sync"
	"testing"
	"testing/synctest"
)

func TestOnlyLogs(t *testing.T) { // want `TestOnlyLogs never reports a failure: nothing in it calls t.Error/t.Fatal or passes t to a helper that can; check the results it computes`
	t.Logf("1+2 = %d", Add(1, 2))
}

func TestChecksSum(t *testing.T) {
	if got := Add(1, 2); got != 3 {
		t.Errorf("Add(1, 2) = %d, want 3", got)
	}
}

func TestDiscardsResult(t *testing.T) { // want `TestDiscardsResult never reports a failure`
	Parse("12")
	_, _ = Parse("x")
}

func TestChecksError(t *testing.T) {
	if _, err := Parse(""); err == nil {
		t.Fatal("Parse(\"\") succeeded, want an error")
	}
}

func TestStartsGoroutineAndReturns(t *testing.T) { // want `TestStartsGoroutineAndReturns never reports a failure`
	go func() {
		Add(1, 2)
	}()
}

func TestGoroutineReportsThroughT(t *testing.T) {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		if Add(1, 2) != 3 {
			t.Error("wrong sum")
		}
	}()
	wg.Wait()
}

func TestEmpty(t *testing.T) {} // want `TestEmpty is empty and passes without checking anything; write the test or mark it as a placeholder with t.Skip\("reason"\)`

func TestSkipPlaceholder(t *testing.T) {
	t.Skip("TODO: cover negative numbers")
}

func TestSwitchedOff(t *testing.T) {
	t.Skipf("flaky on slow machines, see issue %d", 1234)
	Parse("1")
}

func TestSkipsSometimesThenOnlyRuns(t *testing.T) { // want `TestSkipsSometimesThenOnlyRuns never reports a failure`
	if testing.Short() {
		t.Skip("slow")
	}
	Parse("123456")
}

func TestLogsThroughHelperInOtherFile(t *testing.T) { // want `TestLogsThroughHelperInOtherFile never reports a failure`
	logState(t, fmt.Sprint(Add(2, 2)))
}

func TestChecksThroughHelperInOtherFile(t *testing.T) {
	checkSum(t, Add(2, 2), 4)
}

func TestSubtestsNeverFail(t *testing.T) { // want `TestSubtestsNeverFail never reports a failure`
	for _, in := range []string{"1", "2"} {
		t.Run(in, func(t *testing.T) {
			t.Parallel()
			_, _ = Parse(in)
		})
	}
}

func TestSubtestFails(t *testing.T) {
	t.Run("one", func(t *testing.T) {
		if n, _ := Parse("1"); n != 1 {
			t.Fatalf("Parse(\"1\") = %v", n)
		}
	})
}

func TestNamedSubtestOnlyLogs(t *testing.T) { // want `TestNamedSubtestOnlyLogs never reports a failure`
	t.Run("log", logSubtest)
}

func TestNamedSubtestChecks(t *testing.T) {
	t.Run("check", TestChecksSum)
}

func TestTBAliasOnlyLogs(t *testing.T) { // want `TestTBAliasOnlyLogs never reports a failure`
	var tb testing.TB = t
	tb.Log(Add(1, 1))
}

func TestConvertedToTBAndChecked(t *testing.T) {
	checkTB(testing.TB(t), mustParse("1"))
}

func TestCleanupOnlyLogs(t *testing.T) { // want `TestCleanupOnlyLogs never reports a failure`
	dir := t.TempDir()
	t.Cleanup(func() { t.Logf("removing %s", dir) })
	Parse(dir)
}

func TestDeferredCheck(t *testing.T) {
	n := 0
	defer func() {
		if n != 2 {
			t.Errorf("n = %d, want 2", n)
		}
	}()
	n = Add(1, 1)
}

func TestMustHelperPanics(t *testing.T) {
	mustParse("42")
}

func TestPanicsOnError(t *testing.T) {
	if _, err := Parse("7"); err != nil {
		panic(err)
	}
}

func TestLogFatalOnError(t *testing.T) {
	if _, err := Parse("7"); err != nil {
		log.Fatalf("parse: %v", err)
	}
}

func TestClosureChecks(t *testing.T) {
	check := func(got, want int) {
		if got != want {
			t.Errorf("got %d, want %d", got, want)
		}
	}
	check(Add(1, 1), 2)
}

func TestWrapperStruct(t *testing.T) {
	h := &harness{TB: t}
	h.add(2)
	h.expect(2)
}

func TestTableOfCheckFuncs(t *testing.T) {
	tests := []struct {
		in    string
		check func(*testing.T, Num)
	}{
		{"1", func(t *testing.T, n Num) { checkTB(t, n) }},
	}
	for _, tc := range tests {
		n, _ := Parse(tc.in)
		tc.check(t, n)
	}
}

var subtests = map[string]func(*testing.T){
	"sum": TestChecksSum,
}

func TestRunsTableFuncs(t *testing.T) {
	for name, f := range subtests {
		t.Run(name, f)
	}
}

var current *testing.T

func TestStoresTInGlobal(t *testing.T) {
	current = t
	Add(1, 2)
}

func TestSendsT(t *testing.T) {
	ch := make(chan testing.TB, 1)
	ch <- t
	checkTB(<-ch, 1)
}

func TestSynctestBubble(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		Add(1, 1)
	})
}

func TestParseDoesNotPanic(t *testing.T) {
	Parse("99999999999999999999999")
}

func TestNoPanicOnEmptyInput(t *testing.T) {
	Parse("")
}

func TestDecode_never_crashes(t *testing.T) {
	Parse("-")
}

// This sequence used to panic with an index out of range.
func TestParseSignOnly(t *testing.T) {
	Parse("+")
}

func TestAddConcurrently(t *testing.T) {
	// Run with -race: Add must not touch shared state.
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() { Add(1, 2) })
	}
	wg.Wait()
}

func TestParseRace(t *testing.T) {
	go Parse("1")
	Parse("2")
}

func TestParseCrash(t *testing.T) {
	Parse("\x00")
}

func TestParsePanics(t *testing.T) { // want `TestParsePanics never reports a failure`
	defer func() { recover() }()
	Parse("")
}

// Tracing embraces the parser; nothing here is about braces.
func TestTraceEmbrace(t *testing.T) { // want `TestTraceEmbrace never reports a failure`
	Parse("1")
}

// TestHelperProcess is run as a subprocess by other tests, which check
// its output.
func TestHelperProcess(t *testing.T) {
	if os.Getenv("GO_WANT_HELPER_PROCESS") != "1" {
		return
	}
	fmt.Println(Add(1, 2))
}

func TestReturnsEarlyInShortMode(t *testing.T) { // want `TestReturnsEarlyInShortMode never reports a failure`
	if testing.Short() {
		return
	}
	fmt.Println(Add(1, 2))
}

func TestNumIsStringer(t *testing.T) {
	var _ fmt.Stringer = Num(0)
	var _ fmt.Stringer = (*Num)(nil)
}

func TestNumImplementsInterfacesInSubtests(t *testing.T) {
	t.Run("value", func(t *testing.T) {
		var _ fmt.Stringer = Num(0)
	})
	t.Run("pointer", func(t *testing.T) {
		var _ fmt.Stringer = (*Num)(nil)
	})
}

func TestSubtestCompileTimeCheckThenCall(t *testing.T) {
	t.Run("value", func(t *testing.T) {
		var _ fmt.Stringer = Num(0)
		fmt.Println(Num(1).String())
	})
}

func TestUntypedBlankIsNoAssertion(t *testing.T) { // want `TestUntypedBlankIsNoAssertion never reports a failure`
	t.Run("value", func(t *testing.T) {
		var _ = Num(0)
		fmt.Println(Num(1).String())
	})
}

func TestCompileTimeCheckThenCall(t *testing.T) {
	var _ fmt.Stringer = Num(0)
	_ = Num(1).String()
}

func TestIgnoredWithReason(t *testing.T) { //testgate:ignore noassert exercised under -race only
	go Add(1, 2)
}

/* want "//testgate:ignore noassert has no reason" */ //testgate:ignore noassert
func TestIgnoredWithoutReason(t *testing.T) {         // want `TestIgnoredWithoutReason never reports a failure`
	Add(1, 2)
}

func TestMain(m *testing.M) {
	m.Run()
}

func BenchmarkAdd(b *testing.B) { // want BenchmarkAdd:"neverFails"
	for b.Loop() {
		Add(1, 2)
	}
}

func FuzzParse(f *testing.F) {
	f.Add("1")
	f.Fuzz(func(t *testing.T, s string) {
		Parse(s)
	})
}

func ExampleAdd() {
	fmt.Println(Add(1, 2))
	// Output: 3
}

func helperLooksLikeTest(t *testing.T) { // want helperLooksLikeTest:"neverFails"
	Add(1, 2)
}

func TestAddIsConcurrencySafe(t *testing.T) {
	for i := 0; i < 4; i++ {
		go Add(i, i)
	}
}

func TestTickerTicks(t *testing.T) {
	ch := make(chan int, 3)
	for i := range 3 {
		ch <- Add(i, 1)
	}
	close(ch)
	for range ch {
	}
}

func TestWaitsOnlyInAGoroutine(t *testing.T) { // want `TestWaitsOnlyInAGoroutine never reports a failure`
	ch := make(chan int)
	go func() { <-ch }()
	Add(1, 2)
}
