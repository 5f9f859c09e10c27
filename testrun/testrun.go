// Package testrun runs go test for testgate check and reads its -json event
// stream: which packages passed, which tests failed with their output, and
// progress lines as packages finish.
package testrun

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/testgate/testgate/internal/argv"
)

// Package is the outcome of one package's tests.
type Package struct {
	Path    string
	Status  string // "ok", "FAIL" or "?" (no test files), as go test prints
	Elapsed time.Duration
	// Coverage is what go test said of the package's coverage, as it said
	// it ("75.0% of statements", "[no statements]"); empty when it said
	// nothing: the package did not build, or its test binary exited before
	// writing its profile.
	Coverage string
	// Seed is the -shuffle seed the test binary printed, nil when it ran
	// the tests in source order.
	Seed *int64
	// Order lists the top-level tests in the order they started.
	Order []string
}

// NoStatements is go test's Coverage for a package without statements.
const NoStatements = "[no statements]"

// Failure is a failed test, or a package that failed as a whole (Test
// empty): a build error, a panic in init, a failing TestMain.
type Failure struct {
	Package string
	Test    string
	// Output is the end of the test's output: its last lines, or the
	// lines before a panic and the panic, each line cut to a bound.
	Output string
	// Unfinished is set for a test that was still running when its test
	// binary exited: log.Fatal, os.Exit, a crash or a -timeout.
	Unfinished bool
	// Kind is set by Classify; empty before.
	Kind Kind
	// Reruns and Passes count the runs of the test alone and those that
	// passed.
	Reruns, Passes int
	// After names, for an order-dependent test, the earlier test whose
	// state it depends on, when Classify could find it.
	After string
	// Replay holds, for an order-dependent test, the go test arguments
	// that run it after what it depends on, in the same order.
	Replay []string
}

// Result is what one go test run produced.
type Result struct {
	Packages []Package
	Failures []Failure
}

// Passed reports whether every package passed.
func (r Result) Passed() bool {
	return len(r.Failures) == 0 && !slices.ContainsFunc(r.Packages, func(p Package) bool { return p.Status == "FAIL" })
}

// Options configure Run.
type Options struct {
	Dir string
	// Args are the user's go test flags and packages, passed through.
	Args []string
	// CoverProfile is where go test writes the coverage profile.
	CoverProfile string
	// Progress receives a line per finished package; nil keeps quiet.
	Progress io.Writer
}

// Run runs go test -json with atomic coverage on opts.Args. A test failure
// is a Result, not an error: the error is for a go command that could not
// run or whose output could not be read, or context.Cause(ctx) when ctx
// was cancelled, which interrupts go test and its test binaries. go test
// runs in a process group of its own, so a terminal's Ctrl-C reaches only
// the caller: cancel ctx on SIGINT and SIGTERM.
func Run(ctx context.Context, opts Options) (Result, error) {
	args := append([]string{"test", "-json", "-covermode=atomic", "-coverprofile=" + opts.CoverProfile}, opts.Args...)
	cmd := exec.CommandContext(ctx, "go", args...)
	cmd.Dir = opts.Dir
	interruptGroup(cmd)
	stderr := new(tail)
	cmd.Stderr = stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return Result{}, err
	}
	if err := cmd.Start(); err != nil {
		return Result{}, fmt.Errorf("starting go test: %w", err)
	}
	res, readErr := Read(stdout, opts.Progress)
	waitErr := cmd.Wait()
	if ctx.Err() != nil {
		return res, context.Cause(ctx)
	}
	if readErr != nil {
		return res, readErr
	}
	var exitErr *exec.ExitError
	if waitErr != nil && !errors.As(waitErr, &exitErr) {
		return res, fmt.Errorf("go test: %w", waitErr)
	}
	if waitErr != nil && res.Passed() {
		// go test failed before running anything we could read: bad flags,
		// no packages matching a pattern, a go.mod error.
		return res, fmt.Errorf("go test %s: %s", strings.Join(opts.Args, " "), strings.TrimSpace(stderr.String()))
	}
	if out := stderr.String(); out != "" && len(res.Failures) > 0 {
		// Build errors outside -json's reach (setup failures) only reach
		// stderr: attach them so the summary shows why.
		res.Failures = append(res.Failures, Failure{Output: out})
	}
	return res, nil
}

// event is one line of go test -json: test2json's TestEvent, or a build
// event (ImportPath instead of Package) from go build -json.
type event struct {
	Action      string
	Package     string
	ImportPath  string
	Test        string
	Elapsed     float64
	Output      string
	FailedBuild string
}

