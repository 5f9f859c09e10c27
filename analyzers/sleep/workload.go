package sleep

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/testgate/testgate/analyzers/internal/testcode"
)

// runsWorkload reports whether the wait at cur sets how long a workload
// runs: goroutines the test started earlier keep working until a stop
// signal, and the wait is followed, after any further pauses, by the
// test sending that signal (close(stop), stop.Store(true), cancel(),
// runner.Stop()). Nothing is awaited: the goroutines have no point to
// reach, and the test stops them whenever the time is up.
func runsWorkload(info *types.Info, cur inspector.Cursor) bool {
	fn, ok := testcode.EnclosingFunc(cur)
	if !ok {
		return false
	}
	stop := stopAfter(info, cur, fn)
	if stop == nil {
		return false
	}
	targets := stopTargets(info, stop, fn)
	if len(targets) == 0 {
		return false
	}
	for g := range fn.Preorder((*ast.GoStmt)(nil)) {
		if g.Node().Pos() < cur.Node().Pos() && ownStmt(g, fn) && loopsUntil(info, g.Node().(*ast.GoStmt), targets) {
			return true
		}
	}
	return false
}

// stopAfter returns the stop signal of the statement that follows the wait
// at cur, skipping further waits and leaving loops whose bodies the wait
// ends (a pause between rounds), if that statement sends one.
func stopAfter(info *types.Info, cur inspector.Cursor, fn inspector.Cursor) *ast.CallExpr {
	for cur != fn {
		next, ok := cur.NextSibling()
		for ok && isWait(info, next.Node()) {
			next, ok = next.NextSibling()
		}
		if ok {
			return stopCall(next.Node())
		}
		// The last statement of its block: only a loop's round goes on
		// to something after it.
		block := cur.Parent()
		if _, isBlock := block.Node().(*ast.BlockStmt); !isBlock {
			return nil
		}
		switch block.Parent().Node().(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			cur = block.Parent()
		default:
			return nil
		}
	}
	return nil
}

// isWait reports whether stmt is another pause on wall-clock time.
func isWait(info *types.Info, stmt ast.Node) bool {
	es, ok := stmt.(*ast.ExprStmt)
	if !ok {
		return false
	}
	_, _, ok = waitExpr(info, es.X)
	return ok
}

// stopCall returns the call of stmt that signals goroutines to stop:
// close(ch), cancel(), x.Store(v), x.Stop(), x.Close(), x.Cancel() or
// x.Shutdown(ctx), as a statement or an if statement's initializer.
func stopCall(stmt ast.Node) *ast.CallExpr {
	var x ast.Expr
	switch s := stmt.(type) {
	case *ast.ExprStmt:
		x = s.X
	case *ast.AssignStmt:
		if len(s.Rhs) == 1 {
			x = s.Rhs[0]
		}
	case *ast.IfStmt:
		if s.Init != nil {
			return stopCall(s.Init)
		}
	}
	call, ok := ast.Unparen(x).(*ast.CallExpr)
	if !ok {
		return nil
	}
	switch f := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		if f.Name == "close" && len(call.Args) == 1 || len(call.Args) == 0 {
			return call
		}
	case *ast.SelectorExpr:
		switch f.Sel.Name {
		case "Store", "Stop", "Close", "Cancel", "Shutdown":
			return call
		}
	}
	return nil
}

// stopTargets returns the variables and fields the stop signal call
// reaches: the channel closed, the flag stored, the object stopped, or a
// cancel function and the context it cancels.
func stopTargets(info *types.Info, call *ast.CallExpr, fn inspector.Cursor) map[types.Object]bool {
	var target ast.Expr
	switch f := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		if f.Name == "close" && info.Uses[f] == types.Universe.Lookup("close") {
			target = call.Args[0]
		} else {
			target = f
		}
	case *ast.SelectorExpr:
		if _, isPkg := info.Uses[testcode.Ident(f.X)].(*types.PkgName); isPkg {
			return nil
		}
		target = f.X
	}
	obj := testcode.Referenced(info, target)
	if obj == nil {
		return nil
	}
	targets := map[types.Object]bool{obj: true}
	if v, isVar := obj.(*types.Var); isVar {
		if _, isFunc := v.Type().Underlying().(*types.Signature); isFunc {
			for ctx := range contextsCancelledBy(info, v, fn) {
				targets[ctx] = true
			}
		}
	}
	return targets
}

