package isolation

import (
	"os"
	"sync"
	"testing"
)

func TestResetToDeclaredZeroValue(t *testing.T) {
	lazyOnce = sync.Once{}
	lazyTable = nil
}

func TestResetOfAVariableThatStartsElsewhere(t *testing.T) {
	retries = 0 // want `sets package variable retries without restoring it`
}

func TestSetThenResetAtTheEnd(t *testing.T) {
	debug = true
	if !debug {
		t.Error("debug off")
	}
	debug = false
}

const defaultDebug = false

func TestSetThenResetToTheDefaultAtTheEnd(t *testing.T) {
	for _, on := range []bool{true, false} {
		debug = on
		if debug != on {
			t.Errorf("debug = %v, want %v", debug, on)
		}
	}
	t.Run("subtest may stop", func(t *testing.T) {
		t.Fatal("stops the subtest only")
	})
	debug = defaultDebug
}

func TestResetAtTheEndSkippedByFatal(t *testing.T) {
	debug = true // want `TestResetAtTheEndSkippedByFatal sets package variable debug and puts it back at its end, which t.Fatal on line \d+ skips when the test stops early; restore it with t.Cleanup`
	if !debug {
		t.Fatal("debug off")
	}
	debug = defaultDebug
}

func TestSavedValuePutBackSkippedByReturn(t *testing.T) {
	old := retries
	retries = 3 // want `TestSavedValuePutBackSkippedByReturn sets package variable retries and puts it back at its end, which the return on line \d+ skips when the test stops early; restore it with t.Cleanup`
	if retries != 3 {
		t.Error("retries not set")
		return
	}
	retries = old
}

func mustPositive(t *testing.T, n int) {
	t.Helper()
	if n <= 0 {
		t.Fatalf("n = %d, want > 0", n)
	}
}

func TestResetSkippedByAHelperThatStops(t *testing.T) {
	retries = 3 // want `TestResetSkippedByAHelperThatStops sets package variable retries and puts it back at its end, which mustPositive on line \d+ skips when the test stops early`
	mustPositive(t, retries)
	retries = 0
}

func TestSavedValuePutBackWithoutEarlyStop(t *testing.T) {
	old := retries
	retries = 3
	if retries != 3 {
		t.Error("retries not set")
	}
	retries = old
}

func TestSavedValuePutBackByDeferDespiteFatal(t *testing.T) {
	old := retries
	defer func() { retries = old }()
	retries = 3
	if retries != 3 {
		t.Fatal("retries not set")
	}
}

func TestSetTwiceToTheSameValue(t *testing.T) {
	debug = true // want `TestSetTwiceToTheSameValue sets package variable debug without restoring it`
	debug = true
}

func TestOneReportPerVariable(t *testing.T) {
	retries = 1 // want `TestOneReportPerVariable sets package variable retries without restoring it`
	retries = 2
	retries++
}

func TestChildProcessBranch(t *testing.T) {
	if os.Getenv("GO_WANT_HELPER_PROCESS") == "1" {
		debug = true
		os.Exit(0)
	}
}

func TestTupleAssignmentToASink(t *testing.T) {
	sink, _ = parseFlag()
}

func BenchmarkReadsTheTestsVariable(b *testing.B) {
	for b.Loop() {
		_ = benchShared
	}
}

var benchShared int

func TestOwnsBenchShared(t *testing.T) {
	benchShared = 7
}

func TestLastWriteInABranchIsNoReset(t *testing.T) {
	debug = true // want `TestLastWriteInABranchIsNoReset sets package variable debug without restoring it`
	if len(os.Args) > 1 {
		debug = false
	}
}

func TestConstantsInSeparateClosuresAreNoReset(t *testing.T) {
	for _, f := range []func(){
		func() { retries = 5 }, // want `TestConstantsInSeparateClosuresAreNoReset sets package variable retries without restoring it`
		func() { retries = 0 },
	} {
		f()
	}
}

// memSink is written by a function without a testing parameter and by
// two tests, never read.
var memSink any

func allocate() { memSink = make([]byte, 1<<10) }

func TestSinkWrittenByAHelperToo(t *testing.T) { allocate(); memSink = new(int) }

func TestSinkAgain(t *testing.T) { memSink = new(int) }
