package sleep

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/testgate/testgate/analyzers/internal/testcode"
)

// clockDepth is how many calls deep a read of the clock still counts as
// the callee's own check: the function itself and the helpers it calls.
// Deeper, every client call reads the clock for a deadline somewhere.
const clockDepth = 2

// letsTimePass reports whether the wait at cur makes time pass for a check
// the code under test makes synchronously: the first statement after it
// that calls anything calls a function of this package that reads the
// clock, itself or in a function it calls, as an expiry, a lifetime or a
// reset timeout is checked. Nothing runs in the meantime that the wait
// could be hoping for; the interval itself is the input.
func (c *checker) letsTimePass(cur inspector.Cursor) bool {
	for next, ok := cur.NextSibling(); ok; next, ok = next.NextSibling() {
		if isWait(c.pass.TypesInfo, next.Node()) {
			continue
		}
		calls, clock := c.callsInto(next.Node())
		if calls {
			return clock
		}
	}
	return false
}

// callsInto reports whether stmt calls anything outside function literals,
// and whether one of those calls reads the clock.
func (c *checker) callsInto(stmt ast.Node) (calls, clock bool) {
	ast.Inspect(stmt, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false // runs later, if at all
		case *ast.CallExpr:
			if fn := testcode.Callee(c.pass.TypesInfo, n); fn != nil {
				calls = true
				clock = clock || c.readsClock(fn.Origin(), clockDepth)
			}
		}
		return !clock
	})
	return calls, clock
}

// readsClock reports whether fn, declared in this package's code under
// test (not its test helpers, which time their own waits), calls time.Now,
// time.Since or time.Until within depth calls.
func (c *checker) readsClock(fn *types.Func, depth int) bool {
	if depth == 0 || fn.Pkg() != c.pass.Pkg || testcode.InTestFile(c.pass, fn.Pos()) {
		return false
	}
	if c.bodies == nil {
		c.bodies = make(map[*types.Func]*ast.BlockStmt)
		for cur, f := range testcode.FuncDecls(c.pass.TypesInfo, c.insp.Root()) {
			c.bodies[f] = cur.Node().(*ast.FuncDecl).Body
		}
	}
	body := c.bodies[fn]
	if body == nil {
		return false
	}
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return !found
		}
		callee := testcode.Callee(c.pass.TypesInfo, call)
		if callee != nil && (testcode.IsFunc(callee, "time", "Now", "Since", "Until") || callee != fn && c.readsClock(callee.Origin(), depth-1)) {
			found = true
		}
		return !found
	})
	return found
}
