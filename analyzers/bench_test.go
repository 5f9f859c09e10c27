//go:build unix

package analyzers_test

import (
	"fmt"
	"runtime"
	"sync"
	"syscall"
	"testing"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/packages"

	"github.com/testgate/testgate/analyzers"
)

// benchPattern is the real code the benchmarks analyze: x/tools' go/...
// tree, about 280 packages and test variants with 130 test files. x/tools
// is a dependency of this module, so the packages are in the module cache
// wherever `go mod download` has run, and loading them writes nothing.
const benchPattern = "golang.org/x/tools/go/..."

// loadBenchPackages loads benchPattern once per test binary, and only when
// a benchmark asks for it: plain go test never pays for the load.
var loadBenchPackages = sync.OnceValues(func() ([]*packages.Package, error) {
	cfg := &packages.Config{Mode: packages.LoadAllSyntax, Tests: true}
	pkgs, err := packages.Load(cfg, benchPattern)
	if err != nil {
		return nil, fmt.Errorf("loading %s: %w", benchPattern, err)
	}
	if n := packages.PrintErrors(pkgs); n > 0 {
		return nil, fmt.Errorf("loading %s: %d packages have errors", benchPattern, n)
	}
	// One run of the whole suite grows the heap to its working size, so
	// that the first sub-benchmark does not pay alone for fresh pages.
	if _, err := checker.Analyze(analyzers.All(), pkgs, &checker.Options{Sequential: true}); err != nil {
		return nil, fmt.Errorf("warming up on %s: %w", benchPattern, err)
	}
	return pkgs, nil
})

// factBaseline does nothing but declare a fact type and require the
// inspector. A fact type makes the checker run an analyzer, and so the
// inspector, on every dependency of the roots (the standard library
// included), not on the roots alone: that is the least any analyzer with
// facts (noassert, extcall, isolation) costs, and the fair baseline for
// them and for the whole suite.
var factBaseline = &analysis.Analyzer{
	Name:      "factbaseline",
	Doc:       "factbaseline requires the inspector and declares a fact type, and does nothing.",
	Requires:  []*analysis.Analyzer{inspect.Analyzer},
	FactTypes: []analysis.Fact{new(noFact)},
	Run:       func(*analysis.Pass) (any, error) { return nil, nil },
}

type noFact struct{}

func (*noFact) AFact() {}

// BenchmarkSuite measures the analyzers on the packages of benchPattern.
// The baselines are inspect (the inspector on the root packages, what a
// multichecker running x/tools' inspect alone costs) and inspect_facts
// (the inspector on every package, see factBaseline). Each analyzer runs
// alone, with the inspector it requires; nofacts is the four analyzers
// without facts (testname, sleep, secret, cleanup) together; all is
// analyzers.All(). Loading and type-checking, which dominate a run of
// testgate lint, happen once outside the timed loop: the ratios here bound
// the analyzers' own share, and end-to-end costs need the built binary.
//
// The checker runs sequentially, and cpu-ns/op reports the process's CPU
// time (garbage collection included) per run: on a shared, loaded machine
// wall time says more about the neighbours than about the analyzers.
func BenchmarkSuite(b *testing.B) {
	pkgs, err := loadBenchPackages()
	if err != nil {
		b.Skipf("packages to analyze are unavailable: %v", err)
	}
	type benchCase struct {
		name      string
		analyzers []*analysis.Analyzer
	}
	cases := []benchCase{
		{"inspect", []*analysis.Analyzer{inspect.Analyzer}},
		{"inspect_facts", []*analysis.Analyzer{factBaseline}},
	}
	// Each analyzer alone, the ones without facts together (issue 3's
	// four, whose baseline is inspect), and the whole suite.
	var noFacts []*analysis.Analyzer
	for _, a := range analyzers.All() {
		cases = append(cases, benchCase{a.Name, []*analysis.Analyzer{a}})
		if len(a.FactTypes) == 0 {
			noFacts = append(noFacts, a)
		}
	}
	cases = append(cases, benchCase{"nofacts", noFacts}, benchCase{"all", analyzers.All()})
	opts := &checker.Options{Sequential: true}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			var graph *checker.Graph
			// Collect the previous run's garbage first, so that it does not
			// bill its collection to this one.
			runtime.GC()
			start := cpuTime(b)
			for b.Loop() {
				if graph, err = checker.Analyze(c.analyzers, pkgs, opts); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(cpuTime(b)-start)/float64(b.N), "cpu-ns/op")
			for act := range graph.All() {
				if act.Err != nil {
					b.Fatalf("%s: %v", act, act.Err)
				}
			}
		})
	}
}

// cpuTime returns the user and system CPU time the process has used.
func cpuTime(b *testing.B) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatalf("getrusage: %v", err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
