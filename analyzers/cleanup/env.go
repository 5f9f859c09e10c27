package cleanup

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/testgate/testgate/analyzers/internal/testcode"
)

// A funcIndex holds what the checks need to know about one outermost
// function (a test and all its subtests and closures), gathered in one
// walk the first time a check needs it.
type funcIndex struct {
	uses  map[*types.Var][]inspector.Cursor // identifiers that refer to each variable
	env   []inspector.Cursor                // calls that read, change or restore the environment or working directory
	atEnd []*types.Func                     // the package's functions that run deferred or in t.Cleanup
}

// A helper's effect on process-wide state, as its body shows.
type helperEffect struct {
	setsEnv, changesDir bool
}

func (c *checker) index(fn inspector.Cursor) *funcIndex {
	outer := outermostFunc(fn)
	if idx, ok := c.indexes[outer.Node()]; ok {
		return idx
	}
	info := c.pass.TypesInfo
	idx := &funcIndex{uses: make(map[*types.Var][]inspector.Cursor)}
	for cur := range outer.Preorder((*ast.Ident)(nil), (*ast.CallExpr)(nil)) {
		switch n := cur.Node().(type) {
		case *ast.Ident:
			if v, ok := info.Uses[n].(*types.Var); ok && !v.IsField() {
				idx.uses[v] = append(idx.uses[v], cur)
			}
		case *ast.CallExpr:
			callee := testcode.Callee(info, n)
			switch {
			case testcode.IsFunc(callee, "os", "Setenv", "Unsetenv", "Getenv", "LookupEnv", "Chdir", "Getwd"),
				testcode.IsMethod(callee, "os", "File", "Chdir"),
				testcode.IsTestingMethod(callee, "Setenv", "Chdir"):
				idx.env = append(idx.env, cur)
			case testcode.IsTestingMethod(callee, "Cleanup") && len(n.Args) == 1:
				if fn, ok := testcode.Referenced(info, n.Args[0]).(*types.Func); ok && fn.Pkg() == c.pass.Pkg {
					idx.atEnd = append(idx.atEnd, fn)
				}
			case callee != nil && callee.Pkg() == c.pass.Pkg && runsAtEnd(info, cur):
				idx.atEnd = append(idx.atEnd, callee)
			}
		}
	}
	c.indexes[outer.Node()] = idx
	return idx
}

// outermostFunc returns the outermost function declaration or literal
// around cur.
func outermostFunc(cur inspector.Cursor) inspector.Cursor {
	outer := cur
	for f := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		outer = f
	}
	return outer
}

// restoredByHelper reports whether one of the package's own functions
// that s's test defers or registers with t.Cleanup, such as
// defer ResetProxyEnv(), sets the environment (env) or changes the working
// directory (!env): the test's way of putting it back.
func (c *checker) restoredByHelper(s *site, env bool) bool {
	for _, fn := range c.index(s.fn).atEnd {
		effect := c.effectOf(fn)
		if env && effect.setsEnv || !env && effect.changesDir {
			return true
		}
	}
	return false
}

// effectOf reads the body of fn, a function of the package, for changes
// to the environment and the working directory.
func (c *checker) effectOf(fn *types.Func) helperEffect {
	if effect, ok := c.helpers[fn]; ok {
		return effect
	}
	var effect helperEffect
	if id, ok := c.insp.Root().FindByPos(fn.Pos(), fn.Pos()+token.Pos(len(fn.Name()))); ok {
		if decl, ok := id.Parent().Node().(*ast.FuncDecl); ok && decl.Body != nil {
			for call := range id.Parent().Preorder((*ast.CallExpr)(nil)) {
				callee := testcode.Callee(c.pass.TypesInfo, call.Node().(*ast.CallExpr))
				switch {
				case testcode.IsFunc(callee, "os", "Setenv", "Unsetenv", "Clearenv"):
					effect.setsEnv = true
				case testcode.IsFunc(callee, "os", "Chdir"), testcode.IsMethod(callee, "os", "File", "Chdir"):
					effect.changesDir = true
				}
			}
		}
	}
	c.helpers[fn] = effect
	return effect
}

// inParallelTest reports whether s runs in a parallel test, where t.Setenv
// and t.Chdir panic.
func (c *checker) inParallelTest(s *site) bool {
	if c.tests == nil {
		c.tests = testcode.NewTests(c.pass, c.insp.Root())
	}
	return c.tests.ParallelOf(s.tparam) != testcode.Serial
}

func (c *checker) checkSetenv(s *site) {
	call := s.call.Node().(*ast.CallExpr)
	if len(call.Args) != 2 {
		return
	}
	if testcode.InCleanup(c.pass.TypesInfo, s.call) || c.expectsFailure(s.call.Parent()) {
		return // a restore itself, or a call the test expects to fail
	}
	key := call.Args[0]
	for _, other := range c.index(s.fn).env {
		if other != s.call && c.restoresEnv(s, key, other) {
			return
		}
	}
	if c.restoredByHelper(s, true) {
		return
	}
	if c.inSubprocessOnly(s) {
		return
	}
	what := fmt.Sprintf("os.Setenv(%s, ...) is never restored", types.ExprString(key))
	c.reportChange(s, what, "go1.17", "Setenv", "save the old value with os.LookupEnv and restore it in a defer")
}

