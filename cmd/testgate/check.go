package main

import (
	"cmp"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/testgate/testgate/analyzers"
	"github.com/testgate/testgate/check"
	"github.com/testgate/testgate/config"
	"github.com/testgate/testgate/testrun"
)

const checkUsage = `Usage: testgate check [testgate flags] [go test flags] [packages]

The one command to run before merging: runs go test with coverage on the
packages (default ./...) in a shuffled order, runs every testgate analyzer
on the same packages, then gates coverage, and prints one summary. Flags
that testgate does not know (-race, -tags, -short, -run, ...) pass through
to go test. Each failed test runs again alone, and its package again in
the same order, to tell failing, flaky and order-dependent tests apart.
.testgate.yml configures all of it: the coverage section as for testgate
cover, the lint section (enable, disable, per-analyzer options), and the
check section (shuffle: on, off or a seed; flaky: fail or warn).

A -coverprofile among the go test flags is the profile gated, and stays.

Exit status: 0 everything passed, 1 a test failed (a flaky one too, unless
check.flaky is warn), the analyzers reported or coverage missed a
threshold, 2 bad usage (a package pattern with nothing to test),
configuration or input, 128+N stopped by signal N (SIGINT, SIGTERM).

testgate flags:
`

// checkOptions are check's own flags beside the coverage gate's.
type checkOptions struct {
	*coverOptions
	shuffle    string
	rerunFails int
}

// newCheckFlags returns check's flag set, which holds the coverage gate's
// flags, and their values.
func newCheckFlags(stderr io.Writer) (*flag.FlagSet, *checkOptions) {
	fs := newFlagSet("testgate check", checkUsage, stderr)
	opts := &checkOptions{coverOptions: registerCoverFlags(fs)}
	fs.StringVar(&opts.shuffle, "shuffle", "", "order of the tests: `on` (a new seed, printed), off, or a seed; replaces go test's -shuffle (default check.shuffle of the configuration, else on)")
	fs.IntVar(&opts.rerunFails, "rerun-fails", 2, "run each failed test alone up to `N` times to tell failing, flaky and order-dependent tests apart; 0 reruns nothing")
	return fs, opts
}

func runCheck(args []string, stdout, stderr io.Writer) int {
	fs, opts := newCheckFlags(stderr)
	ours, goTestArgs := check.SplitArgs(fs, args)
	if code, ok := parse(fs, ours); !ok {
		return code
	}
	fail := failure(stderr, "testgate check", exitBadUsage)
	cfg, gate, err := opts.configure()
	if err != nil {
		return fail(err)
	}
	if opts.rerunFails < 0 {
		return fail(fmt.Errorf("-rerun-fails %d: want a number of runs, 0 or more", opts.rerunFails))
	}
	seed, err := testrun.ParseShuffle(cmp.Or(opts.shuffle, string(cfg.Check.Shuffle)))
	if err != nil {
		return fail(err)
	}
	selected, err := analyzers.Select(analyzers.All(), cfg.Lint.Settings, "lint")
	if err != nil {
		return fail(fmt.Errorf("%s: %w", cmp.Or(opts.configFile, config.FileName), err))
	}
	var progress io.Writer
	if isTerminal(stderr) {
		progress = stderr
	}
	ctx, stop := stopOnSignal()
	defer stop()
	sum, err := check.Run(ctx, check.Options{
		GoTestArgs: goTestArgs,
		Analyzers:  selected,
		Coverage:   gate,
		Progress:   progress,
		Shuffle:    seed,
		RerunFails: opts.rerunFails,
		FlakyWarn:  cfg.Check.Flaky == config.FlakyWarn,
	})
	var stopped stoppedBy
	if errors.As(err, &stopped) {
		fmt.Fprintf(stderr, "testgate check: %v: go test stopped, nothing gated\n", err)
		return exitStopped(stopped.Signal)
	}
	if err != nil {
		return fail(err)
	}
	printWarnings(stderr, sum.Warnings)
	root, _ := os.Getwd()
	if err := sum.Write(stdout, opts.format, root); err != nil {
		return fail(err)
	}
	if sum.Coverage != nil {
		if err := opts.writeFiles(sum.Coverage); err != nil {
			return fail(err)
		}
	}
	if len(sum.Problems()) > 0 {
		return exitFailed
	}
	return exitOK
}

// isTerminal reports whether w is a terminal, where progress lines help;
// in CI logs they would only repeat the summary.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}

// stoppedBy is the cause of a check cancelled by a signal.
type stoppedBy struct{ Signal os.Signal }

func (s stoppedBy) Error() string { return "stopped by signal: " + s.Signal.String() }

// stopOnSignal returns a context that SIGINT or SIGTERM cancels with a
// stoppedBy cause, which stops go test and its test binaries.
func stopOnSignal() (context.Context, func()) {
	ctx, cancel := context.WithCancelCause(context.Background())
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, os.Interrupt, syscall.SIGTERM)
	go func() {
		select {
		case s := <-sigs:
			cancel(stoppedBy{s})
		case <-ctx.Done():
		}
	}()
	return ctx, func() {
		signal.Stop(sigs)
		cancel(nil)
	}
}

// exitStopped is the exit status of a command stopped by sig, as a shell
// reports it: 128 plus the signal's number.
func exitStopped(sig os.Signal) int {
	if s, ok := sig.(syscall.Signal); ok {
		return 128 + int(s)
	}
	return exitFailed
}
