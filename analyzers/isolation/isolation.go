package isolation

import (
	_ "embed"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/testgate/testgate/analyzers/internal/testcode"
)

//go:embed doc.go
var doc string

// Analyzer is the isolation analyzer.
var Analyzer = &analysis.Analyzer{
	Name:      "isolation",
	Doc:       testcode.MustExtractDoc(doc, "isolation"),
	URL:       "https://pkg.go.dev/github.com/testgate/testgate/analyzers/isolation",
	Requires:  []*analysis.Analyzer{inspect.Analyzer},
	Run:       testcode.WithIgnores(run),
	FactTypes: []analysis.Fact{new(changesProcess)},
}

// changesProcess is the fact of a function that calls Setenv or Chdir on
// its testing parameter (directly or through another such function), which
// panics when that test is parallel.
type changesProcess struct {
	Param  int    // index of the testing parameter
	Method string // Setenv or Chdir
}

func (*changesProcess) AFact() {}

func (f *changesProcess) String() string { return "changesProcess " + f.Method }

func run(pass *analysis.Pass) (any, error) {
	if !testcode.Imports(pass.Pkg, "testing") {
		return nil, nil // no function can take a *testing.T
	}
	root := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector).Root()
	c := &checker{pass: pass, facts: make(map[*types.Func]*changesProcess)}
	c.summarize(root)
	if len(testcode.TestFiles(pass)) == 0 {
		return nil, nil
	}
	c.check(root)
	return nil, nil
}

type checker struct {
	pass     *analysis.Pass
	tests    *testcode.Tests                 // see parallel
	facts    map[*types.Func]*changesProcess // of the package's functions
	zeroVars map[*types.Var]bool             // see declaredWithoutValue
	decls    map[*types.Func]*ast.FuncDecl   // the package's function declarations
	stoppers map[*types.Func]bool            // see stops
}

// summarize finds the functions of the package that hand their testing
// parameter to Setenv or Chdir, and exports their facts.
func (c *checker) summarize(root inspector.Cursor) {
	type helper struct {
		obj   *types.Func
		param *types.Var
		index int
		cur   inspector.Cursor
	}
	helpers := make(map[*types.Func]*helper)
	var order []*helper
	for cur, obj := range testcode.FuncDecls(c.pass.TypesInfo, root) {
		decl := cur.Node().(*ast.FuncDecl)
		param := testcode.TestingParam(c.pass.TypesInfo, decl.Type)
		if param == nil || isEntry(c.pass, decl) {
			continue
		}
		sig := obj.Type().(*types.Signature)
		for i := range sig.Params().Len() {
			if sig.Params().At(i) == param {
				h := &helper{obj, param, i, cur}
				helpers[obj] = h
				order = append(order, h)
			}
		}
	}
	// A helper changes the process on its own when it calls t.Setenv or
	// t.Chdir, or an imported helper that does, on its parameter; and
	// through the package's helpers it passes its parameter to.
	var have []*helper
	callers := make(map[*helper][]*helper)
	for _, h := range order {
		for call := range h.cur.Preorder((*ast.CallExpr)(nil)) {
			n := call.Node().(*ast.CallExpr)
			if method, ok := c.changesProcess(n, h.param); ok {
				if c.facts[h.obj] == nil {
					c.facts[h.obj] = &changesProcess{Param: h.index, Method: method}
					have = append(have, h)
				}
				continue
			}
			if fn := testcode.Callee(c.pass.TypesInfo, n); fn != nil {
				if g := helpers[fn.Origin()]; g != nil && g.index < len(n.Args) && c.isVar(n.Args[g.index], h.param) {
					callers[g] = append(callers[g], h)
				}
			}
		}
	}
	testcode.Propagate(have, func(h *helper) []*helper { return callers[h] }, func(caller, callee *helper) bool {
		if c.facts[caller.obj] != nil {
			return false
		}
		c.facts[caller.obj] = &changesProcess{Param: caller.index, Method: c.facts[callee.obj].Method}
		return true
	})
	for _, h := range order {
		if f := c.facts[h.obj]; f != nil {
			c.pass.ExportObjectFact(h.obj, f)
		}
	}
}

// isEntry reports whether go test calls decl itself: a test, benchmark or
// fuzz target, which no other function calls.
func isEntry(pass *analysis.Pass, decl *ast.FuncDecl) bool {
	switch testcode.KindOf(pass, decl) {
	case testcode.Test, testcode.Benchmark, testcode.Fuzz:
		return true
	}
	return false
}

