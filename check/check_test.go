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
			got = bytes.ReplaceAll(got, []byte(filepath.ToSlash(dir)), []byte("$ROOT"))
			testtree.Golden(t, filepath.Join("testdata", "summary-"+format+".golden"), got)
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
