package cleanup

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/testgate/testgate/analyzers/internal/testcode"
)

//go:embed doc.go
var doc string

// Analyzer reports resources and process state that a test acquires and
// visibly never releases.
var Analyzer = &analysis.Analyzer{
	Name:      "cleanup",
	Doc:       testcode.MustExtractDoc(doc, "cleanup"),
	URL:       "https://pkg.go.dev/github.com/testgate/testgate/analyzers/cleanup",
	Requires:  []*analysis.Analyzer{inspect.Analyzer},
	Run:       testcode.WithIgnores(run),
	FactTypes: []analysis.Fact{new(keepsArgs)},
}

// A resource describes what a constructor opens and how it is let go.
type resource struct {
	noun    string // what the messages call it
	release string // the method that releases it; "" for a temporary directory
	verb    string // what release does, as a participle
}

var (
	server   = &resource{"httptest server", "Close", "closed"}
	file     = &resource{"file", "Close", "closed"}
	database = &resource{"database", "Close", "closed"}
	listener = &resource{"listener", "Close", "closed"}
	ticker   = &resource{"ticker", "Stop", "stopped"}
	timer    = &resource{"timer", "Stop", "stopped"}
	tempDir  = &resource{"temporary directory", "", "removed"}
)

// constructors maps a package path and function name to what the function
// opens.
var constructors = map[string]map[string]*resource{
	"net/http/httptest": {"NewServer": server, "NewTLSServer": server, "NewUnstartedServer": server},
	"os":                {"Create": file, "Open": file, "OpenFile": file, "CreateTemp": file, "MkdirTemp": tempDir},
	"io/ioutil":         {"TempFile": file, "TempDir": tempDir},
	"database/sql":      {"Open": database, "OpenDB": database},
	"net": {
		"Listen": listener, "ListenPacket": listener, "ListenTCP": listener, "ListenUDP": listener,
		"ListenUnix": listener, "ListenUnixgram": listener, "ListenIP": listener, "ListenMulticastUDP": listener,
	},
	"time": {"NewTicker": ticker, "NewTimer": timer},
}

func run(pass *analysis.Pass) (any, error) {
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	c := &checker{pass: pass, insp: insp, indexes: make(map[ast.Node]*funcIndex), helpers: make(map[*types.Func]helperEffect)}
	// Every package outside the standard library is summarized, test
	// files or not: its functions' facts are what its importers' tests
	// rely on.
	c.summarizeKeeps(insp.Root())
	if len(testcode.TestFiles(pass)) == 0 {
		return nil, nil
	}
	for fileCur := range insp.Root().Children() {
		f := fileCur.Node().(*ast.File)
		if !testcode.IsTestFile(pass, f) {
			continue
		}
		c.file = f
		for call := range fileCur.Preorder((*ast.CallExpr)(nil)) {
			c.checkCall(call)
		}
	}
	return nil, nil
}

type checker struct {
	pass    *analysis.Pass
	insp    *inspector.Inspector
	file    *ast.File
	indexes map[ast.Node]*funcIndex      // by outermost function
	helpers map[*types.Func]helperEffect // by the package's function
	tests   *testcode.Tests              // built on first need

	keeperOf map[*types.Func]*keeper // the package's functions with bodies
	keeps    map[*types.Func]uint64  // their parameters they close, return or store
}

// A site is a call that acquires something, in a function with a testing
// parameter.
type site struct {
	call   inspector.Cursor
	callee *types.Func
	fn     inspector.Cursor // the innermost function around call
	tparam *types.Var       // fn's testing parameter
}

// calledNames holds the names of every function the analyzer looks at, to
// skip other calls before resolving their callee.
var calledNames = func() map[string]bool {
	names := map[string]bool{"Setenv": true, "Chdir": true}
	for _, funcs := range constructors {
		for name := range funcs {
			names[name] = true
		}
	}
	return names
}()

