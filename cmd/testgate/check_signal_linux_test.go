package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestCheckStoppedBySIGTERMStopsGoTestAndCleansUp(t *testing.T) {
	tmp := t.TempDir()
	// The hanging test's binary carries this unusual timeout in its
	// arguments, which finds it among the machine's processes.
	const timeout = "1h2m4s"
	cmd := exec.Command(testgateBinary, "check", "-timeout="+timeout, "-run=TestWorkerAnswers", "./hang")
	cmd.Dir = crashModule
	cmd.Env = append(os.Environ(), "TMPDIR="+tmp)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(2 * time.Minute)
	// Poll until the test binary runs, as a user would wait for it.
	for processWithArg("-test.timeout="+timeout) == "" {
		if time.Now().After(deadline) {
			_ = cmd.Process.Kill()
			t.Fatal("the test binary never started")
		}
		time.Sleep(20 * time.Millisecond)
	}
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	err := cmd.Wait()
	if code := cmd.ProcessState.ExitCode(); code != 128+int(syscall.SIGTERM) || !strings.Contains(stderr.String(), "stopped by signal: terminated") {
		t.Errorf("check after SIGTERM = exit %d (%v), stderr %q; want 143 saying it was stopped", code, err, stderr.String())
	}
	// The test binary may take a moment to exit after the signal.
	for processWithArg("-test.timeout="+timeout) != "" {
		if time.Now().After(deadline) {
			pid := processWithArg("-test.timeout=" + timeout)
			n, _ := strconv.Atoi(pid)
			_ = syscall.Kill(n, syscall.SIGKILL)
			t.Fatalf("test binary (pid %s) still running after check was stopped", pid)
		}
		time.Sleep(20 * time.Millisecond)
	}
	if left, _ := filepath.Glob(filepath.Join(tmp, "*")); len(left) > 0 {
		t.Errorf("temporary files left behind: %q", left)
	}
}

// processWithArg returns the id of a process that has arg among its
// arguments, or "".
func processWithArg(arg string) string {
	cmdlines, _ := filepath.Glob("/proc/[0-9]*/cmdline")
	for _, name := range cmdlines {
		data, err := os.ReadFile(name)
		if err == nil && strings.Contains(string(data), "\x00"+arg+"\x00") {
			return filepath.Base(filepath.Dir(name))
		}
	}
	return ""
}
