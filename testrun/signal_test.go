package testrun

import (
	"context"
	"errors"
	"os"
	"syscall"
	"testing"
)

type namedSignal string

func (s namedSignal) String() string { return string(s) }
func (namedSignal) Signal()          {}

func TestStoppedByExitsAsAShellReportsTheSignal(t *testing.T) {
	cases := []struct {
		name string
		sig  os.Signal
		want int
	}{
		{"SIGTERM is 128+15", syscall.SIGTERM, 143},
		{"SIGINT is 128+2", syscall.SIGINT, 130},
		{"a signal without a number is a failure", namedSignal("odd"), 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := (StoppedBy{c.sig}).ExitStatus(1); got != c.want {
				t.Errorf("ExitStatus = %d, want %d", got, c.want)
			}
		})
	}
	if got, want := (StoppedBy{syscall.SIGTERM}).Error(), "stopped by signal: terminated"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}

func TestStopOnSignalLeavesTheContextLiveUntilStopped(t *testing.T) {
	ctx, stop := StopOnSignal()
	if err := ctx.Err(); err != nil {
		t.Fatalf("context done before any signal: %v", err)
	}
	stop()
	<-ctx.Done()
	var stopped StoppedBy
	if errors.As(context.Cause(ctx), &stopped) {
		t.Errorf("cause %v after stop, want no signal", context.Cause(ctx))
	}
}