func (c *checker) checkCall(call inspector.Cursor) {
	var name *ast.Ident
	switch fun := ast.Unparen(call.Node().(*ast.CallExpr).Fun).(type) {
	case *ast.Ident:
		name = fun
	case *ast.SelectorExpr:
		name = fun.Sel
	}
	if name == nil || !calledNames[name.Name] {
		return
	}
	callee := testcode.Callee(c.pass.TypesInfo, call.Node().(*ast.CallExpr))
	if callee == nil || callee.Pkg() == nil {
		return
	}
	var check func(*site)
	switch {
	case testcode.IsFunc(callee, "os", "Setenv"):
		check = c.checkSetenv
	case testcode.IsFunc(callee, "os", "Chdir"):
		check = c.checkChdir
	default:
		r := constructors[callee.Pkg().Path()][callee.Name()]
		if r == nil || !testcode.IsFunc(callee, callee.Pkg().Path(), callee.Name()) {
			return
		}
		check = func(s *site) { c.checkResource(s, r) }
	}
	fn, ok := testcode.EnclosingFunc(call)
	if !ok {
		return
	}
	ftype, _ := testcode.FuncParts(fn.Node())
	tparam := testcode.TestingParam(c.pass.TypesInfo, ftype)
	if tparam == nil {
		return
	}
	check(&site{call: call, callee: callee, fn: fn, tparam: tparam})
}

func (c *checker) checkResource(s *site, r *resource) {
	call := s.call.Node().(*ast.CallExpr)
	if (r == ticker || r == timer) && c.goVersionAtLeast("go1.23") {
		return // the garbage collector reclaims unstopped timers and tickers
	}
	if r == tempDir && (len(call.Args) == 0 || !c.isSystemTempDir(call.Args[0])) {
		return // a caller-chosen parent is removed with its contents
	}
	v, stmt, dropped := c.holder(s, r)
	if dropped {
		if !probes(s.callee) && !c.inSubprocessOnly(s) {
			c.pass.Reportf(call.Pos(), "%s from %s is discarded and never %s; %s",
				r.noun, qualifiedName(s.callee), r.verb, c.adviceDiscarded(s, r))
		}
		return
	}
	if v == nil || c.released(s, r, v) || c.expectsFailure(stmt) || c.inSubprocessOnly(s) {
		return
	}
	advice, fix := c.adviceNamed(s, r, v, stmt)
	if loop := c.servingLoop(s, v); loop != "" {
		advice = loop + " in a goroutine closes it only when its server stops; " + c.adviceServed(s, v, advice)
	}
	d := analysis.Diagnostic{
		Pos:     call.Pos(),
		End:     call.End(),
		Message: fmt.Sprintf("%s %s is never %s; %s", r.noun, v.Name(), r.verb, advice),
	}
	if fix != nil {
		d.SuggestedFixes = []analysis.SuggestedFix{*fix}
	}
	c.pass.Report(d)
}

// holder returns the local variable of s.fn that the resource acquired at
// s lands in, with the statement that assigns it, or whether the resource
// is dropped on the spot. It returns no variable when the resource goes
// anywhere else (returned, stored, passed on), which hands it to someone
// who may release it.
func (c *checker) holder(s *site, r *resource) (v *types.Var, stmt inspector.Cursor, dropped bool) {
	call := s.call.Node().(*ast.CallExpr)
	parent := s.call.Parent()
	var lhs ast.Expr
	switch p := parent.Node().(type) {
	case *ast.ExprStmt:
		return nil, stmt, true
	case *ast.SelectorExpr:
		// The result is used once and dropped: httptest.NewServer(h).URL.
		// Reading a timer's channel waits until it fires, which frees it.
		return nil, stmt, p.Sel.Name != r.release && r != timer
	case *ast.AssignStmt:
		lhs = paired(p.Lhs, p.Rhs, call)
		stmt = parent
	case *ast.ValueSpec:
		names := make([]ast.Expr, len(p.Names))
		for i, n := range p.Names {
			names[i] = n
		}
		lhs = paired(names, p.Values, call)
		stmt = parent.Parent().Parent() // ValueSpec → GenDecl → DeclStmt
	}
	id, ok := lhs.(*ast.Ident)
	if !ok {
		return nil, stmt, false
	}
	if id.Name == "_" {
		return nil, stmt, true
	}
	v, _ = c.pass.TypesInfo.ObjectOf(id).(*types.Var)
	if v == nil || !declaredIn(v, s.fn) {
		return nil, stmt, false // a parameter, result or variable of an outer function
	}
	return v, stmt, false
}

