package testcode

import (
	"go/ast"
	"go/constant"
	"go/types"
	"iter"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
)

// A Kind says how go test treats a function of a _test.go file.
type Kind int

const (
	NotRun    Kind = iota // a helper, or anything go test does not call itself
	Test                  // func TestXxx(t *testing.T)
	Benchmark             // func BenchmarkXxx(b *testing.B)
	Fuzz                  // func FuzzXxx(f *testing.F)
	Example               // func ExampleXxx(), run when it has an output comment
	Main                  // func TestMain(m *testing.M)
)

// KindOf classifies decl by go test's rules (cmd/go's load/test.go and
// go/doc's examples): a top-level function of a _test.go file whose name is
// the prefix alone or the prefix followed by a character that is not a
// lower-case letter, with the one signature the prefix requires. A
// function with the prefix but another signature, such as
// Fuzzer(t *testing.T), is a helper: go test refuses a FuzzXxx that does
// not take a *testing.F, and ignores Fuzzer altogether.
func KindOf(pass *analysis.Pass, decl *ast.FuncDecl) Kind {
	if decl.Recv != nil || decl.Body == nil || !InTestFile(pass, decl.Pos()) {
		return NotRun
	}
	fn, ok := pass.TypesInfo.Defs[decl.Name].(*types.Func)
	if !ok {
		return NotRun
	}
	sig := fn.Signature()
	if sig.TypeParams().Len() > 0 || sig.Results().Len() > 0 || sig.Params().Len() > 1 {
		return NotRun
	}
	name := decl.Name.Name
	param := "" // the name of the testing type the only parameter points to
	if sig.Params().Len() == 1 {
		if ptr, ok := types.Unalias(sig.Params().At(0).Type()).(*types.Pointer); ok {
			for _, t := range []string{"T", "B", "F", "M"} {
				if isNamed(ptr.Elem(), "testing", t) {
					param = t
				}
			}
		}
		if param == "" {
			return NotRun
		}
	}
	switch {
	case name == "TestMain" && param == "M":
		return Main
	case hasTestPrefix(name, "Test") && param == "T":
		return Test
	case hasTestPrefix(name, "Benchmark") && param == "B":
		return Benchmark
	case hasTestPrefix(name, "Fuzz") && param == "F":
		return Fuzz
	case hasTestPrefix(name, "Example") && sig.Params().Len() == 0:
		return Example
	}
	return NotRun
}

// ExampleRuns reports whether go test runs the example decl rather than
// only compiling it: the last comment of its body is an output comment, as
// go/doc's exampleOutput decides.
func ExampleRuns(pass *analysis.Pass, decl *ast.FuncDecl) bool {
	file := FileOf(pass, decl.Pos())
	if file == nil {
		return false
	}
	var last *ast.CommentGroup
	for _, group := range file.Comments {
		if group.Pos() >= decl.Body.Pos() && group.End() <= decl.Body.End() {
			last = group
		}
	}
	if last == nil {
		return false
	}
	text := strings.ToLower(strings.TrimSpace(last.Text()))
	return strings.HasPrefix(text, "output:") || strings.HasPrefix(text, "unordered output:")
}

// Imports reports whether pkg imports one of paths directly: the cheap test
// that lets an analyzer skip a package where its rule cannot apply.
func Imports(pkg *types.Package, paths ...string) bool {
	return Imported(pkg, paths...) != nil
}

// Imported returns the first package among pkg's direct imports whose path
// is one of paths, or nil.
func Imported(pkg *types.Package, paths ...string) *types.Package {
	for _, imp := range pkg.Imports() {
		if slices.Contains(paths, imp.Path()) {
			return imp
		}
	}
	return nil
}

// IsStd reports whether path is a standard-library import path, by the go
// command's rule: its first element has no dot.
func IsStd(path string) bool {
	first, _, _ := strings.Cut(path, "/")
	return !strings.Contains(first, ".")
}

// FuncParts returns the type and body of a function declaration or
// literal; nil for any other node, and a nil body for a declaration
// without one.
func FuncParts(n ast.Node) (*ast.FuncType, *ast.BlockStmt) {
	switch n := n.(type) {
	case *ast.FuncDecl:
		return n.Type, n.Body
	case *ast.FuncLit:
		return n.Type, n.Body
	}
	return nil, nil
}

// Ident returns e, in parentheses or not, as an identifier, or nil.
func Ident(e ast.Expr) *ast.Ident {
	id, _ := ast.Unparen(e).(*ast.Ident)
	return id
}

// ConstString returns the value of e when it is a constant string.
func ConstString(info *types.Info, e ast.Expr) (string, bool) {
	tv, ok := info.Types[e]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(tv.Value), true
}

// ReadsEnv reports whether n calls os.Getenv or os.LookupEnv, as the
// condition that tells a test's re-executed child process from the test
// does: if os.Getenv("GO_WANT_HELPER_PROCESS") != "1" { return }.
func ReadsEnv(info *types.Info, n ast.Node) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok && IsFunc(Callee(info, call), "os", "Getenv", "LookupEnv") {
			found = true
		}
		return !found
	})
	return found
}

// FuncDecls yields the function declarations under root that have a body,
// with the function each declares.
func FuncDecls(info *types.Info, root inspector.Cursor) iter.Seq2[inspector.Cursor, *types.Func] {
	return func(yield func(inspector.Cursor, *types.Func) bool) {
		for cur := range root.Preorder((*ast.FuncDecl)(nil)) {
			decl := cur.Node().(*ast.FuncDecl)
			if fn, ok := info.Defs[decl.Name].(*types.Func); ok && decl.Body != nil && !yield(cur, fn) {
				return
			}
		}
	}
}
