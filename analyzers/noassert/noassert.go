package noassert

import (
	_ "embed"
	"go/ast"
	"go/token"
	"go/types"
	"regexp"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/testgate/testgate/analyzers/internal/testcode"
)

//go:embed doc.go
var doc string

// Analyzer is the noassert analyzer.
var Analyzer = &analysis.Analyzer{
	Name:      "noassert",
	Doc:       testcode.MustExtractDoc(doc, "noassert"),
	URL:       "https://pkg.go.dev/github.com/testgate/testgate/analyzers/noassert",
	Requires:  []*analysis.Analyzer{inspect.Analyzer},
	Run:       testcode.WithIgnores(run),
	FactTypes: []analysis.Fact{new(neverFails)},
}

// neverFails marks a function that takes a testing value (see tracked) and
// was proven unable to fail a test through it: it never calls a failing
// method on it, never hands it to code that might, never stores it, and
// never panics or exits. The fact states a proof, so its absence means "may
// fail": functions without a body, interface methods and function values
// all count as checking helpers.
type neverFails struct{}

func (*neverFails) AFact() {}

func (*neverFails) String() string { return "neverFails" }

// failingMethods are the testing methods that mark a test failed.
var failingMethods = map[string]bool{
	"Error": true, "Errorf": true, "Fatal": true, "Fatalf": true, "Fail": true, "FailNow": true,
}

// tbMethods are the methods of testing.TB and *testing.T with their arity
// (number of parameters, variadic): an interface made of some of them
// can hold a *testing.T, like testify's TestingT or gomock's TestReporter.
var tbMethods = map[string]struct {
	params   int
	variadic bool
}{
	"Error": {1, true}, "Errorf": {2, true}, "Fatal": {1, true}, "Fatalf": {2, true},
	"Log": {1, true}, "Logf": {2, true}, "Skip": {1, true}, "Skipf": {2, true},
	"Fail": {}, "FailNow": {}, "Failed": {}, "Helper": {}, "SkipNow": {}, "Skipped": {},
	"Name": {}, "TempDir": {}, "ArtifactDir": {}, "Context": {}, "Output": {}, "Deadline": {},
	"Parallel": {}, "Cleanup": {1, false}, "Chdir": {1, false}, "Setenv": {2, false},
	"Attr": {2, false}, "Run": {2, false},
}

func run(pass *analysis.Pass) (any, error) {
	in := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	c := &checker{pass: pass, funcs: make(map[*types.Func]*summary)}

	// Every package is summarized, test files or not, because its
	// helpers' facts are what its importers' tests rely on.
	inTest := false // whether the file of the declarations that follow is a test file
	for cur := range in.Root().Preorder((*ast.File)(nil), (*ast.FuncDecl)(nil)) {
		decl, ok := cur.Node().(*ast.FuncDecl)
		if !ok {
			inTest = testcode.IsTestFile(pass, cur.Node().(*ast.File))
			continue
		}
		fn, ok := pass.TypesInfo.Defs[decl.Name].(*types.Func)
		if !ok || decl.Body == nil {
			continue
		}
		if inTest || hasTrackedParam(fn.Signature()) {
			s := &summary{fn: fn, cur: cur, decl: decl, inTest: inTest}
			c.funcs[fn] = s
			c.order = append(c.order, s)
		}
	}
	for _, s := range c.order {
		c.summarize(s)
	}
	c.propagate()

	// Test functions themselves get no fact: no other package calls them.
	for _, s := range c.order {
		if !s.canFail && hasTrackedParam(s.fn.Signature()) && testcode.KindOf(pass, s.decl) != testcode.Test {
			pass.ExportObjectFact(s.fn, new(neverFails))
		}
	}

	for _, s := range c.order {
		if s.canFail || !s.inTest || testcode.KindOf(pass, s.decl) != testcode.Test || exempt(pass, s.decl) {
			continue
		}
		name := s.decl.Name.Name
		if len(s.decl.Body.List) == 0 {
			pass.Reportf(s.decl.Name.Pos(), "%s is empty and passes without checking anything; write the test or mark it as a placeholder with t.Skip(\"reason\")", name)
			continue
		}
		pass.Reportf(s.decl.Name.Pos(), "%s never reports a failure: nothing in it calls t.Error/t.Fatal or passes t to a helper that can; check the results it computes", name)
	}
	return nil, nil
}

