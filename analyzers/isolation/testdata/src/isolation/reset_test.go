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
