package testcode

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
)

// Parallelism says whether a test runs in parallel with others.
type Parallelism int

const (
	Serial           Parallelism = iota
	Parallel                     // the test calls t.Parallel itself
	ParallelAncestor             // a test it is a subtest of called t.Parallel before starting it
)

// A Tests index knows, for the testing values (t, b, f, tb) of a
// package's test files, which test started each subtest and where each
// calls Parallel: what it takes to tell whether t.Setenv and t.Chdir panic.
type Tests struct {
	info   *types.Info
	scopes map[*types.Var]*scope
}

// A scope is a function with a testing parameter: a test, a helper, or a
// function literal that a test starts, such as a subtest.
type scope struct {
	parent   *scope    // the test whose call started this one, or nil
	start    token.Pos // where the parent started it
	parallel []token.Pos
}

// NewTests indexes the test files of pass, whose syntax root is root.
func NewTests(pass *analysis.Pass, root inspector.Cursor) *Tests {
	ix := &Tests{info: pass.TypesInfo, scopes: make(map[*types.Var]*scope)}
	for file := range root.Children() {
		if !IsTestFile(pass, file.Node().(*ast.File)) {
			continue
		}
		for cur := range file.Preorder((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil), (*ast.CallExpr)(nil)) {
			switch n := cur.Node().(type) {
			case *ast.FuncDecl, *ast.FuncLit:
				ftype, _ := FuncParts(n)
				tv := TestingParam(ix.info, ftype)
				if tv == nil {
					continue
				}
				s := new(scope)
				if call, ok := cur.Parent().Node().(*ast.CallExpr); ok && call.Fun != n {
					s.parent, s.start = ix.startedBy(call), call.Pos()
				}
				ix.scopes[tv] = s
			case *ast.CallExpr:
				if s := ix.receiver(n, "Parallel"); s != nil {
					s.parallel = append(s.parallel, n.Pos())
				}
			}
		}
	}
	return ix
}

// startedBy returns the scope of the test that starts a function literal
// through call: the receiver of t.Run, or a testing value passed along
// with the literal (synctest.Test(t, f)).
func (ix *Tests) startedBy(call *ast.CallExpr) *scope {
	if s := ix.receiver(call, "Run"); s != nil {
		return s
	}
	for _, arg := range call.Args {
		if s := ix.scopeOf(arg); s != nil {
			return s
		}
	}
	return nil
}

// receiver returns the scope of the testing value that call calls the
// testing method name on, if the call is that.
func (ix *Tests) receiver(call *ast.CallExpr, name string) *scope {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != name || !IsTestingMethod(Callee(ix.info, call), name) {
		return nil
	}
	return ix.scopeOf(sel.X)
}

func (ix *Tests) scopeOf(e ast.Expr) *scope {
	if id := Ident(e); id != nil {
		if v, ok := ix.info.Uses[id].(*types.Var); ok {
			return ix.scopes[v]
		}
	}
	return nil
}

// Known reports whether v is the testing parameter of a function of the
// package's test files.
func (ix *Tests) Known(v *types.Var) bool { return ix.scopes[v] != nil }

// ParallelOf tells whether the test whose testing value is v runs in
// parallel with other tests when its body runs. Its own t.Parallel counts
// wherever it stands (t.Parallel after t.Setenv panics as well); an
// ancestor's only before the call that started the subtest, because
// t.Setenv looks at the ancestors' state when it runs and a serial subtest
// has finished by the time its t.Run returns.
func (ix *Tests) ParallelOf(v *types.Var) Parallelism {
	s := ix.scopes[v]
	if s == nil {
		return Serial
	}
	if len(s.parallel) > 0 {
		return Parallel
	}
	for child, p := s, s.parent; p != nil; child, p = p, p.parent {
		if slices.ContainsFunc(p.parallel, func(pos token.Pos) bool { return pos < child.start }) {
			return ParallelAncestor
		}
	}
	return Serial
}

// ParallelAt tells whether the code at cur runs in a parallel test: the
// test of the innermost function around cur that has a testing parameter.
func (ix *Tests) ParallelAt(cur inspector.Cursor) Parallelism {
	for f := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		ftype, _ := FuncParts(f.Node())
		if tv := TestingParam(ix.info, ftype); tv != nil && ix.Known(tv) {
			return ix.ParallelOf(tv)
		}
	}
	return Serial
}