// checker holds the per-package state: the functions whose bodies are
// summarized (those taking a testing value, and every function of a test
// file, whose explicit panics count as assertions).
type checker struct {
	pass  *analysis.Pass
	funcs map[*types.Func]*summary
	order []*summary // funcs in source order, for stable reports
}

// summary is what a function's body says about failing.
type summary struct {
	fn      *types.Func
	cur     inspector.Cursor
	decl    *ast.FuncDecl
	inTest  bool
	canFail bool          // it fails on its own, or through a callee that can
	deps    []*types.Func // functions of the package it fails through if they can
}

// propagate computes the least fixpoint of canFail over the package's
// call edges: a function can fail if its body does or a dependency can.
func (c *checker) propagate() {
	callers := make(map[*types.Func][]*summary)
	var failing []*summary
	for _, s := range c.order {
		for _, dep := range s.deps {
			callers[dep] = append(callers[dep], s)
		}
		if s.canFail {
			failing = append(failing, s)
		}
	}
	testcode.Propagate(failing, func(s *summary) []*summary { return callers[s.fn] }, func(caller, _ *summary) bool {
		if caller.canFail {
			return false
		}
		caller.canFail = true
		return true
	})
}

// summarize walks a function's body, function literals included, and
// records whether it can fail on its own and which functions of the
// package it depends on.
func (c *checker) summarize(s *summary) {
	info := c.pass.TypesInfo
	for cur := range s.cur.ChildAt(edge.FuncDecl_Body, -1).Preorder((*ast.Ident)(nil)) {
		id := cur.Node().(*ast.Ident)
		switch obj := info.Uses[id].(type) {
		case *types.Var:
			if !tracked(obj.Type()) {
				continue
			}
			if cur.ParentEdgeKind() == edge.SelectorExpr_Sel {
				cur = cur.Parent() // a field holding a testing value
			}
			if c.useFails(s, cur) {
				s.canFail = true
				return
			}
		case *types.Func:
			if c.funcRefFails(s, cur, obj) {
				s.canFail = true
				return
			}
		case *types.Builtin:
			if obj.Name() == "panic" {
				s.canFail = true
				return
			}
		}
	}
}

// funcRefFails handles a reference to a function or method: a failing
// testing method, an exit, a helper of the package, or a function value
// that might later be called with a testing value.
func (c *checker) funcRefFails(s *summary, cur inspector.Cursor, fn *types.Func) bool {
	fn = fn.Origin()
	if testcode.IsTestingMethod(fn, "Error", "Errorf", "Fatal", "Fatalf", "Fail", "FailNow") ||
		testcode.IsFunc(fn, "os", "Exit") ||
		testcode.IsFunc(fn, "log", "Fatal", "Fatalf", "Fatalln", "Panic", "Panicf", "Panicln") ||
		testcode.IsMethod(fn, "log", "Logger", "Fatal", "Fatalf", "Fatalln", "Panic", "Panicf", "Panicln") {
		return true
	}
	local, isLocal := c.funcs[fn]
	if isLocal && local.inTest {
		// A test-file function may assert by panicking even without t.
		s.deps = append(s.deps, fn)
	}
	if isCalled(cur) || !hasTrackedParam(fn.Signature()) {
		return false // a call's testing arguments are judged as uses
	}
	return !c.safeToPass(s, fn)
}

// safeToPass reports whether handing a testing value to fn is known not
// to fail the test, recording fn as a dependency when it is the package's
// (and so only known after propagate).
func (c *checker) safeToPass(s *summary, fn *types.Func) bool {
	if fn.Pkg() == c.pass.Pkg {
		if _, ok := c.funcs[fn]; ok {
			s.deps = append(s.deps, fn)
			return true
		}
		return false // no body: assembly or linkname
	}
	return c.pass.ImportObjectFact(fn, new(neverFails))
}

