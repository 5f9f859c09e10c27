package main

import (
	"cmp"
	"context"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/testgate/testgate/analyzers"
	"github.com/testgate/testgate/check"
	"github.com/testgate/testgate/config"
)

const checkUsage = `Usage: testgate check [testgate flags] [go test flags] [packages]

The one command to run before merging: runs go test with coverage on the
packages (default ./...), runs every testgate analyzer on the same packages,
then gates coverage, and prints one summary. Flags that testgate does not
know (-race, -tags, -short, -run, ...) pass through to go test.
.testgate.yml configures all of it: the coverage section as for testgate
cover, and the lint section (enable, disable, per-analyzer options).

Exit status: 0 everything passed, 1 a test failed, the analyzers reported
or coverage missed a threshold, 2 bad usage, configuration or input.

testgate flags:
`

// newCheckFlags returns check's flag set, which holds the coverage gate's
// flags, and their values.
func newCheckFlags(stderr io.Writer) (*flag.FlagSet, *coverOptions) {
	fs := newFlagSet("testgate check", checkUsage, stderr)
	return fs, registerCoverFlags(fs)
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
	selected, err := analyzers.Select(analyzers.All(), cfg.Lint.Settings, "lint")
	if err != nil {
		return fail(fmt.Errorf("%s: %w", cmp.Or(opts.configFile, config.FileName), err))
	}
	var progress io.Writer
	if isTerminal(stderr) {
		progress = stderr
	}
	sum, err := check.Run(context.Background(), check.Options{GoTestArgs: goTestArgs, Analyzers: selected, Coverage: gate, Progress: progress})
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