// changesProcess reports whether call is t.Setenv or t.Chdir on the testing
// value tv, or hands tv to a function that calls them, and which.
func (c *checker) changesProcess(call *ast.CallExpr, tv *types.Var) (string, bool) {
	fn := testcode.Callee(c.pass.TypesInfo, call)
	if fn == nil {
		return "", false
	}
	if testcode.IsTestingMethod(fn, "Setenv", "Chdir") {
		sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
		return fn.Name(), ok && c.isVar(sel.X, tv)
	}
	f := c.fact(fn)
	if f == nil || f.Param >= len(call.Args) {
		return "", false
	}
	return f.Method, c.isVar(call.Args[f.Param], tv)
}

func (c *checker) fact(fn *types.Func) *changesProcess {
	fn = fn.Origin()
	if fn.Pkg() == c.pass.Pkg {
		return c.facts[fn]
	}
	f := new(changesProcess)
	if c.pass.ImportObjectFact(fn, f) {
		return f
	}
	return nil
}

func (c *checker) isVar(e ast.Expr, v *types.Var) bool {
	id := testcode.Ident(e)
	return id != nil && c.pass.TypesInfo.Uses[id] == v
}

// A path is a package-level variable, or a field or pointee reached from
// one, that a test writes.
type path struct {
	root *types.Var
	tail string // the fields, such as ".Timeout"
}

// covers reports whether restoring p restores q as well.
func (p path) covers(q path) bool {
	return p.root == q.root && (p.tail == q.tail || strings.HasPrefix(q.tail, p.tail+"."))
}

// A write is an assignment to a package-level variable in a test.
type write struct {
	path     path
	lhs      ast.Expr
	rhs      ast.Expr // nil for x++, x op= y and tuple assignments
	parallel testcode.Parallelism
	restore  bool     // it runs at cleanup, or puts back a saved value
	inline   bool     // a restore in the test's own flow, not at cleanup: stopping early skips it
	skipped  ast.Node // for a path whose inline restore an early stop skips, the stop
	child    bool     // it runs only in a child process the test starts
	topLevel bool     // it is a statement of its function's body, not nested in a branch or loop
	fn       ast.Node // the function literal or declaration it is in
}

// A test is what the analyzer gathers about one function of a test file
// that takes a testing value: a test, benchmark or fuzz target, or a helper.
type test struct {
	decl     *ast.FuncDecl
	obj      *types.Func
	bench    bool
	writes   []*write
	cleanups []*types.Func // functions of the package it runs at cleanup
	callees  []*types.Func // functions of the package it calls
	process  []processCall // its Setenv and Chdir calls
}

type processCall struct {
	call     *ast.CallExpr
	method   string
	via      *types.Func // the helper that calls it, or nil
	parallel testcode.Parallelism
}

func (c *checker) check(root inspector.Cursor) {
	decls := make(map[*types.Func]*ast.FuncDecl)
	c.decls = decls
	tests := make(map[*types.Func]*test)
	var order []*test
	for cur, obj := range testcode.FuncDecls(c.pass.TypesInfo, root) {
		decl := cur.Node().(*ast.FuncDecl)
		decls[obj] = decl
		tv := testcode.TestingParam(c.pass.TypesInfo, decl.Type)
		if tv == nil || !testcode.InTestFile(c.pass, decl.Pos()) {
			continue
		}
		t := c.gather(cur, tv)
		t.obj = obj
		tests[obj] = t
		order = append(order, t)
	}
	callers := make(map[*types.Func][]*test)
	for _, t := range order {
		for _, fn := range t.callees {
			if tests[fn] != nil && !slices.Contains(callers[fn], t) {
				callers[fn] = append(callers[fn], t)
			}
		}
	}
	restored := func(t *test, p path) bool { return c.restored(t, p, decls) }
	owned := c.ownedVars(root, order)
	for _, t := range order {
		c.reportProcess(t)
		if t.bench {
			continue // benchmarks write package-level sinks and run after the tests
		}
		c.resetAtEnd(t)
		c.skippedRestores(t)
		reported := make(map[path]bool)
		for _, w := range t.writes {
			switch {
			case w.restore || w.child || owned[w.path.root] || reported[w.path]:
			case w.parallel != testcode.Serial:
				reported[w.path] = true
				c.pass.Reportf(w.lhs.Pos(), "%s sets package variable %s while running in parallel with other tests; drop t.Parallel or pass the value in instead", t.decl.Name.Name, types.ExprString(w.lhs))
			case c.isReset(w) || restored(t, w.path):
			case !isEntry(c.pass, t.decl) && len(callers[t.obj]) > 0 && !slices.ContainsFunc(callers[t.obj], func(caller *test) bool { return !restored(caller, w.path) }):
				// a helper whose every caller restores what it sets
			case w.skipped != nil:
				reported[w.path] = true
				c.pass.Reportf(w.lhs.Pos(), "%s sets package variable %s and puts it back at its end, which %s on line %d skips when the test stops early; restore it with t.Cleanup", t.decl.Name.Name, types.ExprString(w.lhs), stopName(w.skipped), c.pass.Fset.Position(w.skipped.Pos()).Line)
			default:
				reported[w.path] = true
				c.pass.Reportf(w.lhs.Pos(), "%s sets package variable %s without restoring it; save it and restore it with t.Cleanup", t.decl.Name.Name, types.ExprString(w.lhs))
			}
		}
	}
}