// Read reads a go test -json stream, writing a progress line to progress
// (when not nil) as each package finishes. It keeps the end of the output
// of the tests still running, and of those that failed: memory stays
// bounded however much passing tests print.
func Read(r io.Reader, progress io.Writer) (Result, error) {
	var res Result
	start := time.Now()
	running := make(map[[2]string]*tail) // (package, test) -> output; test "" for the package's own
	builds := make(map[string]*tail)
	told := packageNews{coverage: make(map[string]string), seeds: make(map[string]*int64), orders: make(map[string][]string)}
	tailOf := func(key [2]string) *tail {
		t, ok := running[key]
		if !ok {
			t = new(tail)
			running[key] = t
		}
		return t
	}
	take := func(key [2]string) string {
		out := ""
		if t, ok := running[key]; ok {
			out = t.String()
			delete(running, key)
		}
		return out
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 16*1024*1024)
	for line := 1; sc.Scan(); line++ {
		raw := sc.Bytes()
		if len(raw) == 0 || raw[0] != '{' {
			continue // go vet's or the build's plain text lines
		}
		var ev event
		if err := json.Unmarshal(raw, &ev); err != nil {
			return res, fmt.Errorf("go test -json output line %d: %w", line, err)
		}
		key := [2]string{ev.Package, ev.Test}
		switch ev.Action {
		case "build-output":
			t, ok := builds[ev.ImportPath]
			if !ok {
				t = new(tail)
				builds[ev.ImportPath] = t
			}
			t.WriteString(ev.Output)
		case "run":
			if !strings.Contains(ev.Test, "/") {
				told.orders[ev.Package] = append(told.orders[ev.Package], ev.Test)
			}
		case "output":
			tailOf(key).WriteString(ev.Output)
			if c, ok := coverageOf(ev.Output); ok && told.coverage[ev.Package] == "" {
				told.coverage[ev.Package] = c
			}
			if seed, ok := shuffleSeed(ev); ok {
				told.seeds[ev.Package] = &seed
			}
		case "fail":
			if ev.Test != "" {
				res.Failures = append(res.Failures, Failure{Package: ev.Package, Test: ev.Test, Output: take(key)})
				continue
			}
			res.Failures = append(res.Failures, unfinished(running, ev.Package)...)
			out := take(key)
			if ev.FailedBuild != "" {
				out = ""
				if t, ok := builds[ev.FailedBuild]; ok {
					out = t.String()
				}
			} else if slices.ContainsFunc(res.Failures, func(f Failure) bool { return f.Package == ev.Package }) {
				out = "" // the failing tests say why
			}
			if out != "" {
				res.Failures = append(res.Failures, Failure{Package: ev.Package, Output: out})
			}
			res.finish(ev, "FAIL", told, start, progress)
		case "pass", "skip":
			delete(running, key)
			if ev.Test == "" {
				res.finish(ev, map[string]string{"pass": "ok", "skip": "?"}[ev.Action], told, start, progress)
			}
		}
	}
	return res, sc.Err()
}

// unfinished returns as failures the tests of pkg that had started and not
// ended when its test binary exited, innermost subtests only, and forgets
// them.
func unfinished(running map[[2]string]*tail, pkg string) []Failure {
	var names []string
	for key := range running {
		if key[0] == pkg && key[1] != "" {
			names = append(names, key[1])
		}
	}
	slices.Sort(names)
	var failures []Failure
	for i, name := range names {
		// Sorted, a parent comes right before its first subtest.
		if i+1 < len(names) && strings.HasPrefix(names[i+1], name+"/") {
			delete(running, [2]string{pkg, name})
			continue
		}
		key := [2]string{pkg, name}
		failures = append(failures, Failure{Package: pkg, Test: name, Output: running[key].String(), Unfinished: true})
		delete(running, key)
	}
	return failures
}

// coverageOf returns what go test says of coverage in an output line:
// "coverage: 75.0% of statements" on its own line or at the end of the
// package's summary line.
func coverageOf(line string) (string, bool) {
	if i := strings.LastIndex(line, "\tcoverage: "); i >= 0 {
		line = line[i+1:]
	}
	c, ok := strings.CutPrefix(line, "coverage: ")
	return strings.TrimSpace(c), ok
}

// packageNews is what the events of the packages still running have
// told, by package: go test's coverage line, the shuffle seed and the order
// of the tests.
type packageNews struct {
	coverage map[string]string
	seeds    map[string]*int64
	orders   map[string][]string
}

