package lint

import (
	"bytes"
	"errors"
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

func TestApplyFixesPutsFixFirstAndReturnsTheChildsStatus(t *testing.T) {
	// The test binary knows no -fix: its flag error shows that -fix went
	// first, ahead of the other arguments, and its status 2 comes back.
	var stdout, stderr bytes.Buffer
	code, err := ApplyFixes([]string{"-test.run=^$"}, &stdout, &stderr)
	if err != nil {
		t.Fatalf("ApplyFixes: %v", err)
	}
	if code != 2 || !strings.Contains(stderr.String(), "-fix") {
		t.Errorf("status %d, stderr %q; want 2 and a complaint about -fix", code, stderr.String())
	}
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestRunRedactedReportsOutputItCouldNotCopy(t *testing.T) {
	_, err := RunRedacted([]string{"-test.run=^TestRunRedactedChildHelper$"}, []string{childHelperEnv + "=1"}, failingWriter{}, &bytes.Buffer{})
	if err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Errorf("RunRedacted into a failing writer: %v, want its error", err)
	}
}

func TestRunMulticheckerRunsThisBinaryMarkedAsTheChild(t *testing.T) {
	if InMulticheckerChild() {
		t.Skip("already the child: one generation is enough")
	}
	// The test binary stops reading flags at "lint" and runs this
	// package's tests, marked as the child: they pass, so it exits 0.
	var stdout, stderr bytes.Buffer
	code, err := RunMultichecker(nil, &stdout, &stderr)
	if err != nil {
		t.Fatalf("RunMultichecker: %v", err)
	}
	if code != 0 || !strings.Contains(stdout.String(), "PASS") {
		t.Errorf("status %d, stdout %q, stderr %q; want 0 and PASS", code, stdout.String(), stderr.String())
	}
}
