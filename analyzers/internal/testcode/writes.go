package testcode

import (
	"go/ast"
	"go/token"
	"go/types"
	"iter"

	"golang.org/x/tools/go/ast/inspector"
)

// A VarWrites records how a variable is written across a package.
type VarWrites struct {
	Value     ast.Expr        // the right-hand side of its last write, nil when that has none (x++, x += y, range)
	Index     int             // the result of Value it holds when Value is a multi-valued call, else -1
	Writes    int             // writes to the variable itself, its declaration with a value included
	Assigned  int             // of those, plain assignments (x = y) to it
	Addressed bool            // &v, or a write through a field or element of v
	PassedTo  []*ast.CallExpr // calls that receive a pointer variable, and may change what it points to
}

// Writes indexes the writes of every variable under root, so that a
// variable written once can stand for its value and one only ever
// assigned is known to be a sink.
func Writes(info *types.Info, root inspector.Cursor) map[*types.Var]*VarWrites {
	index := make(map[*types.Var]*VarWrites)
	of := func(id *ast.Ident) *VarWrites {
		obj := info.Defs[id]
		if obj == nil {
			obj = info.Uses[id]
		}
		v, ok := obj.(*types.Var)
		if !ok {
			return nil
		}
		w := index[v]
		if w == nil {
			w = &VarWrites{Index: -1}
			index[v] = w
		}
		return w
	}
	write := func(lhs ast.Expr, value ast.Expr, i int, plain bool) {
		if id := Ident(lhs); id != nil {
			if w := of(id); w != nil {
				w.Writes++
				w.Value, w.Index = value, i
				if plain {
					w.Assigned++
				}
			}
			return
		}
		if id := rootIdent(lhs); id != nil {
			if w := of(id); w != nil {
				w.Addressed = true
			}
		}
	}
	filter := []ast.Node{(*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil), (*ast.IncDecStmt)(nil), (*ast.RangeStmt)(nil), (*ast.UnaryExpr)(nil), (*ast.CallExpr)(nil)}
	for cur := range root.Preorder(filter...) {
		switch n := cur.Node().(type) {
		case *ast.AssignStmt:
			rhs := n.Rhs
			if n.Tok != token.ASSIGN && n.Tok != token.DEFINE {
				rhs = nil // x += y: the value is no expression of the source
			}
			AssignEach(n.Lhs, rhs, func(lhs, value ast.Expr, i int) { write(lhs, value, i, n.Tok == token.ASSIGN) })
		case *ast.ValueSpec:
			names := make([]ast.Expr, len(n.Names))
			for i, name := range n.Names {
				names[i] = name
			}
			AssignEach(names, n.Values, func(lhs, value ast.Expr, i int) { write(lhs, value, i, false) })
		case *ast.IncDecStmt:
			write(n.X, nil, -1, false)
		case *ast.RangeStmt:
			for _, e := range []ast.Expr{n.Key, n.Value} {
				if e != nil {
					write(e, nil, -1, false)
				}
			}
		case *ast.UnaryExpr:
			if id := rootIdent(n.X); n.Op == token.AND && id != nil {
				if w := of(id); w != nil {
					w.Addressed = true
				}
			}
		case *ast.CallExpr:
			for _, arg := range n.Args {
				if id, ok := ast.Unparen(arg).(*ast.Ident); ok {
					if _, isPtr := types.Unalias(info.TypeOf(id)).(*types.Pointer); isPtr {
						if w := of(id); w != nil {
							w.PassedTo = append(w.PassedTo, n)
						}
					}
				}
			}
		}
	}
	return index
}

// Bases yields e and the expressions it selects, indexes or dereferences,
// outside in: x.f[i], x.f, x for x.f[i]; parentheses dropped.
func Bases(e ast.Expr) iter.Seq[ast.Expr] {
	return func(yield func(ast.Expr) bool) {
		for e != nil {
			e = ast.Unparen(e)
			if !yield(e) {
				return
			}
			switch x := e.(type) {
			case *ast.SelectorExpr:
				e = x.X
			case *ast.IndexExpr:
				e = x.X
			case *ast.StarExpr:
				e = x.X
			default:
				e = nil
			}
		}
	}
}

// rootIdent returns the variable at the root of x.f, x[i], *x and the like.
func rootIdent(e ast.Expr) *ast.Ident {
	var root ast.Expr
	for root = range Bases(e) {
	}
	id, _ := root.(*ast.Ident)
	return id
}

// AssignEach calls write for every target of an assignment or declaration
// with the expression it receives: its own right-hand side, nil when there
// is none, or the one multi-value right-hand side and the target's index in
// its results.
func AssignEach(lhs, rhs []ast.Expr, write func(lhs, value ast.Expr, index int)) {
	for i, target := range lhs {
		switch {
		case len(rhs) == 0:
			write(target, nil, -1)
		case len(rhs) == len(lhs):
			write(target, rhs[i], -1)
		default:
			write(target, rhs[0], i)
		}
	}
}
