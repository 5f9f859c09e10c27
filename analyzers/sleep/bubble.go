package sleep

import (
	"go/ast"
	"go/types"
	"iter"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/testgate/testgate/analyzers/internal/testcode"
)

// findBubbles records the functions that run in a synctest bubble without
// being a literal inside synctest.Test: named functions handed to it, as in
// synctest.Test(t, testTransport), and functions and literals handed to a
// wrapper that runs its function parameter in a bubble, as net/http's
//
//	func runSynctest(t *testing.T, f func(*testing.T, testMode)) {
//		run(t, func(t *testing.T, mode testMode) {
//			synctest.Test(t, func(t *testing.T) { f(t, mode) })
//		})
//	}
func (c *checker) findBubbles() {
	info := c.pass.TypesInfo
	wrappers := make(map[*types.Func][]int) // wrapper -> indices of its parameters run in a bubble
	for call := range c.testCalls() {
		n := call.Node().(*ast.CallExpr)
		if !testcode.IsFunc(testcode.Callee(info, n), "testing/synctest", "Test", "Run") || len(n.Args) == 0 {
			continue
		}
		body := n.Args[len(n.Args)-1]
		c.markBubble(body)
		if fn := enclosingFunc(info, call); fn != nil {
			wrappers[fn] = append(wrappers[fn], bubbleParams(info, fn, call.Child(body))...)
		}
	}
	if len(wrappers) == 0 {
		return
	}
	// A wrapper's callers hand it the functions to run in the bubble.
	for call := range c.testCalls() {
		n := call.Node().(*ast.CallExpr)
		fn := testcode.Callee(info, n)
		if fn == nil {
			continue
		}
		for _, i := range wrappers[fn.Origin()] {
			if i < len(n.Args) {
				c.markBubble(n.Args[i])
			}
		}
	}
}

// enclosingFunc returns the function declared around cur, or nil.
func enclosingFunc(info *types.Info, cur inspector.Cursor) *types.Func {
	for decl := range cur.Enclosing((*ast.FuncDecl)(nil)) {
		fn, _ := info.Defs[decl.Node().(*ast.FuncDecl).Name].(*types.Func)
		return fn
	}
	return nil
}

// markBubble records the function or literal x as running in a bubble.
func (c *checker) markBubble(x ast.Expr) {
	switch x := ast.Unparen(x).(type) {
	case *ast.FuncLit:
		c.bubbleLits[x] = true
	default:
		if fn, ok := testcode.Referenced(c.pass.TypesInfo, x).(*types.Func); ok {
			c.bubbleFuncs[fn.Origin()] = true
		}
	}
}

// bubbleParams returns the indices of fn's function-typed parameters that
// body, the function run in a bubble, is or uses.
func bubbleParams(info *types.Info, fn *types.Func, body inspector.Cursor) []int {
	params := fn.Type().(*types.Signature).Params()
	var indices []int
	for use := range body.Preorder((*ast.Ident)(nil)) {
		v, ok := info.Uses[use.Node().(*ast.Ident)].(*types.Var)
		if !ok {
			continue
		}
		if _, isFunc := v.Type().Underlying().(*types.Signature); !isFunc {
			continue
		}
		for i := range params.Len() {
			if params.At(i) == v {
				indices = append(indices, i)
			}
		}
	}
	return indices
}

// testCalls iterates over the calls in the package's test files.
func (c *checker) testCalls() iter.Seq[inspector.Cursor] {
	return func(yield func(inspector.Cursor) bool) {
		for fileCur := range c.insp.Root().Children() {
			if !testcode.IsTestFile(c.pass, fileCur.Node().(*ast.File)) {
				continue
			}
			for call := range fileCur.Preorder((*ast.CallExpr)(nil)) {
				if !yield(call) {
					return
				}
			}
		}
	}
}
