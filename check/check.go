// Package check is testgate check as a library: it runs go test with
// coverage, the analyzers on the same packages and the coverage gate, and
// renders one summary of all three.
package check

import (
	"bytes"
	"cmp"
	"context"
	"flag"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"golang.org/x/tools/go/analysis"

	"github.com/testgate/testgate/coverage"
	"github.com/testgate/testgate/internal/argv"
	"github.com/testgate/testgate/internal/render"
	"github.com/testgate/testgate/lint"
	"github.com/testgate/testgate/testrun"
)

// Options say what Run checks.
type Options struct {
	// GoTestArgs are go test's flags and packages; without packages, ./...
	GoTestArgs []string
	Analyzers  []*analysis.Analyzer
	// Coverage configures the gate; Run adds the profile go test writes,
	// and its Dir is where the tests, the analyzers and the gate run.
	Coverage coverage.Options
	// Progress receives a line per tested package; nil keeps quiet.
	Progress io.Writer
	// Shuffle is the seed that orders the tests (go test -shuffle); nil
	// runs them in source order. It takes the place of a -shuffle among
	// GoTestArgs, which would leave the summary without the seed.
	Shuffle *int64
	// RerunFails bounds the runs of each failed test alone that tell
	// failing, flaky and order-dependent tests apart (see
	// testrun.Classify); 0 reruns nothing and calls every failure failing.
	RerunFails int
	// FlakyWarn lists flaky tests without failing the check.
	FlakyWarn bool
}

// A Summary is everything a check found.
type Summary struct {
	Tests testrun.Result
	// Seed ordered the tests; nil when they ran in source order.
	Seed *int64
	// Replay is the go test command that runs the tests in the same order.
	Replay    string
	FlakyWarn bool
	Lint      *lint.Result     // nil when LintErr is set
	LintErr   error            // the analyzers could not run
	Coverage  *coverage.Report // nil when go test wrote no coverage data
	// Unmeasured are the packages tested that wrote no coverage, with why
	// (also in Coverage.Unmeasured when there is a report).
	Unmeasured []coverage.Excluded
	Warnings   []coverage.Warning
}

// Run runs the tests, the analyzers and the coverage gate. An error means
// the check could not run: bad usage (a go test flag without its value, a
// package pattern with nothing to test), go test did not start or was
// stopped through ctx (the error is then context.Cause(ctx)), bad coverage
// input; a failing test, a finding or a missed threshold is in the Summary.
// A -coverprofile among the go test flags names the profile to gate, which
// stays where asked.
func Run(ctx context.Context, opts Options) (*Summary, error) {
	args := opts.GoTestArgs
	if err := testrun.CheckArgs(args); err != nil {
		return nil, err
	}
	userProfile, args, _ := testrun.CutFlag(args, "coverprofile")
	goFlags, patterns := testrun.SplitArgs(args)
	if len(patterns) == 0 {
		// Before -args, whose followers belong to the test binary.
		patterns = []string{"./..."}
		args = slices.Insert(slices.Clone(args), len(goFlags), patterns...)
	}
	buildFlags := testrun.BuildFlags(goFlags)
	if err := testrun.CheckPatterns(ctx, opts.Coverage.Dir, buildFlags, patterns); err != nil {
		return nil, err
	}
	profile, err := profilePath(opts.Coverage.Dir, userProfile, goFlags)
	if err != nil {
		return nil, err
	}
	// The temporary directory holds the profile unless the user named one,
	// and the reruns' profiles.
	dir, err := os.MkdirTemp("", "testgate-check-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	if profile == "" {
		profile = filepath.Join(dir, "coverage.out")
	}

	// The analyzers load and type-check while the tests run: on a busy
	// machine it costs little, and it keeps check close to go test's time.
	s := &Summary{FlakyWarn: opts.FlakyWarn}
	if opts.Shuffle != nil {
		// One seed for every package, printed, replays them all. Without
		// one no -shuffle is passed at all: any -shuffle, even off, turns
		// off go test's cache.
		args = append([]string{testrun.ShuffleFlag(opts.Shuffle)}, args...)
		s.Seed, s.Replay = opts.Shuffle, "go test "+render.Shell(args)
	}
	var wg sync.WaitGroup
	wg.Go(func() {
		s.Lint, s.LintErr = lint.Run(lint.Options{
			Analyzers:  opts.Analyzers,
			Patterns:   patterns,
			Tests:      true,
			BuildFlags: buildFlags,
			Dir:        opts.Coverage.Dir,
		})
	})
	s.Tests, err = testrun.Run(ctx, testrun.Options{Dir: opts.Coverage.Dir, Args: args, CoverProfile: profile, Progress: opts.Progress})
	wg.Wait()
	if err != nil {
		return nil, err
	}
	// Only a run with failures costs reruns.
	reruns, err := testrun.Classify(ctx, &s.Tests, testrun.RerunOptions{
		Dir:      opts.Coverage.Dir,
		Flags:    goFlags,
		Times:    opts.RerunFails,
		CoverDir: dir,
	})
	if err != nil {
		return nil, err
	}
	// go test finishes packages in parallel; the summary lists them in a
	// stable order.
	slices.SortStableFunc(s.Tests.Packages, func(a, b testrun.Package) int { return strings.Compare(a.Path, b.Path) })
	slices.SortStableFunc(s.Tests.Failures, func(a, b testrun.Failure) int { return strings.Compare(a.Package, b.Package) })
	s.Unmeasured = unmeasured(s.Tests)
	if hasBlocks(profile) {
		cov := opts.Coverage
		// A block covered by any run is covered: a test that failed
		// first and passed when run again still covers what it ran.
		cov.Profiles = append(slices.Clone(cov.Profiles), profile)
		for _, p := range reruns {
			if hasBlocks(p) {
				cov.Profiles = append(cov.Profiles, p)
			}
		}
		if s.Coverage, s.Warnings, err = coverage.Check(cov); err != nil {
			return nil, err
		}
		s.Coverage.Unmeasured = s.Unmeasured
	}
	return s, nil
}

