// Package testrun runs go test for testgate check and reads its -json event
// stream: which packages passed, which tests failed with their output, and
// progress lines as packages finish.
package testrun

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"slices"
	"strings"
	"time"

	"github.com/testgate/testgate/internal/argv"
)

// Package is the outcome of one package's tests.
type Package struct {
	Path    string
	Status  string // "ok", "FAIL" or "?" (no test files), as go test prints
	Elapsed time.Duration
}

// Failure is a failed test, or a package that failed as a whole (Test
// empty): a build error, a panic in init, a failing TestMain.
type Failure struct {
	Package string
	Test    string
	Output  string
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
// run or whose output could not be read.
func Run(ctx context.Context, opts Options) (Result, error) {
	args := append([]string{"test", "-json", "-covermode=atomic", "-coverprofile=" + opts.CoverProfile}, opts.Args...)
	cmd := exec.CommandContext(ctx, "go", args...)
	cmd.Dir = opts.Dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return Result{}, err
	}
	if err := cmd.Start(); err != nil {
		return Result{}, fmt.Errorf("starting go test: %w", err)
	}
	res, readErr := Read(stdout, opts.Progress)
	waitErr := cmd.Wait()
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
	if stderr.Len() > 0 && len(res.Failures) > 0 {
		// Build errors outside -json's reach (setup failures) only reach
		// stderr: attach them so the summary shows why.
		res.Failures = append(res.Failures, Failure{Output: stderr.String()})
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
// (when not nil) as each package finishes.
func Read(r io.Reader, progress io.Writer) (Result, error) {
	var res Result
	start := time.Now()
	outputs := make(map[[2]string]*strings.Builder) // (package, test) -> output
	buildOutput := make(map[string]*strings.Builder)
	appendTo := func(m map[[2]string]*strings.Builder, key [2]string, s string) {
		b, ok := m[key]
		if !ok {
			b = new(strings.Builder)
			m[key] = b
		}
		b.WriteString(s)
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
		switch ev.Action {
		case "build-output":
			b, ok := buildOutput[ev.ImportPath]
			if !ok {
				b = new(strings.Builder)
				buildOutput[ev.ImportPath] = b
			}
			b.WriteString(ev.Output)
		case "output":
			appendTo(outputs, [2]string{ev.Package, ev.Test}, ev.Output)
		case "fail":
			if ev.Test != "" {
				res.Failures = append(res.Failures, Failure{ev.Package, ev.Test, testOutput(outputs, ev.Package, ev.Test)})
				continue
			}
			out := ""
			if ev.FailedBuild != "" {
				if b, ok := buildOutput[ev.FailedBuild]; ok {
					out = b.String()
				}
			} else if !slices.ContainsFunc(res.Failures, func(f Failure) bool { return f.Package == ev.Package }) {
				out = testOutput(outputs, ev.Package, "")
			}
			if out != "" {
				res.Failures = append(res.Failures, Failure{Package: ev.Package, Output: out})
			}
			res.finish(ev, "FAIL", start, progress)
		case "pass":
			if ev.Test == "" {
				res.finish(ev, "ok", start, progress)
			}
		case "skip":
			if ev.Test == "" {
				res.finish(ev, "?", start, progress)
			}
		}
	}
	return res, sc.Err()
}

func testOutput(outputs map[[2]string]*strings.Builder, pkg, test string) string {
	if b, ok := outputs[[2]string{pkg, test}]; ok {
		return b.String()
	}
	return ""
}

func (r *Result) finish(ev event, status string, start time.Time, progress io.Writer) {
	p := Package{Path: ev.Package, Status: status, Elapsed: time.Duration(ev.Elapsed * float64(time.Second))}
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

// TagFlags returns the -tags flags among go test's flags, so that other
// tools see the files the tests are built from.
func TagFlags(flags []string) []string {
	parsed, _ := argv.Split(flags, TakesValue)
	var tags []string
	for _, a := range parsed {
		if a.Name == "tags" {
			tags = append(tags, a.Raw...)
		}
	}
	return tags
}