// useFails reports whether the use of a testing value at cur (an
// identifier, or the selector of a field) may fail the test.
func (c *checker) useFails(s *summary, cur inspector.Cursor) bool {
	info := c.pass.TypesInfo
	for {
		parent := cur.Parent()
		kind, index := cur.ParentEdge()
		switch kind {
		case edge.ParenExpr_X:
			cur = parent
			continue
		case edge.SelectorExpr_X:
			return c.methodFails(parent)
		case edge.CallExpr_Args:
			call := parent.Node().(*ast.CallExpr)
			if info.Types[call.Fun].IsType() {
				cur = parent // a conversion such as testing.TB(t)
				continue
			}
			return c.argFails(s, call, index)
		case edge.AssignStmt_Lhs, edge.KeyValueExpr_Key, edge.RangeStmt_Key, edge.RangeStmt_Value, edge.BinaryExpr_X, edge.BinaryExpr_Y:
			return false
		case edge.AssignStmt_Rhs:
			assign := parent.Node().(*ast.AssignStmt)
			return len(assign.Lhs) != len(assign.Rhs) || !c.localSink(assign.Lhs[index])
		case edge.ValueSpec_Values:
			spec := parent.Node().(*ast.ValueSpec)
			return len(spec.Names) != len(spec.Values) || !c.localSink(spec.Names[index])
		}
		// Stored in a composite, returned, sent, dereferenced, asserted:
		// whatever receives it may fail the test.
		return true
	}
}

// localSink reports whether assigning a testing value to lhs keeps it in
// view: the blank identifier, or a local variable of a testing type whose
// own uses are summarized with the function's.
func (c *checker) localSink(lhs ast.Expr) bool {
	id, ok := ast.Unparen(lhs).(*ast.Ident)
	if !ok {
		return false
	}
	if id.Name == "_" {
		return true
	}
	v, ok := c.pass.TypesInfo.ObjectOf(id).(*types.Var)
	return ok && v.Parent() != nil && v.Parent() != c.pass.Pkg.Scope() && tracked(v.Type())
}

// methodFails judges a method selected on a testing value.
func (c *checker) methodFails(selCur inspector.Cursor) bool {
	sel := selCur.Node().(*ast.SelectorExpr)
	selection := c.pass.TypesInfo.Selections[sel]
	if selection == nil {
		return true
	}
	if selection.Kind() == types.FieldVal {
		return false // b.N
	}
	fn, ok := selection.Obj().(*types.Func)
	if !ok {
		return true
	}
	name := fn.Name()
	switch {
	case failingMethods[name]:
		return true
	case name == "Run" && testcode.IsTestingMethod(fn, "Run"):
		// The subtest fails its parent: its body must be in view, as a
		// literal (summarized here) or a named function (judged by
		// funcRefFails).
		call, ok := selCur.Parent().Node().(*ast.CallExpr)
		if !ok || selCur.ParentEdgeKind() != edge.CallExpr_Fun || len(call.Args) != 2 {
			return true
		}
		if _, ok := ast.Unparen(call.Args[1]).(*ast.FuncLit); ok {
			return false
		}
		_, isFunc := testcode.Referenced(c.pass.TypesInfo, call.Args[1]).(*types.Func)
		return !isFunc
	case name == "Run" || name == "Fuzz":
		return true
	}
	_, known := tbMethods[name]
	return !known && !testcode.IsTestingMethod(fn, name)
}

// argFails judges a testing value passed as argument index of call.
func (c *checker) argFails(s *summary, call *ast.CallExpr, index int) bool {
	callee := testcode.Callee(c.pass.TypesInfo, call)
	if callee == nil {
		return true // a function value, or a builtin such as append
	}
	callee = callee.Origin()
	if !tracked(paramType(callee.Signature(), index, call.Ellipsis.IsValid())) {
		return true // it goes where the summary did not look
	}
	return !c.safeToPass(s, callee)
}

func paramType(sig *types.Signature, index int, spread bool) types.Type {
	params := sig.Params()
	if sig.Variadic() && index >= params.Len()-1 {
		last := params.At(params.Len() - 1).Type()
		if spread {
			return last
		}
		return last.(*types.Slice).Elem()
	}
	if index >= params.Len() {
		return nil
	}
	return params.At(index).Type()
}

