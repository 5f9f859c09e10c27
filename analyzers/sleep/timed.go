package sleep

import (
	"go/ast"
	"go/constant"
	"go/types"
	"time"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/testgate/testgate/analyzers/internal/testcode"
)

// tooShort reports whether dur is a constant too short to wait for
// anything: zero or negative does not wait, and a microsecond or less only
// lets the scheduler run other goroutines, as runtime.Gosched does.
func tooShort(info *types.Info, dur ast.Expr) bool {
	tv, ok := info.Types[dur]
	if !ok || tv.Value == nil || tv.Value.Kind() != constant.Int {
		return false
	}
	ns, exact := constant.Int64Val(tv.Value)
	return exact && ns <= int64(time.Microsecond)
}

// timedPause reports whether the wait at cur lies between two clock
// readings of its block: statements before and after it take a timestamp
// (start := time.Now(), seen := conn.UsedAt()), and the earlier one's
// interval is still open (no time.Since in between). The pause is then
// part of an interval the test measures, such as a gap that a recorded
// time must exclude, not a guess at how long something takes.
func timedPause(info *types.Info, cur inspector.Cursor) bool {
	before, after := false, false
	for prev, ok := cur.PrevSibling(); ok && !before; prev, ok = prev.PrevSibling() {
		if closesInterval(info, prev.Node()) {
			return false // the earlier reading's interval ended before the pause
		}
		before = readsClock(info, prev.Node())
	}
	for next, ok := cur.NextSibling(); ok && !after; next, ok = next.NextSibling() {
		after = readsClock(info, next.Node())
	}
	return before && after
}

// readsClock reports whether stmt stores a timestamp read from a clock: the
// result of a call without arguments that returns a time.Time. A deadline
// (time.Now().Add(d)) is computed, not read.
func readsClock(info *types.Info, stmt ast.Node) bool {
	var values []ast.Expr
	switch s := stmt.(type) {
	case *ast.AssignStmt:
		values = s.Rhs
	case *ast.DeclStmt:
		if gen, ok := s.Decl.(*ast.GenDecl); ok {
			for _, spec := range gen.Specs {
				if vs, ok := spec.(*ast.ValueSpec); ok {
					values = append(values, vs.Values...)
				}
			}
		}
	}
	for _, v := range values {
		call, ok := ast.Unparen(v).(*ast.CallExpr)
		if ok && len(call.Args) == 0 && testcode.IsNamedType(info.TypeOf(call), "time", "Time") {
			return true
		}
	}
	return false
}

// closesInterval reports whether stmt measures an interval up to now with
// time.Since.
func closesInterval(info *types.Info, stmt ast.Node) bool {
	found := false
	ast.Inspect(stmt, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok && testcode.IsFunc(testcode.Callee(info, call), "time", "Since") {
			found = true
		}
		return !found
	})
	return found
}