// resetAtEnd marks as restored the writes of a path that one function of t
// sets and then, in its last write, a statement of its body, puts back to
// a constant: *CallGC = true ... *CallGC = false, or Enable = true ...
// Enable = defaultEnable.
func (c *checker) resetAtEnd(t *test) {
	last := make(map[path]*write)
	for _, w := range t.writes {
		if !w.restore {
			last[w.path] = w
		}
	}
	for p, end := range last {
		if !end.topLevel || !c.isConstant(end.rhs) {
			continue
		}
		changed := false
		for _, w := range t.writes {
			if w.path != p || w == end || w.restore {
				continue
			}
			if w.fn != end.fn {
				changed = false
				break
			}
			if w.rhs == nil || types.ExprString(w.rhs) != types.ExprString(end.rhs) {
				changed = true
			}
		}
		if !changed {
			continue
		}
		for _, w := range t.writes {
			if w.path == p {
				w.restore = true
			}
		}
		end.inline = true
	}
}

// skippedRestores takes back the restores of t that an early stop skips:
// an inline restore with a t.Fatal, t.FailNow, t.Skip or return between
// it and an earlier write of its path in the same function. A panic ends
// the test binary, so it skips nothing that matters.
func (c *checker) skippedRestores(t *test) {
	for _, end := range t.writes {
		if !end.inline || end.fn == nil {
			continue
		}
		first := end
		for _, w := range t.writes {
			if w.path == end.path && w.fn == end.fn && !w.inline && w.lhs.Pos() < first.lhs.Pos() {
				first = w
			}
		}
		if first == end {
			continue
		}
		stop := c.stopBetween(end.fn, first.lhs.End(), end.lhs.Pos())
		if stop == nil {
			continue
		}
		for _, w := range t.writes {
			if w.path == end.path && w.fn == end.fn {
				w.restore = false
				w.skipped = stop
			}
		}
	}
}

// stopBetween returns the first statement of fn itself (not of the
// function literals in it, such as subtests) between from and to that
// ends the test early: a return, or a call that stops (see stops).
func (c *checker) stopBetween(fn ast.Node, from, to token.Pos) ast.Node {
	var stop ast.Node
	ast.Inspect(fn, func(n ast.Node) bool {
		if stop != nil || n == nil {
			return false
		}
		if _, ok := n.(*ast.FuncLit); ok && n != fn {
			return false
		}
		if n.End() <= from || n.Pos() >= to {
			return false
		}
		switch n := n.(type) {
		case *ast.ReturnStmt:
			stop = n
		case *ast.CallExpr:
			if c.stops(testcode.Callee(c.pass.TypesInfo, n), true) {
				stop = n
			}
		}
		return stop == nil
	})
	return stop
}

// stops reports whether a call of fn may end the test early: t.Fatal,
// t.FailNow, t.Skip and their variants, testify's require, and, when
// helpers is set, a function of the package that calls one of those
// itself (mustParse(t, s) with a t.Fatal inside).
func (c *checker) stops(fn *types.Func, helpers bool) bool {
	switch {
	case fn == nil:
		return false
	case testcode.IsTestingMethod(fn, "Fatal", "Fatalf", "FailNow", "Skip", "Skipf", "SkipNow"):
		return true
	case fn.Pkg() != nil && strings.HasSuffix(fn.Pkg().Path(), "testify/require"):
		return true
	case !helpers || fn.Pkg() != c.pass.Pkg:
		return false
	}
	if stops, ok := c.stoppers[fn]; ok {
		return stops
	}
	if c.stoppers == nil {
		c.stoppers = make(map[*types.Func]bool)
	}
	decl := c.decls[fn]
	found := false
	if decl != nil && decl.Body != nil && testcode.TestingParam(c.pass.TypesInfo, decl.Type) != nil {
		ast.Inspect(decl.Body, func(n ast.Node) bool {
			if call, ok := n.(*ast.CallExpr); ok && c.stops(testcode.Callee(c.pass.TypesInfo, call), false) {
				found = true
			}
			return !found
		})
	}
	c.stoppers[fn] = found
	return found
}

