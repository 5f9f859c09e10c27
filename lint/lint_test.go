package lint

import (
	"flag"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/testgate/testgate/internal/testtree"
)

// lintModule is testdata/lintmod, whose tests have one bad name (line 8)
// and one time.Sleep (line 17).
func lintModule(*testing.T) string { return testtree.Testdata("lintmod") }

// flagSetForTest returns a flag set that reports errors instead of exiting.
func flagSetForTest() *flag.FlagSet {
	fs := flag.NewFlagSet("test", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

func TestSelectionFollowsTheMulticheckerRules(t *testing.T) {
	suite := []*analysis.Analyzer{{Name: "a"}, {Name: "b"}, {Name: "c"}}
	tests := []struct {
		name  string
		flags []string
		want  []string
	}{
		{"no flag runs every analyzer", nil, []string{"a", "b", "c"}},
		{"a true flag runs only the named ones", []string{"-c", "-a"}, []string{"a", "c"}},
		{"a false flag leaves one out", []string{"-b=false"}, []string{"a", "c"}},
		{"true flags win over false ones", []string{"-a", "-b=false"}, []string{"a"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := flagSetForTest()
			sel := RegisterFlags(fs, suite)
			if err := fs.Parse(tt.flags); err != nil {
				t.Fatalf("Parse(%q): %v", tt.flags, err)
			}
			var got []string
			for _, a := range sel.Analyzers(suite) {
				got = append(got, a.Name)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("flags %q select %q, want %q", tt.flags, got, tt.want)
			}
		})
	}
}

func TestAnalyzerFlagsReachTheAnalyzer(t *testing.T) {
	a := &analysis.Analyzer{Name: "a"}
	hosts := a.Flags.String("hosts", "", "hosts to report")
	fs := flagSetForTest()
	RegisterFlags(fs, []*analysis.Analyzer{a})
	if err := fs.Parse([]string{"-a.hosts=db.internal", "./..."}); err != nil {
		t.Fatal(err)
	}
	if *hosts != "db.internal" {
		t.Errorf("-a.hosts set the analyzer's flag to %q, want db.internal", *hosts)
	}
}

// everyFile reports each file's package clause, so files that a package
// shares with its test variant show whether findings are de-duplicated.
var everyFile = &analysis.Analyzer{
	Name: "everyfile",
	Doc:  "everyfile: reports every file",
	Run: func(pass *analysis.Pass) (any, error) {
		if strings.HasSuffix(pass.Pkg.Path(), ".test") {
			return nil, nil // the generated test main, whose file lives in the build cache
		}
		for _, f := range pass.Files {
			pass.Report(analysis.Diagnostic{Pos: f.Name.Pos(), End: f.Name.End(), Message: "file of package " + f.Name.Name})
		}
		return nil, nil
	},
}

func TestRunReportsAFileSharedWithTheTestVariantOnce(t *testing.T) {
	tests := []struct {
		name      string
		withTests bool
		want      []string
	}{
		{"with tests", true, []string{"greet.go", "greet_test.go"}},
		{"without tests", false, []string{"greet.go"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Run(Options{Analyzers: []*analysis.Analyzer{everyFile}, Patterns: []string{"./..."}, Tests: tt.withTests, Dir: lintModule(t)})
			if err != nil {
				t.Fatalf("Run: %v", err)
			}
			var files []string
			for _, f := range res.Findings {
				files = append(files, filepath.Base(f.Posn.Filename))
			}
			if !slices.Equal(files, tt.want) || len(res.Problems) > 0 {
				t.Errorf("findings in %q, problems %q; want one finding in each of %q and no problems", files, res.Problems, tt.want)
			}
		})
	}
}

type aFact struct{}

func (*aFact) AFact() {}

// usesFacts is an analyzer with a fact type, which the checker runs on
// every package reachable through Imports.
var usesFacts = &analysis.Analyzer{
	Name:      "usesfacts",
	Doc:       "usesfacts: does nothing, with facts",
	FactTypes: []analysis.Fact{new(aFact)},
	Run:       func(*analysis.Pass) (any, error) { return nil, nil },
}

// TestCheckerFollowsImports pins the behaviour of x/tools' checker that
// keepRootImports rests on. If an x/tools upgrade fails it, read
// keepRootImports again: either the checker no longer runs fact analyzers
// on dependencies loaded from export data (keepRootImports may go), or it
// no longer finds them through Imports (keepRootImports no longer helps,
// and every run pays for actions on packages without types).
func TestCheckerFollowsImports(t *testing.T) {
	load := func(t *testing.T) []*packages.Package {
		t.Helper()
		cfg := &packages.Config{Mode: packages.LoadSyntax | packages.NeedModule, Tests: true, Dir: lintModule(t)}
		pkgs, err := packages.Load(cfg, "./...")
		if err != nil {
			t.Fatal(err)
		}
		return pkgs
	}
	// actions runs usesFacts and counts the actions on packages that were
	// not loaded from source, and those that failed.
	actions := func(t *testing.T, pkgs []*packages.Package) (placeholders, failed int) {
		t.Helper()
		graph, err := checker.Analyze([]*analysis.Analyzer{usesFacts}, pkgs, nil)
		if err != nil {
			t.Fatal(err)
		}
		for act := range graph.All() {
			if act.Package.Types == nil || len(act.Package.Syntax) == 0 {
				placeholders++
			}
			if act.Err != nil {
				failed++
			}
		}
		return placeholders, failed
	}

	t.Run("without keepRootImports the checker visits dependencies", func(t *testing.T) {
		placeholders, failed := actions(t, load(t))
		if placeholders == 0 {
			t.Errorf("the checker ran a fact analyzer on no dependency loaded from export data: keepRootImports may no longer be needed")
		}
		if failed != 0 {
			t.Errorf("%d of %d actions on packages without source failed; keepRootImports is now needed for correctness, say so in its comment", failed, placeholders)
		}
	})
	t.Run("with keepRootImports it visits only packages loaded from source", func(t *testing.T) {
		pkgs := load(t)
		keepRootImports(pkgs)
		if placeholders, failed := actions(t, pkgs); placeholders != 0 || failed != 0 {
			t.Errorf("after keepRootImports: %d actions on packages without source, %d failed; want none: the checker finds dependencies another way", placeholders, failed)
		}
	})
}
