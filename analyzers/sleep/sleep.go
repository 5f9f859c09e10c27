package sleep

import (
	_ "embed"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/testgate/testgate/analyzers/internal/testcode"
)

//go:embed doc.go
var doc string

// Analyzer is the sleep analyzer.
var Analyzer = &analysis.Analyzer{
	Name:     "sleep",
	Doc:      testcode.MustExtractDoc(doc, "sleep"),
	URL:      "https://pkg.go.dev/github.com/testgate/testgate/analyzers/sleep",
	Requires: []*analysis.Analyzer{inspect.Analyzer},
	Run:      testcode.WithIgnores(run),
}

// A wait is a statement that blocks on wall-clock time.
type wait struct {
	stmt inspector.Cursor
	what string // how the message names it, such as "<-time.After"
	file *ast.File
	site site
}

func run(pass *analysis.Pass) (any, error) {
	// Package time's own tests sleep because sleeping is what they test.
	if !testcode.Imports(pass.Pkg, "time") || strings.TrimSuffix(pass.Pkg.Path(), "_test") == "time" || len(testcode.TestFiles(pass)) == 0 {
		return nil, nil
	}
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	var c *checker // built at the first wait: most test files have none

	// Waits in helpers are decided once the helpers' callers are known.
	var pending []wait
	for fileCur := range insp.Root().Children() {
		file := fileCur.Node().(*ast.File)
		if !testcode.IsTestFile(pass, file) {
			continue
		}
		for cur := range fileCur.Preorder((*ast.ExprStmt)(nil)) {
			what, ok := waitAt(pass.TypesInfo, cur)
			if !ok {
				continue
			}
			if c == nil {
				c = newChecker(pass, insp)
			}
			if c.letsTimePass(cur) {
				continue
			}
			w := wait{cur, what, file, c.siteOf(cur)}
			switch w.site.kind {
			case onTest:
				if !endsTest(cur) {
					report(pass, w)
				}
			case inHelper:
				c.wanted[w.site.helper] = true
				pending = append(pending, w)
			}
		}
	}
	for _, w := range pending {
		if c.helperRunsOnTest(w.site) {
			report(pass, w)
		}
	}
	return nil, nil
}

// waitAt reports whether the expression statement at cur waits on
// wall-clock time for something, and returns how to name the wait.
func waitAt(info *types.Info, cur inspector.Cursor) (what string, ok bool) {
	if cur.ParentEdgeKind() == edge.CommClause_Comm {
		return "", false // a select case, which other cases may win
	}
	what, dur, ok := waitExpr(info, cur.Node().(*ast.ExprStmt).X)
	if !ok || tooShort(info, dur) || inPollLoop(info, cur) || timedPause(info, cur) || runsWorkload(info, cur) || staggersStarts(cur) {
		return "", false
	}
	return what, true
}

// waitExpr reports whether x, evaluated as a statement, waits on a timer of
// package time, and returns how to name it and its duration.
func waitExpr(info *types.Info, x ast.Expr) (what string, dur ast.Expr, ok bool) {
	switch x := ast.Unparen(x).(type) {
	case *ast.CallExpr:
		if testcode.IsFunc(testcode.Callee(info, x), "time", "Sleep") && len(x.Args) == 1 {
			return "time.Sleep", x.Args[0], true
		}
	case *ast.UnaryExpr:
		if x.Op != token.ARROW {
			return "", nil, false
		}
		switch ch := ast.Unparen(x.X).(type) {
		case *ast.CallExpr:
			if fn := testcode.Callee(info, ch); testcode.IsFunc(fn, "time", "After", "Tick") && len(ch.Args) == 1 {
				return "<-time." + fn.Name(), ch.Args[0], true
			}
		case *ast.SelectorExpr:
			call, isCall := ast.Unparen(ch.X).(*ast.CallExpr)
			if isCall && ch.Sel.Name == "C" && testcode.IsFunc(testcode.Callee(info, call), "time", "NewTimer") && len(call.Args) == 1 {
				return "<-time.NewTimer(d).C", call.Args[0], true
			}
		}
	}
	return "", nil, false
}

// endsTest reports whether the wait at cur is followed by the test
// function's return: no assertion comes after that could depend on it, as
// when a helper process idles until its parent kills it. A wait that just
// falls off the end of a test still counts: goroutines that report to t
// rely on it. Helpers and literals are not test functions: their callers
// go on after them.
func endsTest(cur inspector.Cursor) bool {
	fn, ok := testcode.EnclosingFunc(cur)
	if !ok {
		return false
	}
	if _, isDecl := fn.Node().(*ast.FuncDecl); !isDecl {
		return false
	}
	next, ok := cur.NextSibling()
	if !ok {
		return false
	}
	_, isReturn := next.Node().(*ast.ReturnStmt)
	return isReturn
}

func report(pass *analysis.Pass, w wait) {
	// A synctest bubble needs a *testing.T, which TestMain and ginkgo specs do not have.
	instead := "synchronize on a channel or WaitGroup, or poll with a deadline"
	if !w.site.noT && testcode.GoVersionAtLeast(pass, w.file, "go1.25") {
		instead = "synchronize on a channel or WaitGroup, poll with a deadline, or use testing/synctest"
	}
	x := w.stmt.Node().(*ast.ExprStmt).X
	pass.Report(analysis.Diagnostic{
		Pos:     x.Pos(),
		End:     x.End(),
		Message: w.what + " in test waits on wall-clock time; " + instead,
	})
}
