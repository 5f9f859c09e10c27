// Package check is testgate check as a library: it runs go test with
// coverage, the analyzers on the same packages and the coverage gate, and
// renders one summary of all three.
package check

import (
	"bytes"
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
}

// A Summary is everything a check found.
type Summary struct {
	Tests    testrun.Result
	Lint     *lint.Result     // nil when LintErr is set
	LintErr  error            // the analyzers could not run
	Coverage *coverage.Report // nil when go test wrote no coverage data
	Warnings []coverage.Warning
}

// Run runs the tests, the analyzers and the coverage gate. An error means
// the check could not run (go test did not start, bad coverage input); a
// failing test, a finding or a missed threshold is in the Summary.
func Run(ctx context.Context, opts Options) (*Summary, error) {
	args := opts.GoTestArgs
	goFlags, patterns := testrun.SplitArgs(args)
	if len(patterns) == 0 {
		// Before -args, whose followers belong to the test binary.
		patterns = []string{"./..."}
		args = slices.Insert(slices.Clone(args), len(goFlags), patterns...)
	}
	dir, err := os.MkdirTemp("", "testgate-check-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	profile := filepath.Join(dir, "coverage.out")

	// The analyzers load and type-check while the tests run: on a busy
	// machine it costs little, and it keeps check close to go test's time.
	s := &Summary{}
	var wg sync.WaitGroup
	wg.Go(func() {
		s.Lint, s.LintErr = lint.Run(lint.Options{
			Analyzers:  opts.Analyzers,
			Patterns:   patterns,
			Tests:      true,
			BuildFlags: testrun.BuildFlags(goFlags),
			Dir:        opts.Coverage.Dir,
		})
	})
	s.Tests, err = testrun.Run(ctx, testrun.Options{Dir: opts.Coverage.Dir, Args: args, CoverProfile: profile, Progress: opts.Progress})
	wg.Wait()
	if err != nil {
		return nil, err
	}
	// go test finishes packages in parallel; the summary lists them in a
	// stable order.
	slices.SortStableFunc(s.Tests.Packages, func(a, b testrun.Package) int { return strings.Compare(a.Path, b.Path) })
	if hasBlocks(profile) {
		cov := opts.Coverage
		cov.Profiles = append(slices.Clone(cov.Profiles), profile)
		if s.Coverage, s.Warnings, err = coverage.Check(cov); err != nil {
			return nil, err
		}
	}
	return s, nil
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
	var list []string
	if !s.Tests.Passed() {
		list = append(list, "tests failed")
	}
	switch {
	case s.LintErr != nil:
		list = append(list, "the analyzers could not run")
	case s.Lint.Failed():
		list = append(list, "the analyzers reported")
	}
	switch {
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