// declaredIn reports whether v is declared in the body of fn, a function
// declaration or literal: a local of fn or of a function inside it, not a
// parameter, result or variable of an outer function.
func declaredIn(v *types.Var, fn inspector.Cursor) bool {
	_, body := testcode.FuncParts(fn.Node())
	return body != nil && body.Pos() <= v.Pos() && v.Pos() < body.End()
}

// probes reports whether a call of fn whose resource is dropped but whose
// error is kept is made for the error: _, err := os.Open(missing) is how
// tests provoke one. Calls made for what they create are not probes.
func probes(fn *types.Func) bool {
	return fn.Type().(*types.Signature).Results().Len() == 2 &&
		!testcode.IsFunc(fn, "os", "Create", "CreateTemp", "MkdirTemp") &&
		!testcode.IsFunc(fn, "io/ioutil", "TempFile", "TempDir")
}

// paired returns the expression of lhs that receives call's (first) result.
func paired(lhs, rhs []ast.Expr, call *ast.CallExpr) ast.Expr {
	if len(lhs) == len(rhs) {
		for i, e := range rhs {
			if e == call {
				return lhs[i]
			}
		}
	}
	if len(rhs) == 1 && len(lhs) > 0 {
		return lhs[0]
	}
	return nil
}

// How a use of a resource's variable bears on its release.
type useKind int

const (
	neutral  useKind = iota // a method call, a field read, a comparison
	releases                // a call of its release method
	escapes                 // ownership may leave the function
)

// released reports whether the resource that s assigns to v is released,
// or whether it leaves the function, which makes someone else responsible.
func (c *checker) released(s *site, r *resource, v *types.Var) bool {
	for _, use := range c.index(s.fn).uses[v] {
		switch c.useOf(r, use) {
		case escapes:
			return true
		case releases:
			if countsAsRelease(c.pass.TypesInfo, s.fn, s.call, use) {
				return true
			}
		}
	}
	return false
}

func (c *checker) useOf(r *resource, use inspector.Cursor) useKind {
	if testcode.InCleanup(c.pass.TypesInfo, use) {
		// Whatever a defer or t.Cleanup does with it (Close, Shutdown,
		// os.RemoveAll, a helper) is the test's way of letting it go,
		// but removing a file by its name leaves the file open.
		if sel, ok := use.Parent().Node().(*ast.SelectorExpr); ok && r == file && sel.Sel.Name == "Name" {
			return neutral
		}
		return releases
	}
	if r == tempDir {
		return c.pathUseOf(use)
	}
	top := use
	for top.ParentEdgeKind() == edge.SelectorExpr_X {
		top = top.Parent()
	}
	if top != use {
		// x.Close() and x.Listener.Close() release; x.Close as a value is
		// handed to t.Cleanup or kept for later; x.URL and x.Name() are
		// only reads.
		if top.Node().(*ast.SelectorExpr).Sel.Name != r.release {
			return neutral
		}
		if top.ParentEdgeKind() == edge.CallExpr_Fun {
			return releases
		}
		return escapes
	}
	switch kind, index := use.ParentEdge(); kind {
	case edge.CallExpr_Args:
		if kind, ok := c.servedUse(use); ok {
			return kind
		}
		call := use.Parent().Node().(*ast.CallExpr)
		if c.keeps == nil { // a standard-library package
			if readsOnly(testcode.Callee(c.pass.TypesInfo, call)) {
				return neutral
			}
			return escapes
		}
		if call.Ellipsis.IsValid() {
			return escapes
		}
		return c.argUseOf(testcode.Callee(c.pass.TypesInfo, call), index)
	case edge.BinaryExpr_X, edge.BinaryExpr_Y, edge.AssignStmt_Lhs:
		return neutral
	}
	return escapes
}

