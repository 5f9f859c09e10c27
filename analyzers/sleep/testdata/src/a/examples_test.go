package a

import (
	"testing"
	"time"
)

// Examples is a helper, not an example: the letter after the prefix is
// lower-case, so go test runs it only through the test that calls it.
func Examples() {
	time.Sleep(time.Second) // want `time.Sleep in test waits on wall-clock time`
}

func TestRunsTheExamplesHelper(t *testing.T) {
	Examples()
}
