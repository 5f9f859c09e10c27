package testname

import (
	_ "embed"
	"go/ast"
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/testgate/testgate/analyzers/internal/testcode"
)

//go:embed doc.go
var doc string

// Analyzer is the testname analyzer.
var Analyzer = &analysis.Analyzer{
	Name:     "testname",
	Doc:      testcode.MustExtractDoc(doc, "testname"),
	URL:      "https://pkg.go.dev/github.com/testgate/testgate/analyzers/testname",
	Requires: []*analysis.Analyzer{inspect.Analyzer},
	Run:      testcode.WithIgnores(run),
}

func run(pass *analysis.Pass) (any, error) {
	if len(testcode.TestFiles(pass)) == 0 {
		return nil, nil
	}
	root := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector).Root()
	var tests []*ast.FuncDecl
	subs := newSubtests(pass, root)
	for file := range root.Children() {
		// Nobody can rename the tests of a generated file (smithy's
		// TestEndpointCase0..N): its generator owns the names.
		if f := file.Node().(*ast.File); !testcode.IsTestFile(pass, f) || ast.IsGenerated(f) {
			continue
		}
		for cur := range file.Preorder((*ast.FuncDecl)(nil), (*ast.CallExpr)(nil)) {
			switch n := cur.Node().(type) {
			case *ast.FuncDecl:
				if testcode.KindOf(pass, n) == testcode.Test {
					tests = append(tests, n)
				}
			case *ast.CallExpr:
				subs.check(cur, n)
			}
		}
	}
	checkTestNames(pass, tests)
	return nil, nil
}

// checkTestNames reports top-level tests named by a placeholder or a bare
// number, and tests that differ from a sibling only by an ordinal.
func checkTestNames(pass *analysis.Pass, tests []*ast.FuncDecl) {
	// byStem groups tests by name without the trailing number: TestLogin,
	// TestLogin1 and TestLogin_2 share the stem TestLogin.
	byStem := make(map[string]map[int]string)
	for _, fn := range tests {
		stem, digits := splitNumber(fn.Name.Name)
		n := -1 // the bare stem
		if digits != "" {
			var err error
			if n, err = strconv.Atoi(digits); err != nil {
				continue // too long to be an ordinal
			}
		}
		if byStem[stem] == nil {
			byStem[stem] = make(map[int]string)
		}
		byStem[stem][n] = fn.Name.Name
	}

	var under *identIndex // built on first need: most packages never need it
	for _, fn := range tests {
		name := fn.Name.Name
		rest := strings.TrimPrefix(strings.TrimPrefix(name, "Test"), "_")
		word, digits := splitNumber(rest)
		switch {
		case rest == "":
			// func Test(t *testing.T) is the hook of gocheck-style suites.
		case word == "" && len(digits) <= 2:
			// Longer bare numbers are issue numbers or versions, as in
			// cgo's Test1328 for golang.org/issue/1328.
			reportVague(pass, fn)
		case placeholderTestWords[strings.ToLower(word)]:
			if under == nil {
				under = newIdentIndex(pass)
			}
			if !under.names[strings.ToLower(word)] {
				reportVague(pass, fn)
			}
		case digits != "" && !strings.ContainsAny(word, "0123456789"):
			// A stem with digits of its own (Go1Dot5, X509v3) is a
			// version, not a count.
			n, err := strconv.Atoi(digits)
			if err != nil {
				continue
			}
			stem, _ := splitNumber(name)
			sibling, ok := previousOrdinal(byStem[stem], n)
			if !ok && strings.HasSuffix(name, "_"+digits) {
				// An underscore before the number sets it apart as a
				// count (TestNormalize_2, TestNormalize_5): no
				// variant or version is written that way, so any
				// lower sibling makes it a copy, gaps or not.
				sibling, ok = lowerSibling(byStem[stem], n)
			}
			if !ok {
				continue
			}
			if under == nil {
				under = newIdentIndex(pass)
			}
			if !under.numberMeansSomething(word, digits) {
				pass.Reportf(fn.Name.Pos(), "test name %s differs from %s only by a number; name what it verifies that %s does not", name, sibling, sibling)
			}
		}
	}
}