// shuffleSeed returns the seed that a test binary run with -shuffle prints
// before its first test.
func shuffleSeed(ev event) (int64, bool) {
	rest, ok := strings.CutPrefix(ev.Output, "-test.shuffle ")
	if !ok || ev.Test != "" {
		return 0, false
	}
	seed, err := strconv.ParseInt(strings.TrimSpace(rest), 10, 64)
	return seed, err == nil
}

func (r *Result) finish(ev event, status string, told packageNews, start time.Time, progress io.Writer) {
	pkg := ev.Package
	p := Package{Path: pkg, Status: status, Elapsed: time.Duration(ev.Elapsed * float64(time.Second)),
		Coverage: told.coverage[pkg], Seed: told.seeds[pkg], Order: told.orders[pkg]}
	delete(told.coverage, pkg)
	delete(told.seeds, pkg)
	delete(told.orders, pkg)
	r.Packages = append(r.Packages, p)
	if progress == nil {
		return
	}
	detail := fmt.Sprintf("%.2fs", p.Elapsed.Seconds())
	if status == "?" {
		detail = "[no test files]"
	}
	fmt.Fprintf(progress, "%-4s %s\t%s\t(%s elapsed)\n", status, p.Path, detail, time.Since(start).Round(100*time.Millisecond))
}

// valueFlags are the go test and build flags that take their value as the
// next argument when written without "=".
var valueFlags = map[string]bool{
	"run": true, "skip": true, "bench": true, "benchtime": true, "count": true, "cpu": true,
	"parallel": true, "timeout": true, "shuffle": true, "list": true, "fuzz": true, "fuzztime": true,
	"fuzzminimizetime": true, "coverpkg": true, "covermode": true, "coverprofile": true,
	"blockprofile": true, "cpuprofile": true, "memprofile": true, "mutexprofile": true,
	"outputdir": true, "trace": true, "o": true, "exec": true, "vet": true,
	"p": true, "tags": true, "ldflags": true, "gcflags": true, "asmflags": true, "gccgoflags": true,
	"mod": true, "modfile": true, "overlay": true, "pkgdir": true, "toolexec": true, "pgo": true,
	"C": true, "buildmode": true, "compiler": true, "installsuffix": true, "covervars": true,
}

// TakesValue reports whether the go test or build flag name takes its
// value as the next argument when written without "=".
func TakesValue(name string) bool { return valueFlags[name] }

// SplitArgs separates go test arguments into flags and package patterns,
// so that the analyzers run on the same packages as the tests. Arguments
// after the packages (-args ...) belong to the test binary and are dropped
// from the patterns.
func SplitArgs(args []string) (flags, packages []string) {
	parsed, _ := argv.Split(args, TakesValue, "-args", "--args")
	for _, a := range parsed {
		if a.Name == "" {
			packages = append(packages, a.Raw...)
		} else {
			flags = append(flags, a.Raw...)
		}
	}
	return flags, packages
}

// loadFlags are the go test flags that change which packages and files the
// patterns match.
var loadFlags = map[string]bool{"tags": true, "mod": true, "modfile": true, "overlay": true}

// BuildFlags returns the flags among go test's flags that decide which
// packages and files a pattern matches (-tags, -mod, -modfile, -overlay),
// so that other tools load what the tests are built from.
func BuildFlags(flags []string) []string {
	parsed, _ := argv.Split(flags, TakesValue)
	var kept []string
	for _, a := range parsed {
		if loadFlags[a.Name] {
			kept = append(kept, a.Raw...)
		}
	}
	return kept
}

// CheckArgs reports a go test flag that needs a value and is the last
// argument: go test would say so, but only after check has put its
// default packages after it, which would become the value.
func CheckArgs(args []string) error {
	parsed, _ := argv.Split(args, TakesValue, "-args", "--args")
	if n := len(parsed); n > 0 && TakesValue(parsed[n-1].Name) && !parsed[n-1].HasValue {
		return fmt.Errorf("flag needs an argument: %s", parsed[n-1].Raw[0])
	}
	return nil
}

// CutFlag removes the go test flag -name (or --name), with its value,
// from args before -args, and returns the value it was last given.
func CutFlag(args []string, name string) (value string, rest []string, found bool) {
	parsed, binaryArgs := argv.Split(args, TakesValue, "-args", "--args")
	for _, a := range parsed {
		if a.Name == name {
			value, found = a.Value, true
		} else {
			rest = append(rest, a.Raw...)
		}
	}
	return value, append(rest, binaryArgs...), found
}
