package sleep

import (
	"go/ast"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/testgate/testgate/analyzers/internal/testcode"
)

type siteKind int

const (
	elsewhere siteKind = iota // not the test's goroutine, or fake time
	onTest                    // the test's own goroutine
	inHelper                  // a helper: it depends on who calls it
)

// A site tells, as far as the enclosing functions show, on whose behalf a
// statement runs.
type site struct {
	kind   siteKind
	noT    bool        // onTest: no *testing.T to run a synctest bubble with (TestMain, a ginkgo spec)
	helper *types.Func // inHelper: the helper
	withT  bool        // inHelper: the helper takes *testing.T, F or testing.TB
}

// A checker answers where statements of one package's test files run.
type checker struct {
	pass *analysis.Pass
	insp *inspector.Inspector

	// Function literals and functions that run in a synctest bubble
	// although they are not literally inside synctest.Test(t, func...).
	bubbleLits  map[*ast.FuncLit]bool
	bubbleFuncs map[*types.Func]bool

	wanted  map[*types.Func]bool               // helpers whose callers matter
	refs    map[*types.Func][]inspector.Cursor // their uses, once collected
	verdict map[*types.Func]bool               // helpers found to run on a test's goroutine

	bodies map[*types.Func]*ast.BlockStmt // the package's function bodies, once a wait needs them
}

func newChecker(pass *analysis.Pass, insp *inspector.Inspector) *checker {
	c := &checker{
		pass:        pass,
		insp:        insp,
		bubbleLits:  make(map[*ast.FuncLit]bool),
		bubbleFuncs: make(map[*types.Func]bool),
		wanted:      make(map[*types.Func]bool),
		verdict:     make(map[*types.Func]bool),
	}
	if testcode.Imports(pass.Pkg, "testing/synctest") {
		c.findBubbles()
	}
	return c
}

