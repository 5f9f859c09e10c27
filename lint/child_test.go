package lint

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"
)

const childHelperEnv = "TESTGATE_LINT_CHILD_HELPER"

// TestRunRedactedChildHelper is the child process of the RunRedacted
// tests, not a test of its own: it runs only when they start it.
func TestRunRedactedChildHelper(t *testing.T) {
	if os.Getenv(childHelperEnv) == "" {
		t.Skip("runs only as the child of the RunRedacted tests")
	}
	fmt.Fprintln(os.Stdout, "out line")
	fmt.Fprintln(os.Stderr, "err line, child:", InMulticheckerChild())
	os.Exit(3)
}

func TestRunRedactedPassesOutputEnvAndExitStatusThrough(t *testing.T) {
	var stdout, stderr bytes.Buffer
	code, err := RunRedacted([]string{"-test.run=^TestRunRedactedChildHelper$"}, []string{childHelperEnv + "=1", MulticheckerEnv + "=1"}, &stdout, &stderr)
	if err != nil {
		t.Fatalf("RunRedacted: %v", err)
	}
	if code != 3 {
		t.Errorf("exit status %d, want the child's 3", code)
	}
	if !strings.Contains(stdout.String(), "out line") {
		t.Errorf("stdout %q lacks the child's line", stdout.String())
	}
	if !strings.Contains(stderr.String(), "err line, child: true") {
		t.Errorf("stderr %q lacks the child's line with its environment", stderr.String())
	}
}

func TestInMulticheckerChildIsFalseInTheParent(t *testing.T) {
	t.Setenv(MulticheckerEnv, "")
	if InMulticheckerChild() {
		t.Error("InMulticheckerChild() = true without " + MulticheckerEnv)
	}
}