// readsOnly reports whether fn only reads from or writes to the reader or
// writer it is given, or formats or inspects it (as assertion libraries
// do with any value), without keeping or closing it.
func readsOnly(fn *types.Func) bool {
	return testcode.IsFunc(fn, "io", "ReadAll", "Copy", "CopyN", "CopyBuffer", "ReadFull", "ReadAtLeast", "WriteString") ||
		testcode.IsFunc(fn, "io/ioutil", "ReadAll") ||
		testcode.IsFunc(fn, "fmt", "Fprint", "Fprintf", "Fprintln", "Fscan", "Fscanf", "Fscanln", "Sprint", "Sprintf", "Sprintln", "Errorf") ||
		testcode.IsFunc(fn, "reflect", "ValueOf", "TypeOf", "DeepEqual")
}

// pathUseOf classifies a use of a temporary directory's path. Paths are
// strings, so handing one to the standard library (filepath.Join,
// os.WriteFile, exec.Command) does not hand on the directory; handing it
// to the module's own functions might, and so does storing it.
func (c *checker) pathUseOf(use inspector.Cursor) useKind {
	info := c.pass.TypesInfo
	for cur := use; isExprEdge(cur); cur = cur.Parent() {
		if cur.ParentEdgeKind() != edge.CallExpr_Args {
			continue
		}
		if testcode.IsFunc(testcode.Callee(info, cur.Parent().Node().(*ast.CallExpr)), "os", "RemoveAll", "Remove") {
			return releases
		}
	}
	switch use.ParentEdgeKind() {
	case edge.CallExpr_Args:
		fn := testcode.Callee(info, use.Parent().Node().(*ast.CallExpr))
		if fn == nil || fn.Pkg() == nil || fn.Pkg() == c.pass.Pkg || !testcode.IsStd(fn.Pkg().Path()) {
			return escapes
		}
		return neutral
	case edge.BinaryExpr_X, edge.BinaryExpr_Y, edge.AssignStmt_Lhs:
		return neutral
	}
	return escapes
}

// isExprEdge reports whether cur sits inside a larger expression of the
// same statement, such as an operand of + or a call's argument.
func isExprEdge(cur inspector.Cursor) bool {
	switch cur.ParentEdgeKind() {
	case edge.BinaryExpr_X, edge.BinaryExpr_Y, edge.ParenExpr_X, edge.CallExpr_Args:
		return true
	}
	return false
}