// stopName names the early stop n for a message.
func stopName(n ast.Node) string {
	call, ok := n.(*ast.CallExpr)
	if !ok {
		return "the return"
	}
	return types.ExprString(call.Fun)
}

// isConstant reports whether e is a constant (Enable = false, Enable =
// defaultEnable) or nil.
func (c *checker) isConstant(e ast.Expr) bool {
	if tv, ok := c.pass.TypesInfo.Types[e]; ok && tv.Value != nil {
		return true
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.BasicLit:
		return true
	case *ast.Ident:
		return e.Name == "nil" || e.Name == "true" || e.Name == "false"
	}
	return false
}

// inChildBranch reports whether n sits in an if statement whose condition
// reads the environment: the branch a test runs when it re-executes
// itself as a child process (if os.Getenv("GO_WANT_HELPER_PROCESS") == "1").
func (c *checker) inChildBranch(n inspector.Cursor) bool {
	for ifc := range n.Enclosing((*ast.IfStmt)(nil)) {
		ifs := ifc.Node().(*ast.IfStmt)
		if n.Node().Pos() < ifs.Body.Pos() {
			continue
		}
		if testcode.ReadsEnv(c.pass.TypesInfo, ifs.Cond) {
			return true
		}
	}
	return false
}

// gather walks the function declaration at cur, whose testing value is tv.
func (c *checker) gather(cur inspector.Cursor, tv *types.Var) *test {
	info := c.pass.TypesInfo
	decl := cur.Node().(*ast.FuncDecl)
	t := &test{decl: decl, bench: testcode.IsNamedType(tv.Type(), "testing", "B")}
	saved := make(map[*types.Var]path) // local variables holding a value saved from a path
	addWrite := func(n inspector.Cursor, lhs, rhs ast.Expr) {
		p, ok := c.pathOf(lhs)
		if !ok {
			return
		}
		restore := testcode.InCleanup(info, n)
		if id, ok := ast.Unparen(rhs).(*ast.Ident); ok {
			if v, ok := info.Uses[id].(*types.Var); ok {
				if from, ok := saved[v]; ok && from.covers(p) {
					restore = true
				}
			}
		}
		w := &write{path: p, lhs: lhs, rhs: rhs, parallel: c.parallel().ParallelAt(n), restore: restore, child: c.inChildBranch(n)}
		w.inline = restore && !testcode.InCleanup(info, n)
		if f, ok := testcode.EnclosingFunc(n); ok {
			w.fn = f.Node()
			_, inBlock := n.Parent().Node().(*ast.BlockStmt)
			w.topLevel = inBlock && n.Parent().Parent() == f
		}
		t.writes = append(t.writes, w)
	}
	save := func(lhs, rhs ast.Expr) {
		id, ok := lhs.(*ast.Ident)
		if !ok {
			return
		}
		v, ok := info.Defs[id].(*types.Var)
		if p, isPath := c.pathOf(rhs); ok && isPath {
			saved[v] = p
		}
	}

	filter := []ast.Node{(*ast.CallExpr)(nil), (*ast.AssignStmt)(nil), (*ast.IncDecStmt)(nil), (*ast.ValueSpec)(nil)}
	for n := range cur.Preorder(filter...) {
		switch node := n.Node().(type) {
		case *ast.CallExpr:
			c.gatherCall(t, n, node)
		case *ast.AssignStmt:
			switch {
			case node.Tok == token.DEFINE && len(node.Lhs) == len(node.Rhs):
				for i, lhs := range node.Lhs {
					save(lhs, node.Rhs[i])
				}
			case node.Tok == token.ASSIGN && len(node.Lhs) == len(node.Rhs):
				for i, lhs := range node.Lhs {
					addWrite(n, lhs, node.Rhs[i])
				}
			case node.Tok != token.DEFINE:
				for _, lhs := range node.Lhs {
					addWrite(n, lhs, nil)
				}
			}
		case *ast.IncDecStmt:
			addWrite(n, node.X, nil)
		case *ast.ValueSpec:
			if len(node.Names) == len(node.Values) {
				for i, name := range node.Names {
					save(name, node.Values[i])
				}
			}
		}
	}
	return t
}