// siteOf tells on whose behalf the statement or expression at cur runs.
func (c *checker) siteOf(cur inspector.Cursor) site {
	info := c.pass.TypesInfo
	if testcode.InSynctestBubble(info, cur) || testcode.InGoroutine(info, cur) ||
		testcode.InCleanup(info, cur) || testcode.InHTTPHandler(info, cur) {
		return site{kind: elsewhere}
	}
	for fn := range cur.Enclosing((*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		switch n := fn.Node().(type) {
		case *ast.FuncLit:
			if c.isSpecBody(fn) {
				return site{kind: onTest, noT: true}
			}
			if !c.runsOnCaller(fn) {
				return site{kind: elsewhere}
			}
		case *ast.FuncDecl:
			return c.declSite(n)
		}
	}
	return site{kind: elsewhere} // a package-level initializer
}

// declSite classifies a function declared in a test file.
func (c *checker) declSite(decl *ast.FuncDecl) site {
	fn, ok := c.pass.TypesInfo.Defs[decl.Name].(*types.Func)
	if !ok || c.bubbleFuncs[fn] {
		return site{kind: elsewhere}
	}
	withT, withB, withF := testingParams(c.pass.TypesInfo, decl.Type)
	kind := testcode.KindOf(c.pass, decl)
	switch {
	case decl.Recv != nil && strings.HasPrefix(decl.Name.Name, "Test"):
		return site{kind: onTest} // a suite's test method, as testify runs them
	case decl.Recv != nil && c.declaredInTest(fn):
		return site{kind: elsewhere} // a test double
	case withB:
		return site{kind: elsewhere} // a benchmark measures its sleeps
	case kind == testcode.Example:
		return site{kind: elsewhere} // an example shows work taking time
	case kind == testcode.Main:
		return site{kind: onTest, noT: true}
	case kind == testcode.Test, withF && decl.Recv == nil:
		return site{kind: onTest}
	}
	return site{kind: inHelper, helper: fn, withT: withT}
}

// declaredInTest reports whether method's receiver type is declared in a
// _test.go file, as fakes are.
func (c *checker) declaredInTest(method *types.Func) bool {
	recv := method.Type().(*types.Signature).Recv().Type()
	if ptr, ok := types.Unalias(recv).(*types.Pointer); ok {
		recv = ptr.Elem()
	}
	named, ok := types.Unalias(recv).(*types.Named)
	return ok && testcode.InTestFile(c.pass, named.Obj().Pos())
}

// testingParams reports which testing types ftype's parameters have.
func testingParams(info *types.Info, ftype *ast.FuncType) (withT, withB, withF bool) {
	for _, field := range ftype.Params.List {
		t := info.TypeOf(field.Type)
		switch {
		case testcode.IsNamedType(t, "testing", "B"):
			withB = true
		case testcode.IsNamedType(t, "testing", "F"):
			withF = true
		case testcode.IsTestingType(t):
			withT = true
		}
	}
	return withT, withB, withF
}

// runsOnCaller reports whether the function literal at lit runs on the
// goroutine of the function that contains it: it is called on the spot,
// it is a test body handed to t.Run or a test runner or listed in a test
// table, or it is stored in a local variable that is only ever called.
// Other literals handed to other code or stored in fields, globals and
// tables are callbacks and hooks: when and where they run is not visible
// here.
func (c *checker) runsOnCaller(lit inspector.Cursor) bool {
	n := lit.Node().(*ast.FuncLit)
	withT, withB, withF := testingParams(c.pass.TypesInfo, n.Type)
	if withB {
		return false // a benchmark body measures its sleeps
	}
	testBody := withT || withF
	switch parent := lit.Parent().Node().(type) {
	case *ast.CallExpr:
		if parent.Fun == n {
			return true // go and defer were ruled out before
		}
		return testBody && !c.bubbleLits[n]
	case *ast.AssignStmt:
		if len(parent.Lhs) == len(parent.Rhs) {
			return testBody || c.onlyCalled(lit, parent.Lhs[lit.ParentEdgeIndex()])
		}
	case *ast.ValueSpec:
		if len(parent.Names) == len(parent.Values) {
			return testBody || c.onlyCalled(lit, parent.Names[lit.ParentEdgeIndex()])
		}
	case *ast.CompositeLit, *ast.KeyValueExpr:
		return testBody && inTable(lit)
	}
	return false
}

// inTable reports whether the expression at x is an element of a composite
// literal, with or without a key, as the cases of a table-driven test are.
func inTable(x inspector.Cursor) bool {
	if x.ParentEdgeKind() == edge.KeyValueExpr_Value {
		x = x.Parent()
	}
	return x.ParentEdgeKind() == edge.CompositeLit_Elts
}

// specNodes are ginkgo's functions whose function arguments run on the
// goroutine of the spec, as a test body runs on its test's: containers,
// subjects, setup nodes and steps. DeferCleanup and the reporting nodes
// are left out: they run after the spec, as t.Cleanup functions do.
var specNodes = map[string]bool{
	"Describe": true, "FDescribe": true, "PDescribe": true, "XDescribe": true,
	"Context": true, "FContext": true, "PContext": true, "XContext": true,
	"When": true, "FWhen": true, "PWhen": true, "XWhen": true,
	"It": true, "FIt": true, "PIt": true, "XIt": true,
	"Specify": true, "FSpecify": true, "PSpecify": true, "XSpecify": true,
	"DescribeTable": true, "FDescribeTable": true, "PDescribeTable": true, "XDescribeTable": true,
	"BeforeEach": true, "JustBeforeEach": true, "AfterEach": true, "JustAfterEach": true,
	"BeforeAll": true, "AfterAll": true, "BeforeSuite": true, "AfterSuite": true,
	"SynchronizedBeforeSuite": true, "SynchronizedAfterSuite": true, "By": true,
}

// isSpecBody reports whether the function literal at lit is handed to one
// of ginkgo's spec nodes (github.com/onsi/ginkgo and its forks, v1 or v2).
func (c *checker) isSpecBody(lit inspector.Cursor) bool {
	if lit.ParentEdgeKind() != edge.CallExpr_Args {
		return false
	}
	return specNodes[testcode.GinkgoName(c.pass.TypesInfo, lit.Parent().Node().(*ast.CallExpr).Fun)]
}

// onlyCalled reports whether the local variable lhs, to which the literal
// at lit is assigned, is called at least once and used in no other way
// (such as go f(), defer f() or being handed on).
func (c *checker) onlyCalled(lit inspector.Cursor, lhs ast.Expr) bool {
	id := testcode.Ident(lhs)
	if id == nil {
		return false
	}
	v, ok := c.pass.TypesInfo.ObjectOf(id).(*types.Var)
	if !ok || v.Parent() == nil || v.Parent() == c.pass.Pkg.Scope() {
		return false
	}
	// A local variable is used only inside the outermost function around
	// its literal: a declaration, or a literal at package level such as a
	// ginkgo container's body.
	body := lit
	for fn := range lit.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		body = fn
	}
	calls := 0
	for use := range body.Preorder((*ast.Ident)(nil)) {
		if c.pass.TypesInfo.Uses[use.Node().(*ast.Ident)] != v {
			continue
		}
		if !isPlainCall(use) || testcode.InGoroutine(c.pass.TypesInfo, use) || testcode.InCleanup(c.pass.TypesInfo, use) {
			return false
		}
		calls++
	}
	return calls > 0
}

