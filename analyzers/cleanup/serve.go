package cleanup

import (
	"fmt"
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/testgate/testgate/analyzers/internal/testcode"
)

// A serve loop accepts connections on the listener it is given until the
// listener fails. net/http's Server.Serve closes the listener when it
// returns, and it returns only once the server is closed or shut down
// (which closes its listeners) or Accept fails for good; the package
// functions http.Serve, fcgi.Serve and rpc.Accept build a server nobody
// can stop. Started in a goroutine, a serve loop therefore keeps the
// listener open past the test unless someone stops its server.
//
// isServeLoop reports whether fn is a serve loop, and whether it has a
// server (the method's receiver) that can be stopped.
func isServeLoop(fn *types.Func) (loop, method bool) {
	if fn == nil || fn.Pkg() == nil {
		return false, false
	}
	switch {
	case testcode.IsFunc(fn, "net/http", "Serve", "ServeTLS"),
		testcode.IsFunc(fn, "net/http/fcgi", "Serve"),
		testcode.IsFunc(fn, "net/rpc", "Accept"):
		return true, false
	case testcode.IsMethod(fn, "net/rpc", "Server", "Accept"):
		return true, true
	}
	// Other servers follow net/http's shape: grpc's Server.Serve, the
	// module's own. Their Stop, GracefulStop, Close or Shutdown ends the
	// loop.
	sig := fn.Signature()
	if sig.Recv() == nil || (fn.Name() != "Serve" && fn.Name() != "ServeTLS") || sig.Params().Len() == 0 {
		return false, false
	}
	return testcode.IsNamedType(sig.Params().At(0).Type(), "net", "Listener"), true
}

// stopMethods are the methods that stop a server and so end its serve loop.
var stopMethods = map[string]bool{"Close": true, "Shutdown": true, "Stop": true, "GracefulStop": true}

// servedUse classifies use, an argument of a call, when the call is a
// serve loop started in a goroutine: the listener stays open until the
// server stops, so the use releases it (as escapes does, someone else's
// duty) only when the server is stopped or handed on. ok is false for any
// other call, which the caller judges as any argument.
func (c *checker) servedUse(use inspector.Cursor) (kind useKind, ok bool) {
	callCur := use.Parent()
	loop, method := isServeLoop(testcode.Callee(c.pass.TypesInfo, callCur.Node().(*ast.CallExpr)))
	if !loop || !(callCur.ParentEdgeKind() == edge.GoStmt_Call || testcode.InGoroutine(c.pass.TypesInfo, callCur)) {
		return neutral, false
	}
	if method && c.serverStops(callCur) {
		return escapes, true
	}
	return neutral, true
}

// serverStops reports whether the server whose serve loop is called at
// callCur (recv.Serve(l)) is stopped or leaves the function: a local
// variable whose Close, Shutdown, Stop or GracefulStop is called, that a
// defer or t.Cleanup uses, or that is returned, stored or handed on. A
// server built in the call (&http.Server{...}).Serve(l) is never stopped;
// one reached any other way (a field, a parameter) may be, by its owner.
func (c *checker) serverStops(callCur inspector.Cursor) bool {
	recv := ast.Unparen(callCur.Node().(*ast.CallExpr).Fun).(*ast.SelectorExpr).X
	if u, ok := ast.Unparen(recv).(*ast.UnaryExpr); ok {
		recv = u.X
	}
	switch x := ast.Unparen(recv).(type) {
	case *ast.CompositeLit:
		return false
	case *ast.Ident:
		v, ok := c.pass.TypesInfo.Uses[x].(*types.Var)
		if !ok {
			return true
		}
		if !declaredIn(v, outermostFunc(callCur)) {
			return true // the caller's, or the package's, to stop
		}
		for _, use := range c.index(callCur).uses[v] {
			if c.stopsServer(v, callCur, use) {
				return true
			}
		}
		return false
	}
	return true
}

// stopsServer reports whether use, a use of the server variable v, stops
// the server whose serve loop runs at serve, or hands it to someone who
// may.
func (c *checker) stopsServer(v *types.Var, serve, use inspector.Cursor) bool {
	top := use
	for top.ParentEdgeKind() == edge.SelectorExpr_X {
		top = top.Parent()
	}
	if top != use && !testcode.InCleanup(c.pass.TypesInfo, use) {
		if !stopMethods[top.Node().(*ast.SelectorExpr).Sel.Name] {
			return false // srv.Handler = h, srv.Serve(l), srv.Addr
		}
		if top.ParentEdgeKind() != edge.CallExpr_Fun {
			return true // t.Cleanup(srv.Close), stop := srv.Stop
		}
		fn, _ := testcode.EnclosingFunc(use)
		if !declaredIn(v, fn) {
			return true // in a function literal, whose run time cannot be seen
		}
		return countsAsRelease(c.pass.TypesInfo, fn, serve, use)
	}
	return c.useOf(server, use) != neutral
}

// servingLoop returns the name of the serve loop that the listener in v
// is handed to in a goroutine, for the advice, or "".
func (c *checker) servingLoop(s *site, v *types.Var) string {
	for _, use := range c.index(s.fn).uses[v] {
		if use.ParentEdgeKind() != edge.CallExpr_Args {
			continue
		}
		if _, ok := c.servedUse(use); ok {
			return qualifiedName(testcode.Callee(c.pass.TypesInfo, use.Parent().Node().(*ast.CallExpr)))
		}
	}
	return ""
}

// adviceServed says how to close a served listener: a helper that starts
// a server returns while the server is still wanted, so a defer there
// would close the listener too early.
func (c *checker) adviceServed(s *site, v *types.Var, advice string) string {
	decl, ok := s.fn.Node().(*ast.FuncDecl)
	if !ok || testcode.KindOf(c.pass, decl) != testcode.NotRun || !c.goVersionAtLeast("go1.14") {
		return advice
	}
	return fmt.Sprintf("add %s.Cleanup(func() { %s.Close() })", c.testingName(s), v.Name())
}