// isCalled reports whether the function named at cur is called there
// rather than used as a value.
func isCalled(cur inspector.Cursor) bool {
	if cur.ParentEdgeKind() == edge.SelectorExpr_Sel {
		cur = cur.Parent()
	}
	for {
		switch cur.ParentEdgeKind() {
		case edge.ParenExpr_X, edge.IndexExpr_X, edge.IndexListExpr_X:
			cur = cur.Parent()
		case edge.CallExpr_Fun:
			return true
		default:
			return false
		}
	}
}

func hasTrackedParam(sig *types.Signature) bool {
	params := sig.Params()
	for i := range params.Len() {
		if tracked(params.At(i).Type()) {
			return true
		}
	}
	return false
}

// tracked reports whether a value of type t can carry a test's failure:
// a testing type, or an interface made only of testing.TB's methods.
func tracked(t types.Type) bool {
	if t == nil {
		return false
	}
	if testcode.IsTestingType(t) {
		return true
	}
	if _, isParam := types.Unalias(t).(*types.TypeParam); isParam {
		return false
	}
	iface, ok := t.Underlying().(*types.Interface)
	if !ok || iface.NumMethods() == 0 {
		return false
	}
	for m := range iface.Methods() {
		want, ok := tbMethods[m.Name()]
		sig := m.Signature()
		if !ok || sig.Params().Len() != want.params || sig.Variadic() != want.variadic {
			return false
		}
	}
	return true
}

// exempt reports whether a test that cannot fail is fine as it is.
func exempt(pass *analysis.Pass, decl *ast.FuncDecl) bool {
	f := testcode.FileOf(pass, decl.Pos())
	if f == nil {
		return true
	}
	return statesIntent(f, decl) || startsWithSkip(pass, decl.Body) || helperProcess(pass, decl.Body) || compileTimeOnly(pass, decl.Body) || assertsTypes(pass, decl.Body) || waitsOnChannel(pass, decl.Body)
}

var (
	// noPanicName matches a lower-cased test name without underscores
	// that says nothing panics: TestParseDoesNotPanic, Test_no_panic.
	noPanicName = regexp.MustCompile(`(no|not|nt|never|without)(panic|crash)`)
	// failureWord matches a camel-case word of a test name that names a
	// failure the runtime reports by itself: TestFileSetRace, TestCloneCrash.
	failureWord = regexp.MustCompile(`(Race|Races|Racy|Racing|Crash|Crashes|Hang|Hangs|Deadlock|Deadlocks|Concurrent|Concurrency|Concurrently|Safe)([^a-z]|$)`)
	// failureComment matches a comment that says what the test provokes:
	// "this used to panic", "test for the race detector".
	failureComment = regexp.MustCompile(`(?i)\b(panic\w*|crash\w*|races?|racy|racing|hangs?|hanging|deadlock\w*|infinite loop)\b`)
)

// statesIntent reports whether a test's name or comments say that it
// checks for a panic, crash, hang or data race: the test binary, its
// timeout or the race detector reports those without an assertion.
func statesIntent(f *ast.File, decl *ast.FuncDecl) bool {
	name := decl.Name.Name
	if noPanicName.MatchString(strings.ToLower(strings.ReplaceAll(name, "_", ""))) || failureWord.MatchString(name) {
		return true
	}
	start := decl.Pos()
	if decl.Doc != nil {
		start = decl.Doc.Pos()
	}
	for _, group := range f.Comments {
		if group.Pos() >= start && group.End() <= decl.End() && failureComment.MatchString(group.Text()) {
			return true
		}
	}
	return false
}

// startsWithSkip reports whether a test begins with an unconditional
// t.Skip: a placeholder, or a test switched off, whose rest never runs.
func startsWithSkip(pass *analysis.Pass, body *ast.BlockStmt) bool {
	if len(body.List) == 0 {
		return false
	}
	stmt, ok := body.List[0].(*ast.ExprStmt)
	if !ok {
		return false
	}
	call, ok := stmt.X.(*ast.CallExpr)
	return ok && testcode.IsTestingMethod(testcode.Callee(pass.TypesInfo, call), "Skip", "Skipf", "SkipNow")
}