// isPlainCall reports whether the function name at use is called in place,
// not in a go or defer statement.
func isPlainCall(use inspector.Cursor) bool {
	use = wholeRef(use)
	if use.ParentEdgeKind() != edge.CallExpr_Fun {
		return false
	}
	switch use.Parent().Parent().Node().(type) {
	case *ast.GoStmt, *ast.DeferStmt:
		return false
	}
	return true
}

// helperRunsOnTest reports whether the helper of s runs on a test's own
// goroutine: every use of it is a call from a test or from a helper taking
// a testing parameter, or, when it takes one itself, hands it to t.Run or a
// test runner. A helper also started as a goroutine, stored as a hook or
// run in a bubble stages events rather than waiting for them.
func (c *checker) helperRunsOnTest(s site) bool {
	if v, ok := c.verdict[s.helper]; ok {
		return v
	}
	if c.refs == nil {
		c.collectRefs()
	}
	fromTests, other := 0, 0
	for _, use := range c.refs[s.helper] {
		if c.usedByTest(use, s.withT) {
			fromTests++
		} else {
			other++
		}
	}
	v := fromTests > 0 && other == 0
	c.verdict[s.helper] = v
	return v
}

// usedByTest reports whether a use of a helper is a call from a test or a
// testing helper, or, for a helper with a testing parameter, hands it to
// a test runner.
func (c *checker) usedByTest(use inspector.Cursor, withT bool) bool {
	caller := c.siteOf(use)
	if caller.kind != onTest && !(caller.kind == inHelper && caller.withT) {
		return false
	}
	if isPlainCall(use) {
		return true
	}
	ref := wholeRef(use)
	return withT && (ref.ParentEdgeKind() == edge.CallExpr_Args || inTable(ref))
}

// wholeRef returns the expression that a name refers through: x.f for
// the f of a method or qualified name, the name itself otherwise.
func wholeRef(name inspector.Cursor) inspector.Cursor {
	if name.ParentEdgeKind() == edge.SelectorExpr_Sel {
		return name.Parent()
	}
	return name
}

// collectRefs finds the uses of the wanted helpers in the test files.
func (c *checker) collectRefs() {
	c.refs = make(map[*types.Func][]inspector.Cursor)
	for fileCur := range c.insp.Root().Children() {
		if !testcode.IsTestFile(c.pass, fileCur.Node().(*ast.File)) {
			continue
		}
		for use := range fileCur.Preorder((*ast.Ident)(nil)) {
			if fn, ok := c.pass.TypesInfo.Uses[use.Node().(*ast.Ident)].(*types.Func); ok && c.wanted[fn.Origin()] {
				c.refs[fn.Origin()] = append(c.refs[fn.Origin()], use)
			}
		}
	}
}
