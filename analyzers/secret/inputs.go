package secret

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/testgate/testgate/analyzers/internal/testcode"
)

// minTestInputs is how many different values one name must take for
// them to be inputs of a test rather than a credential. A credential has
// one value; a password-strength or validation test feeds its function
// many ("abc123", "Password123!", "Ba9ZyWABu99[BK#6MBgbH88"), and a random
// one among them is a test input like the others.
const minTestInputs = 3

// An inputSet is where the other values given to the same name live:
// the same field of the rows of one table, or the same argument of the
// calls of one function (for a keyed argument such as os.Setenv's value,
// under the same key).
type inputSet struct {
	table *ast.CompositeLit
	field string

	callee types.Object
	arg    int
	key    string
	keyed  bool
}

// isTestInput reports whether the value held by h is one of at least
// minTestInputs different constant strings given to the same name.
func (c *checker) isTestInput(h holder) bool {
	values := make(map[string]bool)
	switch set := h.set; {
	case set.table != nil:
		for _, row := range set.table.Elts {
			if kv, ok := row.(*ast.KeyValueExpr); ok {
				row = kv.Value
			}
			if v, ok := fieldValue(c.info, row, set.field); ok {
				values[v] = true
			}
		}
	case set.callee != nil:
		for _, call := range c.callsOf(set.callee) {
			if set.arg >= len(call.Args) {
				continue
			}
			if set.keyed {
				if key, ok := testcode.ConstString(c.info, call.Args[set.arg-1]); !ok || key != set.key {
					continue
				}
			}
			if v, ok := testcode.ConstString(c.info, unconvert(c.info, call.Args[set.arg])); ok {
				values[v] = true
			}
		}
	}
	return len(values) >= minTestInputs
}

// callsOf returns the calls of callee in the package's test files.
func (c *checker) callsOf(callee types.Object) []*ast.CallExpr {
	if c.calls == nil {
		c.calls = make(map[types.Object][]*ast.CallExpr)
		for _, file := range c.testFiles {
			for cur := range file.Preorder((*ast.CallExpr)(nil)) {
				call := cur.Node().(*ast.CallExpr)
				if obj := calleeObject(c.info, call); obj != nil {
					c.calls[obj] = append(c.calls[obj], call)
				}
			}
		}
	}
	return c.calls[callee]
}

// calleeObject returns the function, method or function variable a call
// names, so that calls of a test's own helper closure group together.
func calleeObject(info *types.Info, call *ast.CallExpr) types.Object {
	if index, ok := ast.Unparen(call.Fun).(*ast.IndexExpr); ok { // a generic function instantiated explicitly
		return testcode.Referenced(info, index.X)
	}
	return testcode.Referenced(info, call.Fun)
}

// tableOf returns the table literal whose element row is, directly, as a
// map value, or behind &, or nil when row stands alone.
func tableOf(row inspector.Cursor) *ast.CompositeLit {
	for {
		kind, _ := row.ParentEdge()
		switch kind {
		case edge.UnaryExpr_X, edge.KeyValueExpr_Value:
			row = row.Parent()
		case edge.CompositeLit_Elts:
			return row.Parent().Node().(*ast.CompositeLit)
		default:
			return nil
		}
	}
}

// fieldValue returns the constant string that the struct or map literal
// row gives to field, by key or by position.
func fieldValue(info *types.Info, row ast.Expr, field string) (string, bool) {
	if u, ok := row.(*ast.UnaryExpr); ok {
		row = u.X
	}
	lit, ok := row.(*ast.CompositeLit)
	if !ok {
		return "", false
	}
	for i, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if keyName(info, kv.Key) == field {
				return testcode.ConstString(info, unconvert(info, kv.Value))
			}
			continue
		}
		if positionalField(info, lit, i) == field {
			return testcode.ConstString(info, unconvert(info, elt))
		}
	}
	return "", false
}

// unconvert strips conversions such as []byte("...").
func unconvert(info *types.Info, e ast.Expr) ast.Expr {
	for {
		call, ok := ast.Unparen(e).(*ast.CallExpr)
		if !ok || len(call.Args) != 1 || !isConversion(info, call) {
			return e
		}
		e = call.Args[0]
	}
}