// countsAsRelease reports whether the release at use, in function fn,
// releases the resource acquired at acq on the paths that continue the
// test. Releases whose timing cannot be seen count: deferred ones, those in
// t.Cleanup and those in any function literal. A direct call counts when it
// follows the acquisition and is not confined to a failure branch.
func countsAsRelease(info *types.Info, fn, acq, use inspector.Cursor) bool {
	for c := range use.Enclosing((*ast.DeferStmt)(nil), (*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		if c != fn {
			return true
		}
		break
	}
	if use.Node().Pos() < acq.Node().Pos() && !inLoopWith(fn, acq, use) {
		return false
	}
	return !onFailurePath(info, fn, acq, use)
}

// inLoopWith reports whether a loop of fn contains both acq and use.
func inLoopWith(fn, acq, use inspector.Cursor) bool {
	for loop := range acq.Enclosing((*ast.ForStmt)(nil), (*ast.RangeStmt)(nil)) {
		if !fn.Contains(loop) {
			break
		}
		if loop.Contains(use) {
			return true
		}
	}
	return false
}

// onFailurePath reports whether use lies in a branch that does not contain
// acq and fails or skips the test: the error path of
// `if err != nil { f.Close(); t.Fatal(err) }`, which leaves the success
// path without the release. A branch that merely returns may be the
// normal way out of a loop, so it counts only after reporting an error.
func onFailurePath(info *types.Info, fn, acq, use inspector.Cursor) bool {
	for c := range use.Enclosing((*ast.BlockStmt)(nil), (*ast.CaseClause)(nil), (*ast.CommClause)(nil)) {
		if c.Contains(acq) || !fn.Contains(c) {
			return false
		}
		var stmts []ast.Stmt
		switch n := c.Node().(type) {
		case *ast.BlockStmt:
			if k := c.ParentEdgeKind(); k != edge.IfStmt_Body && k != edge.IfStmt_Else {
				continue
			}
			stmts = n.List
		case *ast.CaseClause:
			stmts = n.Body
		case *ast.CommClause:
			stmts = n.Body
		}
		if len(stmts) == 0 {
			continue
		}
		if _, ok := stmts[len(stmts)-1].(*ast.ReturnStmt); ok && slices.ContainsFunc(stmts, func(s ast.Stmt) bool {
			return isCallStmt(info, s, func(fn *types.Func) bool { return testcode.IsTestingMethod(fn, "Error", "Errorf", "Fail") })
		}) {
			return true
		}
		if endsTest(info, stmts) {
			return true
		}
	}
	return false
}

// terminates reports whether stmts end by leaving the function, the test
// or the process.
func terminates(info *types.Info, stmts []ast.Stmt) bool {
	if len(stmts) > 0 {
		if _, ok := stmts[len(stmts)-1].(*ast.ReturnStmt); ok {
			return true
		}
	}
	return endsTest(info, stmts)
}

// endsTest reports whether stmts end by stopping the test or the process:
// t.Fatal, t.Skip, panic, os.Exit, log.Fatal.
func endsTest(info *types.Info, stmts []ast.Stmt) bool {
	if len(stmts) == 0 {
		return false
	}
	last := stmts[len(stmts)-1]
	if s, ok := last.(*ast.ExprStmt); ok {
		if call, ok := s.X.(*ast.CallExpr); ok {
			if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
				if b, ok := info.Uses[id].(*types.Builtin); ok && b.Name() == "panic" {
					return true
				}
			}
		}
	}
	return isCallStmt(info, last, func(fn *types.Func) bool {
		return testcode.IsTestingMethod(fn, "Fatal", "Fatalf", "FailNow", "Skip", "Skipf", "SkipNow") ||
			testcode.IsFunc(fn, "os", "Exit") ||
			testcode.IsFunc(fn, "runtime", "Goexit") ||
			testcode.IsFunc(fn, "log", "Fatal", "Fatalf", "Fatalln", "Panic", "Panicf", "Panicln")
	})
}

// isCallStmt reports whether s is a call statement whose callee satisfies
// match.
func isCallStmt(info *types.Info, s ast.Stmt, match func(*types.Func) bool) bool {
	expr, ok := s.(*ast.ExprStmt)
	if !ok {
		return false
	}
	call, ok := expr.X.(*ast.CallExpr)
	return ok && match(testcode.Callee(info, call))
}

// expectsFailure reports whether stmt, which assigns the results of a
// call, is followed by a check that the call failed, as in
//
//	f, err := os.OpenFile(name, os.O_CREATE|os.O_EXCL, 0o600)
//	if err == nil {
//		f.Close()
//		t.Fatal("OpenFile succeeded on an existing file")
//	}
//
// The test expects the call to acquire nothing.
func (c *checker) expectsFailure(stmt inspector.Cursor) bool {
	if !stmt.Valid() || stmt.Node() == nil {
		return false
	}
	assign, ok := stmt.Node().(*ast.AssignStmt)
	if !ok {
		return false
	}
	errVar, ok := c.pass.TypesInfo.ObjectOf(testcode.Ident(assign.Lhs[len(assign.Lhs)-1])).(*types.Var)
	if !ok || !types.Identical(errVar.Type(), types.Universe.Lookup("error").Type()) {
		return false
	}
	var cond ast.Expr
	if stmt.ParentEdgeKind() == edge.IfStmt_Init {
		cond = stmt.Parent().Node().(*ast.IfStmt).Cond
	} else if next, ok := stmt.NextSibling(); ok {
		if ifStmt, ok := next.Node().(*ast.IfStmt); ok {
			cond = ifStmt.Cond
		}
	}
	if cond == nil {
		return false
	}
	found := false
	ast.Inspect(cond, func(n ast.Node) bool {
		if b, ok := n.(*ast.BinaryExpr); ok && b.Op == token.EQL {
			found = found || c.isNilCheckOf(b.X, b.Y, errVar) || c.isNilCheckOf(b.Y, b.X, errVar)
		}
		return !found
	})
	return found
}

