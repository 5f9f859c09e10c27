//go:build unix

package testrun

import (
	"os/exec"
	"syscall"
	"time"
)

// interruptGroup runs cmd in a process group of its own and makes
// cancelling its context interrupt the whole group: the go command does
// not pass a signal on to the test binaries it started, which would run
// on, orphaned. SIGINT, whatever stopped the caller, because go test
// handles it: it stops and removes its work directory.
func interruptGroup(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error {
		return syscall.Kill(-cmd.Process.Pid, syscall.SIGINT)
	}
	// A test binary that ignores the signal gets killed after this long.
	cmd.WaitDelay = 10 * time.Second
}
