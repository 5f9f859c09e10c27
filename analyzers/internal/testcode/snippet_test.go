package testcode

import (
	"go/ast"
	"go/constant"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"maps"
	"slices"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
)

// snippetFset and stdImporter are shared by every snippet of the test
// binary: the importer reads each standard package's export data once, by
// running the go command, which would otherwise dominate the tests' time.
var (
	snippetFset = token.NewFileSet()
	stdImporter = importer.ForCompiler(snippetFset, "gc", nil)
)

// checkSnippet type-checks files (name to source) as one package p under
// goVersion ("" for none) and returns the pass an analyzer would get for
// it, with the diagnostics it reports appended to *reported when that is
// not nil. Any type error fails the test, so that a snippet says what it
// means.
func checkSnippet(t *testing.T, goVersion string, files map[string]string, reported *[]analysis.Diagnostic) *analysis.Pass {
	t.Helper()
	var parsed []*ast.File
	for _, name := range slices.Sorted(maps.Keys(files)) {
		f, err := parser.ParseFile(snippetFset, name, files[name], parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		parsed = append(parsed, f)
	}
	info := &types.Info{
		Types:        make(map[ast.Expr]types.TypeAndValue),
		Defs:         make(map[*ast.Ident]types.Object),
		Uses:         make(map[*ast.Ident]types.Object),
		Implicits:    make(map[ast.Node]types.Object),
		Selections:   make(map[*ast.SelectorExpr]*types.Selection),
		Scopes:       make(map[ast.Node]*types.Scope),
		FileVersions: make(map[*ast.File]string),
	}
	conf := &types.Config{Importer: stdImporter, GoVersion: goVersion}
	pkg, err := conf.Check("p", snippetFset, parsed, info)
	if err != nil {
		t.Fatal(err)
	}
	return &analysis.Pass{
		Analyzer:  &analysis.Analyzer{Name: "sleep"},
		Fset:      snippetFset,
		Files:     parsed,
		Pkg:       pkg,
		TypesInfo: info,
		Report: func(d analysis.Diagnostic) {
			if reported != nil {
				*reported = append(*reported, d)
			}
		},
	}
}

// marks returns the cursor of each call mark("label") in pass's files by
// its label: the points a test asks about.
func marks(t *testing.T, pass *analysis.Pass) map[string]inspector.Cursor {
	t.Helper()
	found := make(map[string]inspector.Cursor)
	for cur := range inspectorRoot(pass).Preorder((*ast.CallExpr)(nil)) {
		call := cur.Node().(*ast.CallExpr)
		if id, ok := call.Fun.(*ast.Ident); !ok || id.Name != "mark" {
			continue
		}
		label := constant.StringVal(pass.TypesInfo.Types[call.Args[0]].Value)
		if _, dup := found[label]; dup {
			t.Fatalf("two marks labelled %q", label)
		}
		found[label] = cur
	}
	return found
}

// funcNamed returns the declaration of the function or method name in
// pass's files.
func funcNamed(t *testing.T, pass *analysis.Pass, name string) *ast.FuncDecl {
	t.Helper()
	for _, f := range pass.Files {
		for _, decl := range f.Decls {
			if fd, ok := decl.(*ast.FuncDecl); ok && fd.Name.Name == name {
				return fd
			}
		}
	}
	t.Fatalf("no function %s in the snippet", name)
	return nil
}

// exprText prints e for messages and comparisons, "<nil>" for none.
func exprText(e ast.Expr) string {
	if e == nil {
		return "<nil>"
	}
	return types.ExprString(e)
}

// inspectorRoot returns the root cursor of pass's files.
func inspectorRoot(pass *analysis.Pass) inspector.Cursor {
	return inspector.New(pass.Files).Root()
}
