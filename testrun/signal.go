package testrun

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

// StoppedBy is the cause of a run cancelled by a signal.
type StoppedBy struct{ Signal os.Signal }

func (s StoppedBy) Error() string { return "stopped by signal: " + s.Signal.String() }

// ExitStatus is the exit status of a command stopped by s, as a shell
// reports it: 128 plus the signal's number; failed when s has no number.
func (s StoppedBy) ExitStatus(failed int) int {
	if n, ok := s.Signal.(syscall.Signal); ok {
		return 128 + int(n)
	}
	return failed
}

// StopOnSignal returns a context that SIGINT or SIGTERM cancels with a
// StoppedBy cause, which stops go test and its test binaries.
func StopOnSignal() (context.Context, func()) {
	ctx, cancel := context.WithCancelCause(context.Background())
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	go func() {
		select {
		case s := <-sigs:
			cancel(StoppedBy{s})
		case <-ctx.Done():
		}
	}()
	return ctx, func() {
		signal.Stop(sigs)
		cancel(nil)
	}
}
