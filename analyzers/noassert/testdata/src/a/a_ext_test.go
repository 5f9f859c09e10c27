package a_test

import (
	"testing"

	"a"
)

// The external test package relies on facts about the helpers of a's own
// test files.

func TestExternalLogsOnly(t *testing.T) { // want `TestExternalLogsOnly never reports a failure`
	a.LogState(t)
}

func TestExternalChecks(t *testing.T) {
	a.CheckState(t)
}