// profilePath returns where go test, run in dir, writes the profile the
// user asked for with -coverprofile: relative to -outputdir, or to dir;
// "" when none was asked for.
func profilePath(dir, userProfile string, goFlags []string) (string, error) {
	if userProfile == "" || filepath.IsAbs(userProfile) {
		return userProfile, nil
	}
	outputDir, _, _ := testrun.CutFlag(goFlags, "outputdir")
	if !filepath.IsAbs(outputDir) {
		outputDir = filepath.Join(dir, outputDir)
	}
	return filepath.Abs(filepath.Join(outputDir, userProfile))
}

// unmeasured lists the packages whose tests ran but that go test wrote no
// coverage for, with why, so that the figures never silently cover a
// subset of what was tested.
func unmeasured(tests testrun.Result) []coverage.Excluded {
	var list []coverage.Excluded
	for _, p := range tests.Packages {
		if p.Coverage != "" || p.Status == "?" {
			continue
		}
		reason := "go test reported no coverage for it"
		if p.Status == "FAIL" {
			reason = "it failed before writing coverage (see its failure)"
		}
		for _, f := range tests.Failures {
			if f.Package == p.Path && f.Unfinished {
				reason = f.Test + " did not finish: " + unfinishedCause(f)
				break
			}
		}
		list = append(list, coverage.Excluded{Name: p.Path, Reason: reason})
	}
	return list
}

// unfinishedCause says what ended a test that did not finish, from the
// end of its output.
func unfinishedCause(f testrun.Failure) string {
	switch {
	case strings.Contains(f.Output, "panic: test timed out"):
		return "go test -timeout ended it"
	case strings.Contains(f.Output, "panic: "):
		return "a panic ended its test binary"
	}
	return "its test binary exited mid-test, as os.Exit and log.Fatal do"
}

// NoStatements reports whether go test ran packages and said of each that
// it has no statements: nothing to measure, which is not a failure.
func (s *Summary) NoStatements() bool {
	tested := 0
	for _, p := range s.Tests.Packages {
		switch {
		case p.Status == "?":
		case p.Coverage != testrun.NoStatements:
			return false
		default:
			tested++
		}
	}
	return tested > 0
}

// SplitArgs separates a testgate check command line into testgate's own
// flags, those defined on fs (and -h), and the go test flags and packages
// that pass through, which Options.GoTestArgs takes.
func SplitArgs(fs *flag.FlagSet, args []string) (ours, goTest []string) {
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

// hasBlocks reports whether the profile go test wrote holds any block: when
// no package could be built it holds only its mode line, and the failing
// tests already say why.
func hasBlocks(profile string) bool {
	data, err := os.ReadFile(profile)
	return err == nil && bytes.Count(bytes.TrimSpace(data), []byte("\n")) > 0
}

// Problems lists why the check fails; none means it passes.
func (s *Summary) Problems() []string {
	list := []string{} // JSON's "problems": [] when it passes
	if s.failing() {
		list = append(list, "tests failed")
	}
	if len(s.failures(testrun.OrderDependent)) > 0 {
		list = append(list, "order-dependent tests failed")
	}
	if len(s.failures(testrun.Flaky)) > 0 && !s.FlakyWarn {
		list = append(list, "flaky tests failed")
	}
	switch {
	case s.LintErr != nil:
		list = append(list, "the analyzers could not run")
	case len(s.Lint.Findings) > 0:
		list = append(list, "the analyzers reported")
	case s.Lint.AnalyzerFailed:
		list = append(list, "an analyzer failed")
	case len(s.Lint.Problems) > 0:
		list = append(list, "packages did not load for the analyzers")
	}
	switch {
	case s.Coverage == nil && s.NoStatements():
	case s.Coverage == nil:
		list = append(list, "go test wrote no coverage data")
	case !s.Coverage.Pass:
		list = append(list, "coverage missed a threshold")
	}
	return list
}

// Verdict is the summary's last line: PASS, or FAIL and why.
func (s *Summary) Verdict() string {
	if problems := s.Problems(); len(problems) > 0 {
		return "check: FAIL: " + strings.Join(problems, ", ")
	}
	return "check: PASS"
}

// failing reports whether a test failed every time, or a package failed
// without a failed test to blame.
func (s *Summary) failing() bool {
	if len(s.failures(testrun.Failing)) > 0 {
		return true
	}
	return slices.ContainsFunc(s.Tests.Packages, func(p testrun.Package) bool {
		return p.Status == "FAIL" && !slices.ContainsFunc(s.Tests.Failures, func(f testrun.Failure) bool { return f.Package == p.Path })
	})
}

// failures returns the failures of kind k, an unclassified failure
// counting as failing.
func (s *Summary) failures(k testrun.Kind) []testrun.Failure {
	var list []testrun.Failure
	for _, f := range s.Tests.Failures {
		if cmp.Or(f.Kind, testrun.Failing) == k {
			list = append(list, f)
		}
	}
	return list
}
