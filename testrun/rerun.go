package testrun

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/testgate/testgate/internal/argv"
)

// Kind says why a test failed, as Classify found out by running it again.
type Kind string

const (
	// Failing: the test failed every time it ran alone.
	Failing Kind = "failing"
	// Flaky: the test passed and failed alone, or passed alone every time
	// and passed again when its package ran in the same order.
	Flaky Kind = "flaky"
	// OrderDependent: the test passed alone every time and failed again
	// when its package ran in the same order.
	OrderDependent Kind = "order-dependent"
)

// RerunOptions configure Classify.
type RerunOptions struct {
	Dir string
	// Flags are the go test flags of the run that failed, without its
	// packages (see SplitArgs); -shuffle among them is replaced by the
	// seed each package printed.
	Flags []string
	// Times bounds the runs of each failed test alone; 0 classifies
	// without running anything, every failure as failing.
	Times int
	// CoverDir receives a coverage profile from every run.
	CoverDir string
}

// maxProbes bounds the runs spent looking for the test that an
// order-dependent test depends on.
const maxProbes = 6

// Classify runs each failed test of res again alone, up to opts.Times
// times, and sets the Kind of every failure: failing when it fails every
// time alone, flaky when it passes and fails; when it passes every time,
// its package runs again once in the same order (the seed it printed, or
// source order) and it is order-dependent when it fails again, flaky when
// it passes. Then it looks, with a few runs of the earlier tests, for the
// one it depends on. A package that failed as a whole, without a failed
// test, is failing.
//
// It returns the coverage profiles the runs wrote, to merge with the
// first run's: a block covered in any run is covered. A run where nothing
// failed costs nothing.
func Classify(ctx context.Context, res *Result, opts RerunOptions) ([]string, error) {
	flags, _ := argv.Split(opts.Flags, TakesValue)
	c := &classifier{opts: opts, flags: flags}
	tests := failedTests(res)
	kinds := make(map[pkgTest]*Failure, len(tests))
	errs := make([]error, len(tests))
	slots := make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for i, pt := range tests {
		f := &Failure{Package: pt.pkg, Test: pt.test, Kind: Failing}
		kinds[pt] = f
		if opts.Times <= 0 {
			continue
		}
		wg.Go(func() {
			slots <- struct{}{}
			defer func() { <-slots }()
			errs[i] = c.alone(ctx, f)
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return c.profiles, err
	}

	// Tests that passed every time alone: run their packages again in the
	// same order, one run per package.
	byPkg := make(map[string][]*Failure)
	var pkgs []string
	for _, pt := range tests {
		if f := kinds[pt]; f.Reruns > 0 && f.Passes == f.Reruns {
			if byPkg[pt.pkg] == nil {
				pkgs = append(pkgs, pt.pkg)
			}
			byPkg[pt.pkg] = append(byPkg[pt.pkg], f)
		}
	}
	for _, pkg := range pkgs {
		if err := c.inOrder(ctx, res.pkg(pkg), byPkg[pkg]); err != nil {
			return c.profiles, err
		}
	}

	for i := range res.Failures {
		f := &res.Failures[i]
		if k, ok := kinds[pkgTest{f.Package, topLevel(f.Test)}]; ok && f.Test != "" {
			f.Kind, f.Reruns, f.Passes, f.After, f.Replay = k.Kind, k.Reruns, k.Passes, k.After, k.Replay
		} else {
			f.Kind = Failing
		}
	}
	return c.profiles, nil
}

// pkgTest names a top-level test of a package.
type pkgTest struct{ pkg, test string }

// failedTests returns the top-level tests that failed, in order of failure.
func failedTests(res *Result) []pkgTest {
	var tests []pkgTest
	for _, f := range res.Failures {
		if f.Test == "" {
			continue
		}
		pt := pkgTest{f.Package, topLevel(f.Test)}
		if !slices.Contains(tests, pt) {
			tests = append(tests, pt)
		}
	}
	return tests
}

func topLevel(test string) string {
	top, _, _ := strings.Cut(test, "/")
	return top
}

func (r *Result) pkg(path string) Package {
	for _, p := range r.Packages {
		if p.Path == path {
			return p
		}
	}
	return Package{Path: path}
}

type classifier struct {
	opts  RerunOptions
	flags []argv.Arg

	mu       sync.Mutex
	profiles []string
}

// alone runs f's test alone up to Times times, stopping once it has both
// passed and failed, and classifies it failing or flaky; one that passed
// every time is left for inOrder.
func (c *classifier) alone(ctx context.Context, f *Failure) error {
	for f.Reruns < c.opts.Times {
		flags := c.with(runPattern([]string{f.Test}, c.flags), "-shuffle=off")
		failed, err := c.run(ctx, flags, f.Package, []string{f.Test})
		if err != nil {
			return err
		}
		f.Reruns++
		if !failed[f.Test] {
			f.Passes++
		}
		if f.Passes > 0 && f.Passes < f.Reruns {
			f.Kind = Flaky
			return nil
		}
	}
	if f.Passes == 0 {
		f.Kind = Failing
	}
	return nil
}

// inOrder runs pkg's tests again in the order of the first run and
// classifies the tests that passed alone every time: order-dependent when
// they fail again, flaky when they pass.
func (c *classifier) inOrder(ctx context.Context, pkg Package, tests []*Failure) error {
	order := ShuffleFlag(pkg.Seed)
	names := make([]string, len(tests))
	for i, f := range tests {
		names[i] = f.Test
	}
	failed, err := c.run(ctx, c.with(nil, order), pkg.Path, names)
	if err != nil {
		return err
	}
	for _, f := range tests {
		if !failed[f.Test] {
			f.Kind = Flaky
			continue
		}
		f.Kind = OrderDependent
		if f.After, err = c.culprit(ctx, pkg, order, f.Test); err != nil {
			return err
		}
		f.Replay = append(c.with(nil, order), pkg.Path)
		if f.After != "" {
			f.Replay = append(c.with(runPattern([]string{f.After, f.Test}, c.flags), order), pkg.Path)
		}
	}
	return nil
}

// culprit bisects the tests that ran before test in pkg's first run for
// the one whose state makes it fail, with at most maxProbes runs; "" when
// it cannot tell. The shuffled order of a package's tests does not depend
// on -run (go test shuffles the whole list, then filters), so a subset
// runs in the order the whole package did.
func (c *classifier) culprit(ctx context.Context, pkg Package, order, test string) (string, error) {
	var candidates []string
	for _, name := range pkg.Order {
		if name == test {
			break
		}
		if !slices.Contains(candidates, name) {
			candidates = append(candidates, name)
		}
	}
	fails := func(set []string) (bool, error) {
		names := append(slices.Clone(set), test)
		failed, err := c.run(ctx, c.with(runPattern(names, c.flags), order), pkg.Path, []string{test})
		return failed[test], err
	}
	for probes := 0; len(candidates) > 0 && probes < maxProbes; {
		half := len(candidates) - len(candidates)/2
		found := false
		for _, set := range [][]string{candidates[:half], candidates[half:]} {
			if len(set) == 0 || probes == maxProbes {
				continue
			}
			probes++
			failed, err := fails(set)
			if err != nil {
				return "", err
			}
			if failed {
				if len(set) == 1 {
					return set[0], nil
				}
				candidates, found = set, true
				break
			}
		}
		if !found {
			return "", nil // more than one test together, or none: too costly to say
		}
	}
	return "", nil
}

// run runs go test with flags on pkg and reports which of tests failed;
// a package that fails as a whole fails them all.
func (c *classifier) run(ctx context.Context, flags []string, pkg string, tests []string) (map[string]bool, error) {
	profile := c.newProfile()
	res, err := Run(ctx, Options{Dir: c.opts.Dir, Args: append(flags, pkg), CoverProfile: profile})
	if err != nil {
		return nil, fmt.Errorf("rerunning %s: %w", pkg, err)
	}
	failed := make(map[string]bool)
	pkgFailed := slices.ContainsFunc(res.Packages, func(p Package) bool { return p.Status == "FAIL" })
	for _, name := range tests {
		failed[name] = pkgFailed && !slices.ContainsFunc(res.Failures, func(f Failure) bool { return f.Test != "" }) ||
			slices.ContainsFunc(res.Failures, func(f Failure) bool { return topLevel(f.Test) == name })
	}
	return failed, nil
}

func (c *classifier) newProfile() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	profile := filepath.Join(c.opts.CoverDir, fmt.Sprintf("rerun-%d.out", len(c.profiles)+1))
	c.profiles = append(c.profiles, profile)
	return profile
}

// with returns the first run's flags with -run replaced by run (kept when
// run is nil), -shuffle by order, and -count=1 added unless given, so that
// go test runs the tests instead of replaying a cached pass.
func (c *classifier) with(run []string, order string) []string {
	var out []string
	hasCount := false
	for _, f := range c.flags {
		switch {
		case f.Name == "run" && run != nil, f.Name == "shuffle":
			continue
		case f.Name == "count":
			hasCount = true
		}
		out = append(out, f.Raw...)
	}
	out = append(out, run...)
	out = append(out, order)
	if !hasCount {
		out = append(out, "-count=1")
	}
	return out
}

// runPattern returns the -run flag that selects the top-level tests names
// exactly, keeping the subtest levels of the user's own -run pattern.
func runPattern(names []string, flags []argv.Arg) []string {
	quoted := make([]string, len(names))
	for i, n := range names {
		quoted[i] = regexp.QuoteMeta(n)
	}
	pattern := "^(" + strings.Join(quoted, "|") + ")$"
	for _, f := range flags {
		if f.Name == "run" {
			pattern += subtestLevels(f.Value)
		}
	}
	return []string{"-run=" + pattern}
}

// subtestLevels returns the part of a -run pattern from its first
// top-level slash on, which go test matches against subtest names.
func subtestLevels(pattern string) string {
	depth := 0
	for i := 0; i < len(pattern); i++ {
		switch pattern[i] {
		case '\\':
			i++
		case '[', '(':
			depth++
		case ']', ')':
			depth--
		case '/':
			if depth == 0 {
				return pattern[i:]
			}
		}
	}
	return ""
}
