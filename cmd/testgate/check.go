package main

import (
	"cmp"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/testgate/testgate/analyzers"
	"github.com/testgate/testgate/check"
	"github.com/testgate/testgate/config"
	"github.com/testgate/testgate/internal/argv"
	"github.com/testgate/testgate/testrun"
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
	fs := flag.NewFlagSet("testgate check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, checkUsage)
		fs.PrintDefaults()
	}
	return fs, registerCoverFlags(fs)
}

func runCheck(args []string, stdout, stderr io.Writer) int {
	fs, opts := newCheckFlags(stderr)
	ours, goTestArgs := splitCheckArgs(fs, args)
	if err := fs.Parse(ours); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitBadUsage
	}
	fail := func(err error) int {
		fmt.Fprintf(stderr, "testgate check: %v\n", err)
		return exitBadUsage
	}
	cfg, err := opts.loadConfig()
	if err != nil {
		return fail(err)
	}
	selected, err := analyzers.Select(analyzers.All(), cfg.Lint.Settings, "lint")
	if err != nil {
		return fail(fmt.Errorf("%s: %w", cmp.Or(opts.configFile, config.FileName), err))
	}
	gate, err := opts.gate(cfg)
	if err != nil {
		return fail(err)
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

// splitCheckArgs separates testgate's own flags, those defined on fs, from
// the go test flags and packages that pass through.
func splitCheckArgs(fs *flag.FlagSet, args []string) (ours, goTest []string) {
	isOurs := func(name string) bool { return name == "h" || name == "help" || fs.Lookup(name) != nil }
	takesValue := func(name string) bool {
		if f := fs.Lookup(name); f != nil {
			b, ok := f.Value.(interface{ IsBoolFlag() bool })
			return !ok || !b.IsBoolFlag()
		}
		return testrun.TakesValue(name)
	}
	parsed, rest := argv.Split(args, takesValue, "-args", "--args")
	for _, a := range parsed {
		if a.Name != "" && isOurs(a.Name) {
			ours = append(ours, a.Raw...)
		} else {
			goTest = append(goTest, a.Raw...)
		}
	}
	return ours, append(goTest, rest...)
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