// previousOrdinal returns the test that the n-th member of a family of
// tests (indexed by trailing number, -1 for the bare stem) copies, when the
// family counts up to n: TestX2 after TestX or TestX1, TestX3 after TestX2
// that follows one of those. Gaps mean the numbers are not counts:
// TestBitwiseContended8 beside TestBitwiseContended is the 8-bit variant,
// TestConnectionClose11 beside TestConnectionClose10 is HTTP/1.1.
func previousOrdinal(family map[int]string, n int) (string, bool) {
	low := n // the smallest m such that the family holds every number from m to n-1
	for low > 0 && family[low-1] != "" {
		low--
	}
	switch {
	case low < n && low <= 1:
		return family[n-1], true
	case low <= 2 && family[-1] != "":
		if low < n {
			return family[n-1], true
		}
		return family[-1], true
	}
	return "", false
}

// lowerSibling returns the member of family with the highest number below
// n, the bare stem counting as the lowest.
func lowerSibling(family map[int]string, n int) (string, bool) {
	for m := n - 1; m >= -1; m-- {
		if name := family[m]; name != "" {
			return name, true
		}
	}
	return "", false
}

func reportVague(pass *analysis.Pass, fn *ast.FuncDecl) {
	pass.Reportf(fn.Name.Pos(), "test name %s says nothing about what it verifies; name the behaviour under test (e.g. TestParseRejectsEmptyInput)", fn.Name.Name)
}

// identIndex holds the identifiers of the package under test, so that a
// test named after one of them (TestFunc for expvar.Func, TestTODO for
// context.TODO, TestGetInt8 for a method GetInt8) is taken at its word.
type identIndex struct {
	names map[string]bool // lower-cased identifiers
	words map[string]bool // their lower-cased words, digits included ("int8", "http2")
}

func newIdentIndex(pass *analysis.Pass) *identIndex {
	idx := &identIndex{names: make(map[string]bool), words: make(map[string]bool)}
	pkg := packageUnderTest(pass)
	idx.add(pkg.Name())
	for _, name := range pkg.Scope().Names() {
		obj := pkg.Scope().Lookup(name)
		if testcode.InTestFile(pass, obj.Pos()) {
			continue // the tests' own helpers say nothing about the code under test
		}
		idx.add(name)
		tn, ok := obj.(*types.TypeName)
		if !ok {
			continue
		}
		named, ok := types.Unalias(tn.Type()).(*types.Named)
		if !ok {
			continue
		}
		for m := range named.Methods() {
			idx.add(m.Name())
		}
		if st, ok := named.Underlying().(*types.Struct); ok {
			for f := range st.Fields() {
				idx.add(f.Name())
			}
		}
	}
	return idx
}

func (idx *identIndex) add(name string) {
	idx.names[strings.ToLower(name)] = true
	for _, w := range words(name) {
		idx.words[w] = true
	}
}

// numberMeansSomething reports whether digits complete the last word of
// stem into a name of its own (HTTP2, Int8, IPv6, Login2 declared by the
// package under test) rather than counting copies of a test.
func (idx *identIndex) numberMeansSomething(stem, digits string) bool {
	ws := words(stem)
	if len(ws) == 0 {
		return false
	}
	last := ws[len(ws)-1]
	if idx.names[strings.ToLower(stem+digits)] || idx.words[last+digits] {
		return true
	}
	if types.Universe.Lookup(last+digits) != nil { // int8, float64, complex128
		return true
	}
	return strings.HasSuffix(last, "v") || numberedWords[strings.TrimRight(last, "0123456789")]
}

// packageUnderTest returns the package whose code the pass's tests
// exercise: the package itself, or for an external foo_test package the
// foo it imports.
func packageUnderTest(pass *analysis.Pass) *types.Package {
	if path, external := strings.CutSuffix(pass.Pkg.Path(), "_test"); external {
		if imp := testcode.Imported(pass.Pkg, path); imp != nil {
			return imp
		}
	}
	return pass.Pkg
}