// contextsCancelledBy yields the contexts that come with cancel in
// ctx, cancel := context.WithCancel(parent) and its kin.
func contextsCancelledBy(info *types.Info, cancel *types.Var, fn inspector.Cursor) map[types.Object]bool {
	ctxs := make(map[types.Object]bool)
	for as := range fn.Preorder((*ast.AssignStmt)(nil)) {
		s := as.Node().(*ast.AssignStmt)
		if len(s.Lhs) != 2 || len(s.Rhs) != 1 {
			continue
		}
		call, ok := ast.Unparen(s.Rhs[0]).(*ast.CallExpr)
		if !ok || !testcode.IsFunc(testcode.Callee(info, call), "context", "WithCancel", "WithTimeout", "WithDeadline", "WithCancelCause") {
			continue
		}
		if id := testcode.Ident(s.Lhs[1]); id != nil && info.ObjectOf(id) == cancel {
			if ctx := testcode.Ident(s.Lhs[0]); ctx != nil && info.ObjectOf(ctx) != nil {
				ctxs[info.ObjectOf(ctx)] = true
			}
		}
	}
	return ctxs
}

// ownStmt reports whether the statement at stmt belongs to fn itself,
// not to a function literal inside it.
func ownStmt(stmt, fn inspector.Cursor) bool {
	encl, ok := testcode.EnclosingFunc(stmt)
	return ok && encl == fn
}

// loopsUntil reports whether the goroutine g runs until one of targets
// says stop: a function literal whose loop consults a target (select on
// <-stop or ctx.Done(), for !stop.Load()), or a method of the object that
// is stopped (go runner.Run(ctx) ... runner.Stop()), called alone in a
// literal or not.
func loopsUntil(info *types.Info, g *ast.GoStmt, targets map[types.Object]bool) bool {
	return runsMethodOf(info, g.Call, targets) || loopConsults(info, g.Call, targets)
}

// runsMethodOf reports whether call, or the one call statement of the
// literal it calls, is a method call on one of targets.
func runsMethodOf(info *types.Info, call *ast.CallExpr, targets map[types.Object]bool) bool {
	if lit, ok := ast.Unparen(call.Fun).(*ast.FuncLit); ok {
		if len(lit.Body.List) != 1 {
			return false
		}
		es, isExpr := lit.Body.List[0].(*ast.ExprStmt)
		if !isExpr {
			return false
		}
		var isCall bool
		if call, isCall = ast.Unparen(es.X).(*ast.CallExpr); !isCall {
			return false
		}
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	return ok && targets[testcode.Referenced(info, sel.X)]
}

// loopConsults reports whether call calls a function literal with a loop
// that uses one of targets.
func loopConsults(info *types.Info, call *ast.CallExpr, targets map[types.Object]bool) bool {
	lit, ok := ast.Unparen(call.Fun).(*ast.FuncLit)
	if !ok {
		return false
	}
	found := false
	ast.Inspect(lit.Body, func(n ast.Node) bool {
		switch n.(type) {
		case *ast.ForStmt, *ast.RangeStmt:
			found = found || mentions(info, n, targets)
		}
		return !found
	})
	return found
}

// mentions reports whether n uses one of objs.
func mentions(info *types.Info, n ast.Node, objs map[types.Object]bool) bool {
	found := false
	ast.Inspect(n, func(n ast.Node) bool {
		if id, ok := n.(*ast.Ident); ok && objs[info.Uses[id]] {
			found = true
		}
		return !found
	})
	return found
}

// staggersStarts reports whether the wait at cur spaces out goroutines a
// loop starts: the loop's body starts one before the wait, and the wait
// ends the round, alone or under an if. Whatever the goroutines do is
// awaited after the loop, if at all; a wait followed by more of the round
// waits for this round's goroutines instead.
func staggersStarts(cur inspector.Cursor) bool {
	for loop := range cur.Enclosing((*ast.ForStmt)(nil), (*ast.RangeStmt)(nil), (*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		body := loopBody(loop.Node())
		if body == nil || !endsRound(cur, body) {
			return false // a function or a loop it does not end comes first
		}
		for _, stmt := range body.List {
			if stmt.Pos() >= cur.Node().Pos() {
				break
			}
			if _, isGo := stmt.(*ast.GoStmt); isGo {
				return true
			}
		}
		return false
	}
	return false
}

// endsRound reports whether the statement at cur is the last of the loop
// body, or the last of an if statement's branch that is.
func endsRound(cur inspector.Cursor, body *ast.BlockStmt) bool {
	for {
		block, ok := cur.Parent().Node().(*ast.BlockStmt)
		if !ok || block.List[len(block.List)-1] != cur.Node() {
			return false
		}
		if block == body {
			return true
		}
		ifStmt := cur.Parent().Parent()
		if _, isIf := ifStmt.Node().(*ast.IfStmt); !isIf {
			return false
		}
		cur = ifStmt
	}
}
