package main

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/testgate/testgate/analyzers"
	"github.com/testgate/testgate/config"
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
	_, patterns := testrun.SplitArgs(goTestArgs)
	if len(patterns) == 0 {
		patterns = []string{"./..."}
		goTestArgs = append(goTestArgs, patterns...)
	}
	cfg, err := loadConfig(opts.configFile)
	if err != nil {
		return fail(err)
	}
	selected, err := analyzers.Select(analyzers.All(), cfg.Lint.Settings, "lint")
	if err != nil {
		return fail(fmt.Errorf("%s: %w", cmp.Or(opts.configFile, config.FileName), err))
	}

	dir, err := os.MkdirTemp("", "testgate-check-")
	if err != nil {
		return fail(err)
	}
	defer os.RemoveAll(dir)
	profile := filepath.Join(dir, "coverage.out")

	// The analyzers load and type-check while the tests run: on a busy
	// machine it costs little, and it keeps check close to go test's time.
	var (
		lint    lintResult
		lintErr error
		wg      sync.WaitGroup
	)
	wg.Go(func() { lint, lintErr = analyze(selected, patterns, true) })
	var progress io.Writer
	if isTerminal(stderr) {
		progress = stderr
	}
	tests, err := testrun.Run(context.Background(), testrun.Options{Args: goTestArgs, CoverProfile: profile, Progress: progress})
	wg.Wait()
	if err != nil {
		return fail(err)
	}

	var problems []string
	fmt.Fprintln(stdout, "== tests")
	if !printTests(stdout, tests) {
		problems = append(problems, "tests failed")
	}
	fmt.Fprintln(stdout, "\n== lint")
	switch {
	case lintErr != nil:
		fmt.Fprintf(stdout, "the analyzers could not run: %v\n", lintErr)
		problems = append(problems, "the analyzers could not run")
	case !printLint(stdout, lint):
		problems = append(problems, "the analyzers reported")
	}
	fmt.Fprintln(stdout, "\n== coverage")
	if !hasBlocks(profile) {
		fmt.Fprintln(stdout, "go test wrote no coverage data")
		problems = append(problems, "no coverage")
	} else {
		r, err := coverGate(opts, []string{profile}, stderr)
		if err != nil {
			return fail(err)
		}
		if err := writeCoverReport(opts, r, stdout); err != nil {
			return fail(err)
		}
		if !r.Pass {
			problems = append(problems, "coverage missed a threshold")
		}
	}
	if len(problems) > 0 {
		fmt.Fprintf(stdout, "\ncheck: FAIL: %s\n", strings.Join(problems, ", "))
		return exitFailed
	}
	fmt.Fprintln(stdout, "\ncheck: PASS")
	return exitOK
}

// splitCheckArgs separates testgate's own flags, those defined on fs, from
// the go test flags and packages that pass through.
func splitCheckArgs(fs *flag.FlagSet, args []string) (ours, goTest []string) {
	for i := 0; i < len(args); i++ {
		arg := args[i]
		name, _, hasValue := strings.Cut(strings.TrimLeft(arg, "-"), "=")
		f := fs.Lookup(name)
		if !strings.HasPrefix(arg, "-") || f == nil {
			goTest = append(goTest, arg)
			continue
		}
		ours = append(ours, arg)
		if b, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && b.IsBoolFlag() {
			continue
		}
		if !hasValue && i+1 < len(args) {
			i++
			ours = append(ours, args[i])
		}
	}
	return ours, goTest
}

// printTests writes the failing tests with their output and reports
// whether every package passed.
func printTests(w io.Writer, res testrun.Result) bool {
	failedPkgs := 0
	for _, p := range res.Packages {
		if p.Status == "FAIL" {
			failedPkgs++
		}
	}
	fmt.Fprintf(w, "%d packages tested, %d failed\n", len(res.Packages), failedPkgs)
	for _, f := range res.Failures {
		name := f.Package
		if f.Test != "" {
			name += "." + f.Test
		}
		fmt.Fprintf(w, "--- FAIL: %s\n", strings.TrimPrefix(name, "."))
		for _, line := range lastLines(strings.TrimRight(f.Output, "\n"), maxFailureLines) {
			fmt.Fprintf(w, "    %s\n", line)
		}
	}
	return res.Passed()
}

// maxFailureLines bounds the output shown per failing test: the end of the
// output holds the failure; go test -run shows the rest.
const maxFailureLines = 30

func lastLines(s string, n int) []string {
	if s == "" {
		return nil
	}
	lines := strings.Split(s, "\n")
	if len(lines) > n {
		skipped := len(lines) - n
		lines = append([]string{fmt.Sprintf("... %d earlier lines", skipped)}, lines[skipped:]...)
	}
	return lines
}

// printLint writes the analyzers' reports and load problems and reports
// whether there were none.
func printLint(w io.Writer, res lintResult) bool {
	root, _ := os.Getwd()
	for _, p := range res.problems {
		fmt.Fprintln(w, p)
	}
	for _, f := range res.findings {
		name, _ := relPath(root, f.posn.Filename)
		fmt.Fprintf(w, "%s:%d:%d: %s (%s)\n", name, f.posn.Line, f.posn.Column, f.message, f.analyzer)
	}
	fmt.Fprintf(w, "%d reports\n", len(res.findings))
	return len(res.findings) == 0 && len(res.problems) == 0 && !res.analyzerFailed
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

// hasBlocks reports whether the profile go test wrote holds any block: when
// no package could be built it holds only its mode line, and the failing
// tests already say why.
func hasBlocks(profile string) bool {
	data, err := os.ReadFile(profile)
	return err == nil && bytes.Count(bytes.TrimSpace(data), []byte("\n")) > 0
}