func (c *checker) isNilCheckOf(x, y ast.Expr, v *types.Var) bool {
	return c.pass.TypesInfo.ObjectOf(testcode.Ident(x)) == v && c.pass.TypesInfo.Types[y].IsNil()
}

// inSubprocessOnly reports whether s runs only in a child process: a
// function around it first returns or skips unless an environment
// variable says otherwise, as tests that re-run their own binary do:
//
//	if os.Getenv("GO_WANT_HELPER_PROCESS") != "1" {
//		return
//	}
//
// The child exits when the test ends, so nothing it leaves behind leaks.
func (c *checker) inSubprocessOnly(s *site) bool {
	for f := range s.fn.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		_, body := testcode.FuncParts(f.Node())
		for _, stmt := range body.List {
			if stmt.Pos() >= s.call.Node().Pos() {
				break
			}
			if ifStmt, ok := stmt.(*ast.IfStmt); ok && terminates(c.pass.TypesInfo, ifStmt.Body.List) && testcode.ReadsEnv(c.pass.TypesInfo, ifStmt.Cond) {
				return true
			}
		}
	}
	return false
}

// isSystemTempDir reports whether dir, the first argument of os.MkdirTemp,
// names the system's temporary directory: "" or os.TempDir().
func (c *checker) isSystemTempDir(dir ast.Expr) bool {
	if s, ok := testcode.ConstString(c.pass.TypesInfo, dir); ok {
		return s == ""
	}
	call, ok := ast.Unparen(dir).(*ast.CallExpr)
	return ok && testcode.IsFunc(testcode.Callee(c.pass.TypesInfo, call), "os", "TempDir")
}

// adviceDiscarded says what to do with a resource that is dropped.
func (c *checker) adviceDiscarded(s *site, r *resource) string {
	switch {
	case r == tempDir && c.goVersionAtLeast("go1.15"):
		return "use " + c.testingName(s) + ".TempDir()"
	case r == tempDir:
		return "keep its path and defer os.RemoveAll"
	case r == server && c.goVersionAtLeast("go1.14"):
		return "keep it and add " + c.testingName(s) + ".Cleanup(srv.Close)"
	}
	return "keep it and defer its " + r.release
}

// adviceNamed says what to do with the resource in v, and offers the
// mechanical fix when there is one.
func (c *checker) adviceNamed(s *site, r *resource, v *types.Var, stmt inspector.Cursor) (string, *analysis.SuggestedFix) {
	name := v.Name()
	tname, resolvable := c.testingName(s), c.resolvesToParam(s, stmt)
	switch r {
	case server:
		if !c.goVersionAtLeast("go1.14") {
			break
		}
		call := fmt.Sprintf("%s.Cleanup(%s.Close)", tname, name)
		if !resolvable {
			return "add " + call, nil
		}
		return "add " + call, c.insertAfter(stmt, "Close "+name+" with "+tname+".Cleanup", call)
	case ticker, timer:
		call := fmt.Sprintf("defer %s.Stop()", name)
		return "add " + call, c.insertAfter(stmt, "Stop "+name+" with defer", call)
	case tempDir:
		if !c.goVersionAtLeast("go1.15") {
			return fmt.Sprintf("add defer os.RemoveAll(%s)", name), nil
		}
		advice := fmt.Sprintf("use %s.TempDir()", tname)
		if !resolvable {
			return advice, nil
		}
		return advice, c.tempDirFix(s, stmt)
	}
	return fmt.Sprintf("add defer %s.%s()", name, r.release), nil
}

// insertAfter returns a fix that adds text on a line of its own after
// stmt, when stmt sits in a statement list.
func (c *checker) insertAfter(stmt inspector.Cursor, message, text string) *analysis.SuggestedFix {
	if !stmt.Valid() || stmt.Node() == nil {
		return nil
	}
	switch stmt.ParentEdgeKind() {
	case edge.BlockStmt_List, edge.CaseClause_Body, edge.CommClause_Body:
	default:
		return nil // an if or switch header
	}
	end := c.lineEnd(stmt.Node().End())
	return &analysis.SuggestedFix{
		Message:   message,
		TextEdits: []analysis.TextEdit{{Pos: end, End: end, NewText: []byte("\n" + c.indentOf(stmt.Node().Pos()) + text)}},
	}
}

