package sleep

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/testgate/testgate/analyzers/internal/testcode"
)

// inPollLoop reports whether the wait at cur is the interval of a loop, in
// the same function, that re-checks a condition: its sleep is how long to
// wait between checks, not a guess at how long the event takes. A loop
// that never ends counts too: it idles, and nothing after it waits.
func inPollLoop(info *types.Info, cur inspector.Cursor) bool {
	if pausesBeforeRetry(cur) {
		return true
	}
	for loop := range cur.Enclosing((*ast.ForStmt)(nil), (*ast.RangeStmt)(nil), (*ast.FuncLit)(nil), (*ast.FuncDecl)(nil)) {
		switch n := loop.Node().(type) {
		case *ast.FuncLit, *ast.FuncDecl:
			return false
		case *ast.ForStmt:
			if n.Cond != nil && !isCounterBound(info, n) {
				return true
			}
			if n.Cond == nil && !hasExit(info, loop, false) {
				return true
			}
		}
		if hasExit(info, loop, true) || retries(loop) {
			return true
		}
	}
	return false
}

// retries reports whether loop runs again only when a continue says so: its
// body ends by leaving the loop (return or break), so each pause inside is
// the wait before another attempt, as in
//
//	for attempt := 0; attempt < 10; attempt++ {
//		if attempt != 0 { time.Sleep(d) }
//		if err := try(); isTransient(err) { continue }
//		return
//	}
func retries(loop inspector.Cursor) bool {
	body := loopBody(loop.Node())
	if len(body.List) == 0 {
		return false
	}
	switch last := body.List[len(body.List)-1].(type) {
	case *ast.ReturnStmt:
	case *ast.BranchStmt:
		if last.Tok != token.BREAK || last.Label != nil {
			return false
		}
	default:
		return false
	}
	for branch := range loop.Preorder((*ast.BranchStmt)(nil)) {
		if branch.Node().(*ast.BranchStmt).Tok == token.CONTINUE && continues(loop, branch) {
			return true
		}
	}
	return false
}

// continues reports whether the continue statement at branch starts the next
// iteration of loop rather than of a loop nested in it.
func continues(loop, branch inspector.Cursor) bool {
	if branch.Node().(*ast.BranchStmt).Label != nil {
		return false // a labeled continue is rare; stay on the safe side
	}
	for c := range branch.Parent().Enclosing((*ast.ForStmt)(nil), (*ast.RangeStmt)(nil), (*ast.FuncLit)(nil)) {
		return c == loop
	}
	return false
}

// pausesBeforeRetry reports whether the wait at cur sits in a branch that
// goes on to continue its loop, as in
//
//	if err != nil { time.Sleep(backoff); continue }
//
// where the loop tries again after the pause.
func pausesBeforeRetry(cur inspector.Cursor) bool {
	switch cur.Parent().Node().(type) {
	case *ast.CaseClause, *ast.CommClause:
	case *ast.BlockStmt:
		if _, inIf := cur.Parent().Parent().Node().(*ast.IfStmt); !inIf {
			return false
		}
	default:
		return false
	}
	for next, ok := cur.NextSibling(); ok; next, ok = next.NextSibling() {
		if branch, isBranch := next.Node().(*ast.BranchStmt); isBranch && branch.Tok == token.CONTINUE {
			return true
		}
	}
	return false
}

// isCounterBound reports whether loop's condition only compares a counter
// that the loop itself declares or steps, as in for i := 0; i < n; i++.
// Such a loop repeats a fixed number of times rather than re-checking.
func isCounterBound(info *types.Info, loop *ast.ForStmt) bool {
	cmp, ok := ast.Unparen(loop.Cond).(*ast.BinaryExpr)
	if !ok {
		return false
	}
	switch cmp.Op {
	case token.LSS, token.LEQ, token.GTR, token.GEQ, token.NEQ:
	default:
		return false
	}
	counters := make(map[types.Object]bool)
	if init, ok := loop.Init.(*ast.AssignStmt); ok && init.Tok == token.DEFINE {
		for _, lhs := range init.Lhs {
			counters[info.ObjectOf(testcode.Ident(lhs))] = true
		}
	}
	switch post := loop.Post.(type) {
	case *ast.IncDecStmt:
		counters[info.ObjectOf(testcode.Ident(post.X))] = true
	case *ast.AssignStmt:
		for _, lhs := range post.Lhs {
			counters[info.ObjectOf(testcode.Ident(lhs))] = true
		}
	}
	delete(counters, nil)
	for _, side := range []ast.Expr{cmp.X, cmp.Y} {
		if id := testcode.Ident(side); id != nil && counters[info.ObjectOf(id)] {
			return true
		}
	}
	return false
}

// hasExit reports whether the body of loop holds a return, goto, or break
// out of loop; if guarded, one under an if, switch case or select case, so
// that the loop stops once something it checks holds.
func hasExit(info *types.Info, loop inspector.Cursor, guarded bool) bool {
	for exit := range loop.Preorder((*ast.ReturnStmt)(nil), (*ast.BranchStmt)(nil)) {
		if leaves, underCondition := leavesLoop(info, loop, exit); leaves && (underCondition || !guarded) {
			return true
		}
	}
	return false
}

// leavesLoop reports whether the statement exit leaves loop, and whether
// it does so under a condition.
func leavesLoop(info *types.Info, loop, exit inspector.Cursor) (leaves, underCondition bool) {
	branch, isBranch := exit.Node().(*ast.BranchStmt)
	if isBranch && branch.Tok != token.BREAK && branch.Tok != token.GOTO {
		return false, false
	}
	if isBranch && branch.Label != nil {
		// A labeled break or goto leaves loop unless its target lies inside.
		target := info.Uses[branch.Label]
		if target == nil || posWithin(target.Pos(), loop.Node()) {
			return false, false
		}
	}
	unlabeledBreak := isBranch && branch.Tok == token.BREAK && branch.Label == nil
	for c := range exit.Parent().Enclosing() {
		if c == loop {
			return true, underCondition
		}
		switch c.Node().(type) {
		case *ast.FuncLit:
			return false, false
		case *ast.ForStmt, *ast.RangeStmt, *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
			if unlabeledBreak {
				return false, false // it leaves the inner statement
			}
		case *ast.IfStmt, *ast.CaseClause, *ast.CommClause:
			underCondition = true
		}
	}
	return false, false
}

func posWithin(pos token.Pos, n ast.Node) bool {
	return n.Pos() <= pos && pos < n.End()
}

// loopBody returns the body of a for or range statement, nil for other
// nodes.
func loopBody(n ast.Node) *ast.BlockStmt {
	switch n := n.(type) {
	case *ast.ForStmt:
		return n.Body
	case *ast.RangeStmt:
		return n.Body
	}
	return nil
}