// helperProcess reports whether a test begins by returning unless an
// environment variable is set: the helper-process pattern, where another
// test runs the binary again and checks what this one prints or exits
// with.
func helperProcess(pass *analysis.Pass, body *ast.BlockStmt) bool {
	if len(body.List) == 0 {
		return false
	}
	stmt, ok := body.List[0].(*ast.IfStmt)
	if !ok || stmt.Else != nil || len(stmt.Body.List) != 1 {
		return false
	}
	if _, ok := stmt.Body.List[0].(*ast.ReturnStmt); !ok {
		return false
	}
	return testcode.ReadsEnv(pass.TypesInfo, stmt.Cond)
}

// compileTimeOnly reports whether a test holds nothing but compile-time
// assertions: declarations, and blank assignments that call nothing
// (var _ io.Reader = (*T)(nil)), at top level or in subtests that hold
// nothing else.
func compileTimeOnly(pass *analysis.Pass, body *ast.BlockStmt) bool {
	if len(body.List) == 0 {
		return false
	}
	for _, stmt := range body.List {
		switch stmt := stmt.(type) {
		case *ast.ExprStmt:
			if !compileTimeSubtest(pass, stmt.X) {
				return false
			}
		case *ast.DeclStmt:
			gen := stmt.Decl.(*ast.GenDecl)
			for _, spec := range gen.Specs {
				if vs, ok := spec.(*ast.ValueSpec); ok && !blankAndCallFree(pass, vs.Names, vs.Values) {
					return false
				}
			}
		case *ast.AssignStmt:
			lhs := make([]*ast.Ident, len(stmt.Lhs))
			for i, e := range stmt.Lhs {
				id, ok := e.(*ast.Ident)
				if !ok {
					return false
				}
				lhs[i] = id
			}
			if !blankAndCallFree(pass, lhs, stmt.Rhs) {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// waitsOnChannel reports whether a test's own statements (not its
// goroutines') receive from a channel or range over one: if what it waits
// for never comes, the test fails by its timeout, which is its check
// (for range ticker.C { n++; if n == want { return } }).
func waitsOnChannel(pass *analysis.Pass, body *ast.BlockStmt) bool {
	isChan := func(e ast.Expr) bool {
		_, ok := pass.TypesInfo.TypeOf(e).Underlying().(*types.Chan)
		return ok
	}
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit, *ast.GoStmt, *ast.SelectStmt:
			return false
		case *ast.RangeStmt:
			found = found || isChan(n.X)
		case *ast.UnaryExpr:
			found = found || (n.Op == token.ARROW && isChan(n.X))
		}
		return !found
	})
	return found
}

// assertsTypes reports whether a test, or a subtest in it, holds a typed
// compile-time assertion (var _ CompletionFunc = userComp): the compiler
// checks it, which is what the test is for, whatever else it runs.
func assertsTypes(pass *analysis.Pass, body *ast.BlockStmt) bool {
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		if vs, ok := n.(*ast.ValueSpec); ok && vs.Type != nil && len(vs.Values) > 0 && blankAndCallFree(pass, vs.Names, vs.Values) {
			found = true
		}
		return !found
	})
	return found
}

// compileTimeSubtest reports whether e is t.Run(name, func(t *testing.T)
// {...}) with a body that holds only compile-time assertions.
func compileTimeSubtest(pass *analysis.Pass, e ast.Expr) bool {
	call, ok := e.(*ast.CallExpr)
	if !ok || len(call.Args) != 2 || !testcode.IsTestingMethod(testcode.Callee(pass.TypesInfo, call), "Run") {
		return false
	}
	lit, ok := ast.Unparen(call.Args[1]).(*ast.FuncLit)
	return ok && compileTimeOnly(pass, lit.Body)
}

func blankAndCallFree(pass *analysis.Pass, names []*ast.Ident, values []ast.Expr) bool {
	for _, id := range names {
		if id.Name != "_" {
			return false
		}
	}
	for _, v := range values {
		calls := false
		ast.Inspect(v, func(n ast.Node) bool {
			if call, ok := n.(*ast.CallExpr); ok && !pass.TypesInfo.Types[call.Fun].IsType() && !pass.TypesInfo.Types[call.Fun].IsBuiltin() {
				calls = true
			}
			return !calls
		})
		if calls {
			return false
		}
	}
	return true
}