// restoresEnv reports whether the call at other, in the same outermost
// function as s, restores (or saves for restoring) the variable key that s
// sets.
func (c *checker) restoresEnv(s *site, key ast.Expr, other inspector.Cursor) bool {
	call := other.Node().(*ast.CallExpr)
	fn := testcode.Callee(c.pass.TypesInfo, call)
	if testcode.IsTestingMethod(fn, "Chdir") {
		return c.mayBe(key, "PWD") // t.Chdir sets PWD and restores it
	}
	if len(call.Args) == 0 || !c.mayEqual(key, call.Args[0]) {
		return false
	}
	switch {
	case testcode.IsTestingMethod(fn, "Setenv"):
		return true // t.Setenv restores the value from before it
	case testcode.IsFunc(fn, "os", "Getenv", "LookupEnv"):
		return isSaved(other)
	case testcode.IsFunc(fn, "os", "Unsetenv"):
		return runsAtEnd(c.pass.TypesInfo, other) || c.laterInSameFunc(s, other)
	case testcode.IsFunc(fn, "os", "Setenv"):
		return runsAtEnd(c.pass.TypesInfo, other)
	}
	return false
}

func (c *checker) checkChdir(s *site) {
	if testcode.InCleanup(c.pass.TypesInfo, s.call) || c.expectsFailure(s.call.Parent()) {
		return
	}
	for _, other := range c.index(s.fn).env {
		if other != s.call && c.restoresDir(s, other) {
			return
		}
	}
	if c.restoredByHelper(s, false) {
		return
	}
	if c.inSubprocessOnly(s) {
		return
	}
	c.reportChange(s, "working directory set by os.Chdir is never restored", "go1.24", "Chdir", "save os.Getwd() and restore it in a defer")
}

// restoresDir reports whether the call at other, in the same outermost
// function as s, restores (or saves for restoring) the working directory
// that s changes.
func (c *checker) restoresDir(s *site, other inspector.Cursor) bool {
	fn := testcode.Callee(c.pass.TypesInfo, other.Node().(*ast.CallExpr))
	switch {
	case testcode.IsTestingMethod(fn, "Chdir"):
		return true
	case testcode.IsFunc(fn, "os", "Getwd"):
		return isSaved(other)
	case testcode.IsFunc(fn, "os", "Chdir"), testcode.IsMethod(fn, "os", "File", "Chdir"):
		return runsAtEnd(c.pass.TypesInfo, other) || c.laterInSameFunc(s, other)
	}
	return false
}

// reportChange reports a process-wide change made at s and never undone,
// offering the testing method named method as the fix when the Go version
// has it (since version) and the test is not parallel. Otherwise it gives
// fallback as the advice.
func (c *checker) reportChange(s *site, what, since, method, fallback string) {
	call := s.call.Node().(*ast.CallExpr)
	d := analysis.Diagnostic{Pos: call.Pos(), End: call.End()}
	name := c.testingName(s)
	switch {
	case !c.goVersionAtLeast(since):
		d.Message = what + "; " + fallback
	case c.inParallelTest(s):
		d.Message = fmt.Sprintf("%s; %s.%s would panic in this parallel test, so drop %s.Parallel and use %s.%s", what, name, method, name, name, method)
	default:
		d.Message = fmt.Sprintf("%s; use %s.%s", what, name, method)
		if s.call.ParentEdgeKind() == edge.ExprStmt_X && c.resolvesToParam(s, s.call) {
			d.SuggestedFixes = []analysis.SuggestedFix{{
				Message:   fmt.Sprintf("Use %s.%s", name, method),
				TextEdits: []analysis.TextEdit{{Pos: call.Fun.Pos(), End: call.Fun.End(), NewText: []byte(name + "." + method)}},
			}}
		}
	}
	c.pass.Report(d)
}

// mayEqual reports whether two environment keys may be the same: only two
// different constants are known to differ.
func (c *checker) mayEqual(a, b ast.Expr) bool {
	av, bv := c.pass.TypesInfo.Types[a].Value, c.pass.TypesInfo.Types[b].Value
	if av == nil || bv == nil {
		return true
	}
	return constant.Compare(av, token.EQL, bv)
}

// mayBe reports whether the environment key may be name.
func (c *checker) mayBe(key ast.Expr, name string) bool {
	s, ok := testcode.ConstString(c.pass.TypesInfo, key)
	return !ok || s == name
}

// isSaved reports whether the result of the call at cur is kept in a
// variable, as in old := os.Getenv(k) or wd, err := os.Getwd().
func isSaved(cur inspector.Cursor) bool {
	switch cur.ParentEdgeKind() {
	case edge.AssignStmt_Rhs, edge.ValueSpec_Values:
		return true
	}
	return false
}

// runsAtEnd reports whether the call at cur runs after the code around it,
// at a time that cannot be seen: in a defer, in t.Cleanup, or in a
// function literal that is not itself a test (such as a restore function
// a helper returns).
func runsAtEnd(info *types.Info, cur inspector.Cursor) bool {
	if testcode.InCleanup(info, cur) {
		return true
	}
	for lit := range cur.Enclosing((*ast.FuncLit)(nil)) {
		return testcode.TestingParam(info, lit.Node().(*ast.FuncLit).Type) == nil
	}
	return false
}

// laterInSameFunc reports whether the call at other follows s in s's own
// function on the path the test continues on.
func (c *checker) laterInSameFunc(s *site, other inspector.Cursor) bool {
	fn, ok := testcode.EnclosingFunc(other)
	return ok && fn == s.fn && other.Node().Pos() > s.call.Node().Pos() &&
		!onFailurePath(c.pass.TypesInfo, s.fn, s.call, other)
}