// gatherCall records what a call in a test means for isolation.
func (c *checker) gatherCall(t *test, n inspector.Cursor, call *ast.CallExpr) {
	info := c.pass.TypesInfo
	fn := testcode.Callee(info, call)
	if fn == nil {
		return
	}
	var recv ast.Expr
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		recv = sel.X
	}
	switch {
	case testcode.IsTestingMethod(fn, "Setenv", "Chdir"):
		if v := c.testingVar(recv); v != nil {
			t.process = append(t.process, processCall{call: call, method: fn.Name(), parallel: c.parallel().ParallelOf(v)})
		}
	case testcode.IsTestingMethod(fn, "Cleanup"):
		for _, arg := range call.Args {
			if f := c.funcOf(arg); f != nil {
				t.cleanups = append(t.cleanups, f)
			}
		}
	}
	if f := c.fact(fn); f != nil && f.Param < len(call.Args) {
		if v := c.testingVar(call.Args[f.Param]); v != nil {
			t.process = append(t.process, processCall{call: call, method: f.Method, via: fn, parallel: c.parallel().ParallelOf(v)})
		}
	}
	if fn.Pkg() == c.pass.Pkg {
		t.callees = append(t.callees, fn.Origin())
		if testcode.InCleanup(info, n) {
			t.cleanups = append(t.cleanups, fn.Origin())
		}
	}
}

// parallel returns the index of the package's tests, built at the first
// write to a package variable or process change that needs it.
func (c *checker) parallel() *testcode.Tests {
	if c.tests == nil {
		c.tests = testcode.NewTests(c.pass, c.pass.ResultOf[inspect.Analyzer].(*inspector.Inspector).Root())
	}
	return c.tests
}

// testingVar returns the testing parameter of a test file's function that
// e names, or nil.
func (c *checker) testingVar(e ast.Expr) *types.Var {
	if id := testcode.Ident(e); id != nil {
		if v, ok := c.pass.TypesInfo.Uses[id].(*types.Var); ok && c.parallel().Known(v) {
			return v
		}
	}
	return nil
}

// funcOf returns the function of the package that e names, if any.
func (c *checker) funcOf(e ast.Expr) *types.Func {
	fn, ok := testcode.Referenced(c.pass.TypesInfo, e).(*types.Func)
	if !ok || fn.Pkg() != c.pass.Pkg {
		return nil
	}
	return fn.Origin()
}

// pathOf returns the package-level variable, or the field or pointee of
// one, that e denotes. Elements of maps and slices are not followed: a
// registry keyed by test is the tests' to share.
func (c *checker) pathOf(e ast.Expr) (path, bool) {
	info := c.pass.TypesInfo
	tail := ""
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.Ident:
			return packageVar(info.Uses[x], tail)
		case *ast.SelectorExpr:
			sel, ok := info.Selections[x]
			if !ok {
				return packageVar(info.Uses[x.Sel], tail) // a qualified identifier
			}
			if sel.Kind() != types.FieldVal {
				return path{}, false
			}
			tail = "." + x.Sel.Name + tail
			e = x.X
		case *ast.StarExpr:
			e = x.X // *p and p.f write through p alike
		default:
			return path{}, false
		}
	}
}

func packageVar(obj types.Object, tail string) (path, bool) {
	v, ok := obj.(*types.Var)
	if !ok || v.Pkg() == nil || v.Parent() != v.Pkg().Scope() {
		return path{}, false
	}
	return path{root: v, tail: tail}, true
}

// restored reports whether t puts p back: a write that covers p runs at
// cleanup or puts back a saved value, or a function of the package that t
// runs at cleanup writes it.
func (c *checker) restored(t *test, p path, decls map[*types.Func]*ast.FuncDecl) bool {
	for _, w := range t.writes {
		if w.restore && w.path.covers(p) {
			return true
		}
	}
	for _, fn := range t.cleanups {
		decl := decls[fn]
		if decl == nil {
			continue
		}
		found := false
		ast.Inspect(decl.Body, func(n ast.Node) bool {
			var lhs []ast.Expr
			switch n := n.(type) {
			case *ast.AssignStmt:
				lhs = n.Lhs
			case *ast.IncDecStmt:
				lhs = []ast.Expr{n.X}
			}
			for _, e := range lhs {
				if q, ok := c.pathOf(e); ok && q.covers(p) {
					found = true
				}
			}
			return !found
		})
		if found {
			return true
		}
	}
	return false
}

