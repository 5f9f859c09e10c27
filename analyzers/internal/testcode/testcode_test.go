package testcode_test

import (
	"go/ast"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/testgate/testgate/analyzers/internal/testcode"
)

// probeAnalyzer reports, at each call of a function named probe, what
// testcode says encloses it, and at each function declaration what kind of
// test function it is, so that testdata can state the expected answers
// with // want comments.
var probeAnalyzer = &analysis.Analyzer{
	Name:     "probe",
	Doc:      "reports what testcode sees",
	Requires: []*analysis.Analyzer{inspect.Analyzer},
	Run:      testcode.WithIgnores(runProbe),
}

func runProbe(pass *analysis.Pass) (any, error) {
	ins := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	for cur := range ins.Root().Preorder((*ast.CallExpr)(nil), (*ast.FuncDecl)(nil)) {
		switch n := cur.Node().(type) {
		case *ast.FuncDecl:
			if kind := funcKind(pass, n); kind != "" {
				pass.Reportf(n.Name.Pos(), "%s", kind)
			}
		case *ast.CallExpr:
			if id, ok := n.Fun.(*ast.Ident); !ok || id.Name != "probe" {
				continue
			}
			pass.Reportf(n.Pos(), "%s", enclosures(pass, cur))
		}
	}
	return nil, nil
}

var kindNames = map[testcode.Kind]string{
	testcode.Test:      "test",
	testcode.Benchmark: "benchmark",
	testcode.Fuzz:      "fuzz",
	testcode.Example:   "example",
	testcode.Main:      "testmain",
}

func funcKind(pass *analysis.Pass, decl *ast.FuncDecl) string {
	var kinds []string
	if kind := kindNames[testcode.KindOf(pass, decl)]; kind != "" {
		kinds = append(kinds, kind)
	}
	if v := testcode.TestingParam(pass.TypesInfo, decl.Type); v != nil {
		kinds = append(kinds, "param="+v.Name())
	}
	return strings.Join(kinds, " ")
}

func enclosures(pass *analysis.Pass, cur inspector.Cursor) string {
	kinds := []string{"probe"}
	checks := []struct {
		name string
		in   func(cur inspector.Cursor) bool
	}{
		{"bubble", func(c inspector.Cursor) bool { return testcode.InSynctestBubble(pass.TypesInfo, c) }},
		{"goroutine", func(c inspector.Cursor) bool { return testcode.InGoroutine(pass.TypesInfo, c) }},
		{"cleanup", func(c inspector.Cursor) bool { return testcode.InCleanup(pass.TypesInfo, c) }},
		{"handler", func(c inspector.Cursor) bool { return testcode.InHTTPHandler(pass.TypesInfo, c) }},
		{"testfile", func(c inspector.Cursor) bool { return testcode.InTestFile(pass, c.Node().Pos()) }},
	}
	for _, check := range checks {
		if check.in(cur) {
			kinds = append(kinds, check.name)
		}
	}
	if fn, ok := testcode.EnclosingFunc(cur); ok {
		if decl, ok := fn.Node().(*ast.FuncDecl); ok {
			kinds = append(kinds, "in="+decl.Name.Name)
		} else {
			kinds = append(kinds, "in=literal")
		}
	}
	return strings.Join(kinds, " ")
}

func TestHelpersClassifyEnclosuresAndTestFunctions(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), probeAnalyzer, "probe")
}

// KindOf follows go test: the prefix alone or followed by a character that
// is not lower-case, and the one signature the prefix asks for.
func TestKindOfFollowsGoTestsRules(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), probeAnalyzer, "kinds", "kindsmain")
}

// sleepProbe is the probe under the name of a suite analyzer, so that
// directives can name it, and misspell it.
var sleepProbe = &analysis.Analyzer{
	Name:     "sleep",
	Doc:      "reports what testcode sees, as sleep",
	Requires: []*analysis.Analyzer{inspect.Analyzer},
	Run:      testcode.WithIgnores(runProbe),
}

func TestDirectivesReportUnusedUnknownAndFileLevelSuppressions(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), sleepProbe, "ignores")
}

func TestNoAnalyzerReportsInGeneratedFiles(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), probeAnalyzer, "generated")
}

func TestTestFilesListsOnlyTestFiles(t *testing.T) {
	var names []string
	lister := &analysis.Analyzer{
		Name: "lister",
		Doc:  "lists test files",
		Run: func(pass *analysis.Pass) (any, error) {
			for _, f := range testcode.TestFiles(pass) {
				names = append(names, pass.Fset.File(f.FileStart).Name())
				if testcode.FileOf(pass, f.Package) != f {
					t.Errorf("FileOf did not find the file holding its own package clause")
				}
			}
			if testcode.FileOf(pass, 0) != nil {
				t.Errorf("FileOf(NoPos) found a file")
			}
			return nil, nil
		},
	}
	analysistest.Run(t, analysistest.TestData(), lister, "plain")
	for _, name := range names {
		if !strings.HasSuffix(name, "_test.go") {
			t.Errorf("TestFiles returned non-test file %s", name)
		}
	}
	if len(names) == 0 {
		t.Fatal("TestFiles returned no files for a package with tests")
	}
}
