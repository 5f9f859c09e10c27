package lint

import (
	"errors"
	"io"
	"os"
	"os/exec"
	"sync"

	"github.com/testgate/testgate/analyzers"
)

// MulticheckerEnv marks a child process that testgate lint starts to run
// the multichecker itself.
const MulticheckerEnv = "TESTGATE_LINT_MULTICHECKER"

// InMulticheckerChild reports whether this process is such a child.
func InMulticheckerChild() bool { return os.Getenv(MulticheckerEnv) != "" }

// RunMultichecker runs testgate lint with args in a child process marked
// by MulticheckerEnv, whose output RunRedacted filters, and returns its
// exit status.
func RunMultichecker(args []string, stdout, stderr io.Writer) (int, error) {
	return RunRedacted(append([]string{"lint"}, args...), []string{MulticheckerEnv + "=1"}, stdout, stderr)
}

// ApplyFixes runs this binary as the multichecker with -fix and args, and
// returns its exit status. The multichecker applies the fixes and exits 0
// whatever is left; the exit table wants 3 while reports remain, so the
// caller fixes in a child process, then reports what is left.
func ApplyFixes(args []string, stdout, stderr io.Writer) (int, error) {
	// -fix first: a first argument that is a flag makes the multichecker run.
	return RunRedacted(append([]string{"-fix"}, args...), nil, stdout, stderr)
}

// RunRedacted runs this binary with args, and env added to the
// environment, as a child process whose output it copies through
// analyzers.CopyRedacted, and returns the child's exit status. The
// multichecker prints source lines (-c context, -diff) to os.Stdout and
// os.Stderr itself and then exits, so only another process's output can be
// filtered whole.
func RunRedacted(args, env []string, stdout, stderr io.Writer) (int, error) {
	exe, err := os.Executable()
	if err != nil {
		return 0, err
	}
	cmd := exec.Command(exe, args...)
	cmd.Env = append(os.Environ(), env...)
	cmd.Stdin = os.Stdin
	outPipe, err := cmd.StdoutPipe()
	if err != nil {
		return 0, err
	}
	errPipe, err := cmd.StderrPipe()
	if err != nil {
		return 0, err
	}
	if err := cmd.Start(); err != nil {
		return 0, err
	}
	var wg sync.WaitGroup
	var outErr, errErr error
	wg.Go(func() { outErr = analyzers.CopyRedacted(stdout, outPipe) })
	wg.Go(func() { errErr = analyzers.CopyRedacted(stderr, errPipe) })
	wg.Wait() // before Wait, which closes the pipes
	err = cmd.Wait()
	var exitErr *exec.ExitError
	switch {
	case outErr != nil || errErr != nil:
		return 0, errors.Join(outErr, errErr)
	case errors.As(err, &exitErr):
		return exitErr.ExitCode(), nil
	case err != nil:
		return 0, err
	}
	return 0, nil
}