// ownedVars returns the package-level variables declared in test files
// that belong to a single function of the tests (no other function with a
// testing parameter, benchmarks aside, mentions them), or that the tests
// only ever assign, such as a sink that defeats escape analysis. Writing them leaks nothing into other tests.
func (c *checker) ownedVars(root inspector.Cursor, tests []*test) map[*types.Var]bool {
	info := c.pass.TypesInfo
	candidates := make(map[*types.Var]bool)
	for _, t := range tests {
		for _, w := range t.writes {
			if v := w.path.root; v.Pkg() == c.pass.Pkg && testcode.InTestFile(c.pass, v.Pos()) {
				candidates[v] = true
			}
		}
	}
	if len(candidates) == 0 {
		return nil
	}
	writes := testcode.Writes(info, root)
	users := make(map[*types.Var]map[*test]bool)
	uses := make(map[*types.Var]int)
	for id, obj := range info.Uses {
		v, ok := obj.(*types.Var)
		if !ok || !candidates[v] {
			continue
		}
		uses[v]++
		for _, t := range tests {
			if !t.bench && t.decl.Pos() <= id.Pos() && id.Pos() < t.decl.End() {
				if users[v] == nil {
					users[v] = make(map[*test]bool)
				}
				users[v][t] = true
			}
		}
	}
	// A variable is read when it has uses other than plain assignments.
	read := func(v *types.Var) bool { return writes[v] == nil || uses[v] > writes[v].Assigned }
	owned := make(map[*types.Var]bool)
	for v := range candidates {
		owned[v] = len(users[v]) <= 1 || !read(v)
	}
	return owned
}

// isReset reports whether w puts a variable back to its zero value when
// that is where it started: a variable of the package declared without a
// value (commonHeaderOnce = sync.Once{}), or one declared in a test file.
func (c *checker) isReset(w *write) bool {
	v := w.path.root
	if w.rhs == nil || v.Pkg() != c.pass.Pkg || !isZero(c.pass.TypesInfo, w.rhs) {
		return false
	}
	if testcode.InTestFile(c.pass, v.Pos()) {
		return true
	}
	if c.zeroVars == nil {
		c.zeroVars = c.declaredWithoutValue()
	}
	return w.path.tail == "" && c.zeroVars[v]
}

func isZero(info *types.Info, e ast.Expr) bool {
	tv, ok := info.Types[e]
	switch {
	case !ok:
		return false
	case tv.IsNil():
		return true
	case tv.Value != nil:
		switch tv.Value.Kind() {
		case constant.Bool:
			return !constant.BoolVal(tv.Value)
		case constant.String:
			return constant.StringVal(tv.Value) == ""
		case constant.Int, constant.Float, constant.Complex:
			return constant.Sign(tv.Value) == 0
		}
	}
	lit, ok := ast.Unparen(e).(*ast.CompositeLit)
	return ok && len(lit.Elts) == 0
}

// declaredWithoutValue returns the package-level variables of the package
// that start as their zero value.
func (c *checker) declaredWithoutValue() map[*types.Var]bool {
	vars := make(map[*types.Var]bool)
	for _, f := range c.pass.Files {
		for _, d := range f.Decls {
			gen, ok := d.(*ast.GenDecl)
			if !ok || gen.Tok != token.VAR {
				continue
			}
			for _, spec := range gen.Specs {
				vs := spec.(*ast.ValueSpec)
				if len(vs.Values) > 0 {
					continue
				}
				for _, name := range vs.Names {
					if v, ok := c.pass.TypesInfo.Defs[name].(*types.Var); ok {
						vars[v] = true
					}
				}
			}
		}
	}
	return vars
}

// reportProcess reports Setenv and Chdir calls that panic because their
// test, or an ancestor of it, is parallel.
func (c *checker) reportProcess(t *test) {
	for _, pc := range t.process {
		where := "a test that calls t.Parallel"
		switch pc.parallel {
		case testcode.Parallel:
		case testcode.ParallelAncestor:
			where = "a subtest of a parallel test"
		default:
			continue
		}
		if pc.via != nil {
			c.pass.Reportf(pc.call.Pos(), "%s calls t.%s, which panics in %s; drop t.Parallel", pc.via.Name(), pc.method, where)
			continue
		}
		c.pass.Reportf(pc.call.Pos(), "t.%s panics in %s; drop t.Parallel or do without t.%s", pc.method, where, pc.method)
	}
}
