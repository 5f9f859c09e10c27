package coverage

import (
	"cmp"
	"fmt"
	"go/ast"
	"go/build"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// astSkeleton is the skeleton of a file as go/ast sees it: the reference
// scanSkeleton must agree with.
func astSkeleton(fset *token.FileSet, f *ast.File) *skeleton {
	sk := &skeleton{}
	at := func(p token.Pos) pos { return position(fset, p) }
	addStmt := func(s ast.Stmt) {
		for {
			l, ok := s.(*ast.LabeledStmt)
			if !ok {
				break
			}
			s = l.Stmt
		}
		sk.stmts = append(sk.stmts, at(s.Pos()))
	}
	ast.Inspect(f, func(n ast.Node) bool {
		var list []ast.Stmt
		switch n := n.(type) {
		case *ast.FuncDecl:
			if n.Body == nil || n.Name.Name == "_" {
				return false
			}
			sk.funcs = append(sk.funcs, skelFunc{lbrace: at(n.Body.Lbrace), end: at(n.Body.End())})
		case *ast.IfStmt:
			i := skelIf{at: at(n.If), lbrace: at(n.Body.Lbrace), bodyEnd: at(n.Body.End())}
			if n.Else != nil {
				i.elseEnd = at(n.Else.End())
			}
			if elif, ok := n.Else.(*ast.IfStmt); ok {
				addStmt(elif)
			}
			sk.ifs = append(sk.ifs, i)
		case *ast.CaseClause:
			sk.clauses = append(sk.clauses, skelClause{at: at(n.Case), colon: at(n.Colon), isDefault: n.List == nil})
			list = n.Body
		case *ast.CommClause:
			sk.clauses = append(sk.clauses, skelClause{at: at(n.Case), colon: at(n.Colon), isDefault: n.Comm == nil})
			list = n.Body
		case *ast.BlockStmt:
			list = n.List
		}
		for _, s := range list {
			switch s.(type) {
			case *ast.CaseClause, *ast.CommClause: // a switch's or select's body
			default:
				addStmt(s)
			}
		}
		return true
	})
	return sk
}

// diffSkeletons describes how got differs from want, "" if not; clause
// ends are the scanner's own bounds and not compared.
func diffSkeletons(got, want *skeleton) string {
	var d []string
	if !slices.Equal(got.funcs, want.funcs) {
		d = append(d, fmt.Sprintf("funcs:\n got %v\nwant %v", got.funcs, want.funcs))
	}
	if !slices.Equal(got.ifs, want.ifs) {
		d = append(d, fmt.Sprintf("ifs:\n got %v\nwant %v", got.ifs, want.ifs))
	}
	clause := func(c skelClause) skelClause { c.end = pos{}; return c }
	gc, wc := got.clauses, want.clauses
	if !slices.EqualFunc(gc, wc, func(a, b skelClause) bool { return clause(a) == clause(b) }) {
		d = append(d, fmt.Sprintf("clauses:\n got %v\nwant %v", gc, wc))
	}
	byPos := func(a, b pos) int { return cmp.Or(a.line-b.line, a.col-b.col) }
	gs, ws := slices.SortedFunc(slices.Values(got.stmts), byPos), slices.SortedFunc(slices.Values(want.stmts), byPos)
	if !slices.Equal(gs, ws) {
		for _, p := range ws {
			if _, found := slices.BinarySearchFunc(gs, p, byPos); !found {
				d = append(d, fmt.Sprintf("statement at %d:%d missed", p.line, p.col))
				break
			}
		}
		for _, p := range gs {
			if _, found := slices.BinarySearchFunc(ws, p, byPos); !found {
				d = append(d, fmt.Sprintf("statement at %d:%d is none", p.line, p.col))
				break
			}
		}
	}
	return strings.Join(d, "\n")
}

func checkSkeleton(t *testing.T, name string, src []byte) {
	t.Helper()
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, name, src, parser.SkipObjectResolution)
	if err != nil {
		return
	}
	var sk skeleton
	scanSkeleton(src, &sk)
	if d := diffSkeletons(&sk, astSkeleton(fset, f)); d != "" {
		t.Errorf("%s: scanSkeleton differs from go/ast:\n%s", name, d)
	}
}

func TestScanSkeletonAgreesWithGoASTOnTheShapes(t *testing.T) {
	for _, name := range []string{"shapes/shapes.go", "errs/errs.go"} {
		src, err := os.ReadFile(filepath.Join("..", "testdata", "metrics", name))
		if err != nil {
			t.Fatal(err)
		}
		checkSkeleton(t, name, src)
	}
	checkSkeleton(t, "ignore.go", []byte(ignoreSource))
	checkSkeleton(t, "oneline.go", []byte(onelineSource))
}

// TestScanSkeletonAgreesWithGoASTOnTheStandardLibrary compares the two on
// the Go files of a part of GOROOT: real code in every style.
func TestScanSkeletonAgreesWithGoASTOnTheStandardLibrary(t *testing.T) {
	if testing.Short() {
		t.Skip("reads a few hundred files of GOROOT")
	}
	n := 0
	for _, dir := range []string{"go", "net/http", "encoding", "text/template", "fmt", "strconv", "sort", "slices", "internal/coverage", "cmd/cover"} {
		root := filepath.Join(build.Default.GOROOT, "src", filepath.FromSlash(dir))
		err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
				return err
			}
			src, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			n++
			checkSkeleton(t, path, src)
			return nil
		})
		if err != nil {
			t.Skipf("GOROOT sources unavailable: %v", err)
		}
	}
	if n < 100 {
		t.Errorf("compared %d files, want hundreds", n)
	}
}

// FuzzScanSkeleton holds scanSkeleton to go/ast on any source that parses,
// and to not failing on any that does not.
func FuzzScanSkeleton(f *testing.F) {
	for _, name := range []string{"shapes/shapes.go", "errs/errs.go"} {
		src, err := os.ReadFile(filepath.Join("..", "testdata", "metrics", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(src)
	}
	f.Add([]byte(ignoreSource))
	f.Add([]byte(onelineSource))
	f.Add([]byte("package p\nfunc f() { for _, g := range []func(){a, b} { g() }; L: if x := [2]int{1}; x[0] > 0 { goto L } }\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		checkSkeleton(t, "fuzz.go", src)
	})
}
