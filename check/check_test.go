package check

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/testgate/testgate/analyzers"
	"github.com/testgate/testgate/coverage"
	"github.com/testgate/testgate/coverage/report"
	"github.com/testgate/testgate/internal/testtree"
)

// checkModule is testdata/checkmod: a failing test, a time.Sleep, a
// package without tests, and coverage below 80%.
func checkModule(*testing.T) string { return testtree.Testdata("checkmod") }

var checked struct {
	once sync.Once
	sum  *Summary
	err  error
}

// checkedModule runs Run on checkModule once per test binary.
func checkedModule(t *testing.T) *Summary {
	t.Helper()
	dir := checkModule(t)
	checked.once.Do(func() {
		checked.sum, checked.err = Run(context.Background(), Options{
			Analyzers: analyzers.All(),
			Coverage:  coverage.Options{Dir: dir, Policy: coverage.DefaultPolicy()},
		})
	})
	if checked.err != nil {
		t.Fatal(checked.err)
	}
	return checked.sum
}

func TestRunFindsTheFailingTestTheSleepAndTheMissedThreshold(t *testing.T) {
	sum := checkedModule(t)
	want := []string{"tests failed", "the analyzers reported", "coverage missed a threshold"}
	if got := sum.Problems(); !slices.Equal(got, want) {
		t.Errorf("Problems() = %q, want %q", got, want)
	}
	if got := sum.Verdict(); got != "check: FAIL: tests failed, the analyzers reported, coverage missed a threshold" {
		t.Errorf("Verdict() = %q", got)
	}
}

// durations are what differs between two runs of the same tests.
var durations = regexp.MustCompile(`\([0-9.]+s\)|"seconds": [0-9.e-]+`)

// TestWriteMatchesTheGoldenFileInEveryFormat renders one real check of
// checkModule in every format, with durations written 0 and the module's
// directory $ROOT.
func TestWriteMatchesTheGoldenFileInEveryFormat(t *testing.T) {
	sum := checkedModule(t)
	dir := checkModule(t)
	for _, format := range report.Formats() {
		t.Run(format, func(t *testing.T) {
			testtree.Golden(t, filepath.Join("testdata", "summary-"+format+".golden"), written(t, sum, format, dir))
		})
	}
}

func TestWriteRejectsAnUnknownFormat(t *testing.T) {
	var out bytes.Buffer
	if err := (&Summary{}).Write(&out, "pdf", "."); err == nil {
		t.Error("Write(pdf) succeeded, want an error")
	}
}

func TestSummaryWithoutCoverageOrLintSaysWhy(t *testing.T) {
	sum := &Summary{LintErr: context.Canceled}
	var out bytes.Buffer
	if err := sum.Write(&out, "table", "."); err != nil {
		t.Fatal(err)
	}
	testtree.Golden(t, filepath.Join("testdata", "summary-nothing.golden"), out.Bytes())
	if sum.Verdict() != "check: FAIL: the analyzers could not run, go test wrote no coverage data" {
		t.Errorf("Verdict() = %q", sum.Verdict())
	}
}

func TestWriteBoundedStopsAtTheBoundSayingHowManyAreLeft(t *testing.T) {
	var out strings.Builder
	writeBounded(&out, 10, 25, "items", func(i int) string { return fmt.Sprintf("item %d\n", i) })
	if want := "item 0\nitem 1\nitem 2\n... and 7 more items\n"; out.String() != want {
		t.Errorf("writeBounded wrote %q, want %q", out.String(), want)
	}
	out.Reset()
	writeBounded(&out, 2, 3, "items", func(i int) string { return strings.Repeat("x", 10) + "\n" })
	if want := "xxxxxxxxxx\n... and 1 more items\n"; out.String() != want {
		t.Errorf("writeBounded with a first item over the bound wrote %q, want it and the note", out.String())
	}
}

func TestSplitArgsKeepsOnlyTestgateFlags(t *testing.T) {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	fs.Float64("total", 80, "")
	fs.Bool("include-generated", false, "")
	fs.String("format", "table", "")
	ours, goTest := SplitArgs(fs, []string{"-total", "85", "-race", "-include-generated", "-tags", "e2e", "-format=json", "-h", "./...", "-args", "-total"})
	if got, want := strings.Join(ours, " "), "-total 85 -include-generated -format=json -h"; got != want {
		t.Errorf("testgate flags = %q, want %q", got, want)
	}
	if got, want := strings.Join(goTest, " "), "-race -tags e2e ./... -args -total"; got != want {
		t.Errorf("go test args = %q, want %q", got, want)
	}
}

// TestRunTellsFailingFlakyAndOrderDependentTestsApart checks
// testdata/hidemod, shuffled with seed 9, which runs
// TestRegisterAddsTheUser before TestUsersStartEmpty; its flaky test fails
// on its first run only, through a marker file, and covers Backoff only
// when it passes. Each format is compared with a golden file.
func TestRunTellsFailingFlakyAndOrderDependentTestsApart(t *testing.T) {
	dir := testtree.Testdata("hidemod")
	t.Setenv("HIDEMOD_FLAKY_MARKER", filepath.Join(t.TempDir(), "ran"))
	seed := int64(9)
	sum, err := Run(context.Background(), Options{
		Analyzers:  analyzers.All(),
		Coverage:   coverage.Options{Dir: dir, Policy: coverage.DefaultPolicy()},
		Shuffle:    &seed,
		RerunFails: 2,
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"tests failed", "order-dependent tests failed", "flaky tests failed", "the analyzers reported"}
	if got := sum.Problems(); !slices.Equal(got, want) {
		t.Errorf("Problems() = %q, want %q", got, want)
	}
	for _, p := range sum.Coverage.Packages {
		// Backoff's two covered statements run only in the reruns.
		if p.Name == "example.com/hidemod/flaky" && p.Covered != 2 {
			t.Errorf("flaky package: %d statements covered, want 2 (the reruns' coverage merged)", p.Covered)
		}
	}
	for _, format := range report.Formats() {
		t.Run(format, func(t *testing.T) {
			testtree.Golden(t, filepath.Join("testdata", "hidemod-"+format+".golden"), written(t, sum, format, dir))
		})
	}

	sum.FlakyWarn = true
	if got := sum.Problems(); slices.Contains(got, "flaky tests failed") {
		t.Errorf("Problems() with flaky: warn = %q, want the flaky test not to fail the check", got)
	}
	if got := string(written(t, sum, "github", dir)); !strings.Contains(got, "::warning title=FLAKY example.com/hidemod/flaky.TestBackoffDoubles::") {
		t.Errorf("github format with flaky: warn lacks a warning for the flaky test:\n%s", got)
	}
}

// written renders sum in format with durations written 0 and dir $ROOT.
func written(t *testing.T, sum *Summary, format, dir string) []byte {
	t.Helper()
	var out bytes.Buffer
	if err := sum.Write(&out, format, dir); err != nil {
		t.Fatal(err)
	}
	got := durations.ReplaceAllFunc(out.Bytes(), func(m []byte) []byte {
		if m[0] == '(' {
			return []byte("(0.00s)")
		}
		return []byte(`"seconds": 0`)
	})
	return bytes.ReplaceAll(got, []byte(filepath.ToSlash(dir)), []byte("$ROOT"))
}
