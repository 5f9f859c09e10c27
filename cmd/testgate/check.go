package main

import (
	"cmp"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/testgate/testgate/analyzers"
	"github.com/testgate/testgate/check"
	"github.com/testgate/testgate/config"
	"github.com/testgate/testgate/internal/cli"
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
	*cli.CoverOptions
	shuffle    string
	rerunFails int
}

// newCheckFlags returns check's flag set, which holds the coverage gate's
// flags, and their values.
func newCheckFlags(stderr io.Writer) (*flag.FlagSet, *checkOptions) {
	fs := cli.NewFlagSet("testgate check", checkUsage, stderr)
	opts := &checkOptions{CoverOptions: cli.RegisterCoverFlags(fs)}
	fs.StringVar(&opts.shuffle, "shuffle", "", "order of the tests: `on` (a new seed, printed), off, or a seed; replaces go test's -shuffle (default check.shuffle of the configuration, else on)")
	fs.IntVar(&opts.rerunFails, "rerun-fails", 2, "run each failed test alone up to `N` times to tell failing, flaky and order-dependent tests apart; 0 reruns nothing")
	return fs, opts
}

func runCheck(args []string, stdout, stderr io.Writer) int {
	fs, opts := newCheckFlags(stderr)
	ours, goTestArgs := check.SplitArgs(fs, args)
	if code, ok := cli.Parse(fs, ours); !ok {
		return code
	}
	fail := failure(stderr, "testgate check", exitBadUsage)
	cfg, gate, err := opts.Configure()
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
		return fail(fmt.Errorf("%s: %w", cmp.Or(opts.ConfigFile, config.FileName), err))
	}
	var progress io.Writer
	if isTerminal(stderr) {
		progress = stderr
	}
	ctx, stop := testrun.StopOnSignal()
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
	var stopped testrun.StoppedBy
	if errors.As(err, &stopped) {
		fmt.Fprintf(stderr, "testgate check: %v: go test stopped, nothing gated\n", err)
		return stopped.ExitStatus(exitFailed)
	}
	if err != nil {
		return fail(err)
	}
	printWarnings(stderr, sum.Warnings)
	root, _ := os.Getwd()
	if err := sum.Write(stdout, opts.Format, root); err != nil {
		return fail(err)
	}
	if sum.Coverage != nil {
		if err := opts.WriteFiles(sum.Coverage); err != nil {
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