// lineEnd returns the end of the line holding pos, after any comment that
// trails the code there.
func (c *checker) lineEnd(pos token.Pos) token.Pos {
	tf := c.pass.Fset.File(pos)
	if line := tf.Line(pos); line < tf.LineCount() {
		return tf.LineStart(line+1) - 1
	}
	return token.Pos(tf.Base() + tf.Size())
}

// tempDirFix turns `dir, _ := os.MkdirTemp("", "x")` into
// `dir := t.TempDir()`. When the error is kept, the handling that follows
// would have to go too, which is not mechanical.
func (c *checker) tempDirFix(s *site, stmt inspector.Cursor) *analysis.SuggestedFix {
	assign, ok := stmt.Node().(*ast.AssignStmt)
	if !ok || len(assign.Lhs) != 2 || len(assign.Rhs) != 1 {
		return nil
	}
	if blank, ok := assign.Lhs[1].(*ast.Ident); !ok || blank.Name != "_" {
		return nil
	}
	call := s.call.Node().(*ast.CallExpr)
	for _, arg := range call.Args {
		if tv := c.pass.TypesInfo.Types[arg]; tv.Value == nil && !c.isSystemTempDir(arg) {
			return nil // dropping the argument would drop its side effects
		}
	}
	text := fmt.Sprintf("%s %s %s.TempDir()", assign.Lhs[0].(*ast.Ident).Name, assign.Tok, s.tparam.Name())
	return &analysis.SuggestedFix{
		Message:   "Use " + s.tparam.Name() + ".TempDir",
		TextEdits: []analysis.TextEdit{{Pos: assign.Pos(), End: assign.End(), NewText: []byte(text)}},
	}
}

// testingName is the name to write for s's testing parameter in advice.
func (c *checker) testingName(s *site) string {
	if name := s.tparam.Name(); name != "_" && name != "" {
		return name
	}
	return "t"
}

// resolvesToParam reports whether s's testing parameter can be named at
// the statement at: it has a name and no local declaration shadows it.
func (c *checker) resolvesToParam(s *site, at inspector.Cursor) bool {
	name := s.tparam.Name()
	if name == "_" || name == "" || !at.Valid() || at.Node() == nil {
		return false
	}
	pos := at.Node().Pos()
	scope := c.pass.Pkg.Scope().Innermost(pos)
	if scope == nil {
		return false
	}
	_, obj := scope.LookupParent(name, pos)
	return obj == s.tparam
}

// indentOf returns the white space that starts the line holding pos.
func (c *checker) indentOf(pos token.Pos) string {
	tf := c.pass.Fset.File(pos)
	if c.pass.ReadFile == nil {
		// Bazel's nogo gives no file access: the statement starts its
		// line, indented with tabs if the file is gofmt'ed.
		return strings.Repeat("\t", c.pass.Fset.Position(pos).Column-1)
	}
	content, err := c.pass.ReadFile(tf.Name())
	if err != nil {
		return "\t"
	}
	line := content[tf.Offset(tf.LineStart(tf.Line(pos))):]
	n := 0
	for n < len(line) && (line[n] == ' ' || line[n] == '\t') {
		n++
	}
	return string(line[:n])
}

func (c *checker) goVersionAtLeast(v string) bool {
	return testcode.GoVersionAtLeast(c.pass, c.file, v)
}

// qualifiedName returns pkg.Name for a package-level function and
// pkg.Type.Name for a method.
func qualifiedName(fn *types.Func) string {
	name := fn.Name()
	if recv := fn.Signature().Recv(); recv != nil {
		t := types.Unalias(recv.Type())
		if ptr, ok := t.(*types.Pointer); ok {
			t = types.Unalias(ptr.Elem())
		}
		if named, ok := t.(*types.Named); ok {
			name = named.Obj().Name() + "." + name
		}
	}
	return fn.Pkg().Name() + "." + name
}
