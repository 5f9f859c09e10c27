package testname

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/testgate/testgate/analyzers/internal/testcode"
)

// nameSource says where, in each case of a table, the subtest name is.
type nameSource int

const (
	fromField   nameSource = iota // t.Run(tc.name): a field of each case
	fromMapKey                    // t.Run(name) over map[string]T: the key
	fromElement                   // t.Run(s) over []string: the case itself
)

// tableRun describes a t.Run whose name comes from a table literal.
type tableRun struct {
	loop   inspector.Cursor // the for or range statement
	table  *ast.CompositeLit
	source nameSource
	field  *types.Var   // for fromField
	v      types.Object // the loop variable for fromMapKey and fromElement
}

// checkTable checks the case literals of a table whose cases name the
// subtests of t.Run(arg): empty, counting and repeated names.
func (s *subtests) checkTable(cur inspector.Cursor, arg ast.Expr) {
	tr, ok := s.tableRun(cur, arg)
	if !ok || s.tables[tr.table] || !testcode.InTestFile(s.pass, tr.table.Pos()) {
		return
	}
	s.tables[tr.table] = true
	assigned, input := s.nameUses(tr, arg)
	if assigned {
		return // the loop computes the name; the literals do not tell it
	}
	table, ok := s.root.FindByPos(tr.table.Pos(), tr.table.End())
	if !ok || table.Node() != tr.table {
		return
	}
	first := make(map[string]token.Pos)
	count := make(map[string]int)
	for eltCur := range table.Children() {
		elt, ok := eltCur.Node().(ast.Expr)
		if !ok || elt == tr.table.Type {
			continue
		}
		key, val := ast.Expr(nil), elt
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			key, val = kv.Key, kv.Value
		}
		var nameExpr ast.Expr
		switch tr.source {
		case fromMapKey:
			nameExpr = key
		case fromElement:
			nameExpr = val
		case fromField:
			lit := caseLiteral(val)
			if lit == nil {
				continue // built by a call: its name is not in sight
			}
			var set bool
			if nameExpr, set = s.fieldValue(lit, tr.field); !set {
				if !input {
					s.reportEmpty(lit.Pos())
				}
				continue
			}
		}
		name, ok := testcode.ConstString(s.pass.TypesInfo, ast.Unparen(nameExpr))
		if !ok {
			continue
		}
		if !input {
			s.checkName(nameExpr.Pos(), name, eltCur, nameExpr)
		}
		// Map keys cannot repeat: the compiler rejects duplicate constant keys.
		if tr.source == fromMapKey || strings.TrimSpace(name) == "" {
			continue
		}
		rewritten := rewriteSubtestName(name)
		count[rewritten]++
		if count[rewritten] == 1 {
			first[rewritten] = nameExpr.Pos()
			continue
		}
		s.reportDuplicate(nameExpr.Pos(), first[rewritten], name, count[rewritten])
	}
}

// tableRun recognizes the shapes of table-driven subtests:
//
//	for _, tc := range tests { t.Run(tc.name, ...) }
//	for i := range tests { t.Run(tests[i].name, ...) }
//	for name, tc := range map[string]T{...} { t.Run(name, ...) }
//	for _, s := range []string{...} { t.Run(s, ...) }
//
// where tests is a composite literal, in place or assigned once to a local
// or package-level variable.
func (s *subtests) tableRun(cur inspector.Cursor, arg ast.Expr) (tableRun, bool) {
	var tr tableRun
	var rangeX ast.Expr
	switch arg := arg.(type) {
	case *ast.SelectorExpr:
		sel := s.pass.TypesInfo.Selections[arg]
		if sel == nil || sel.Kind() != types.FieldVal || len(sel.Index()) != 1 {
			return tr, false
		}
		tr.source, tr.field = fromField, sel.Obj().(*types.Var)
		switch x := ast.Unparen(arg.X).(type) {
		case *ast.Ident:
			loop, isKey, ok := s.loopVar(x)
			if !ok || isKey {
				return tr, false
			}
			tr.loop, rangeX = loop, loop.Node().(*ast.RangeStmt).X
		case *ast.IndexExpr:
			id, ok := ast.Unparen(x.Index).(*ast.Ident)
			if !ok {
				return tr, false
			}
			loop, isKey, ok := s.loopVar(id)
			if !ok || !isKey {
				return tr, false
			}
			tr.loop, rangeX = loop, x.X
		default:
			return tr, false
		}
	case *ast.Ident:
		loop, isKey, ok := s.loopVar(arg)
		if !ok {
			return tr, false
		}
		rs, ok := loop.Node().(*ast.RangeStmt)
		if !ok {
			return tr, false
		}
		_, isMap := s.pass.TypesInfo.TypeOf(rs.X).Underlying().(*types.Map)
		switch {
		case isKey && isMap:
			tr.source = fromMapKey
		case !isKey && !isMap:
			tr.source = fromElement
		default:
			return tr, false
		}
		tr.loop, rangeX, tr.v = loop, rs.X, s.pass.TypesInfo.Uses[arg]
	default:
		return tr, false
	}
	if !tr.loop.Contains(cur) {
		return tr, false
	}
	tr.table = s.literal(rangeX)
	return tr, tr.table != nil
}

// loopVar finds the loop that defines id's variable, following copies such
// as tc := tc. isKey tells a range key or for-loop counter from a range
// value.
func (s *subtests) loopVar(id *ast.Ident) (loop inspector.Cursor, isKey, ok bool) {
	obj := s.pass.TypesInfo.Uses[id]
	for range 3 { // tc := tc chains are short
		def, ok := s.definition(obj)
		if !ok {
			break
		}
		switch p := def.Parent().Node().(type) {
		case *ast.RangeStmt:
			return def.Parent(), p.Key == def.Node(), true
		case *ast.AssignStmt:
			if p.Tok != token.DEFINE || len(p.Lhs) != len(p.Rhs) {
				break
			}
			if _, inFor := def.Parent().Parent().Node().(*ast.ForStmt); inFor {
				return def.Parent().Parent(), true, true
			}
			for i, lhs := range p.Lhs {
				if rhs, isIdent := ast.Unparen(p.Rhs[i]).(*ast.Ident); lhs == def.Node() && isIdent {
					obj = s.pass.TypesInfo.Uses[rhs]
				}
			}
			continue
		}
		break
	}
	return inspector.Cursor{}, false, false
}

// definition returns the cursor of the identifier that declares obj.
func (s *subtests) definition(obj types.Object) (inspector.Cursor, bool) {
	if obj == nil || !obj.Pos().IsValid() {
		return inspector.Cursor{}, false
	}
	def, ok := s.root.FindByPos(obj.Pos(), obj.Pos()+token.Pos(len(obj.Name())))
	if !ok {
		return inspector.Cursor{}, false
	}
	id, ok := def.Node().(*ast.Ident)
	return def, ok && s.pass.TypesInfo.Defs[id] == obj
}

// literal returns the composite literal that e is or that its variable is
// initialized with.
func (s *subtests) literal(e ast.Expr) *ast.CompositeLit {
	e = ast.Unparen(e)
	if lit, ok := e.(*ast.CompositeLit); ok {
		return lit
	}
	id, ok := e.(*ast.Ident)
	if !ok {
		return nil
	}
	def, ok := s.definition(s.pass.TypesInfo.Uses[id])
	if !ok {
		return nil
	}
	var lhs, rhs []ast.Expr
	switch p := def.Parent().Node().(type) {
	case *ast.ValueSpec:
		for _, name := range p.Names {
			lhs = append(lhs, name)
		}
		rhs = p.Values
	case *ast.AssignStmt:
		if p.Tok != token.DEFINE {
			return nil
		}
		lhs, rhs = p.Lhs, p.Rhs
	}
	if len(lhs) != len(rhs) {
		return nil
	}
	for i := range lhs {
		if lhs[i] == def.Node() {
			lit, _ := ast.Unparen(rhs[i]).(*ast.CompositeLit)
			return lit
		}
	}
	return nil
}

// caseLiteral returns the struct literal of one table case, written as
// {...}, T{...} or &T{...}, or nil.
func caseLiteral(e ast.Expr) *ast.CompositeLit {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	lit, _ := e.(*ast.CompositeLit)
	return lit
}

// fieldValue returns the expression lit gives field, and whether it gives
// one at all (a keyed literal may leave the field at its zero value).
func (s *subtests) fieldValue(lit *ast.CompositeLit, field *types.Var) (ast.Expr, bool) {
	if len(lit.Elts) == 0 {
		return nil, false
	}
	if _, keyed := lit.Elts[0].(*ast.KeyValueExpr); keyed {
		for _, elt := range lit.Elts {
			kv := elt.(*ast.KeyValueExpr)
			if id, ok := kv.Key.(*ast.Ident); ok && s.pass.TypesInfo.Uses[id] == field {
				return kv.Value, true
			}
		}
		return nil, false
	}
	t := s.pass.TypesInfo.TypeOf(lit)
	if ptr, ok := t.Underlying().(*types.Pointer); ok {
		t = ptr.Elem()
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return nil, false
	}
	for i := range st.NumFields() {
		if st.Field(i) == field && i < len(lit.Elts) {
			return lit.Elts[i], true
		}
	}
	return nil, false
}

// nameUses looks at how the loop body uses the name's source apart from
// the t.Run argument: assigned tells that the loop rewrites it, input that
// the code under test receives it, so the name is the input itself ("1",
// "") and only repeats matter. Uses in messages (t.Errorf, fmt.Sprintf)
// are neither.
func (s *subtests) nameUses(tr tableRun, arg ast.Expr) (assigned, input bool) {
	var body inspector.Cursor
	switch l := tr.loop.Node().(type) {
	case *ast.RangeStmt:
		body = tr.loop.Child(l.Body)
	case *ast.ForStmt:
		body = tr.loop.Child(l.Body)
	}
	for c := range body.Preorder((*ast.SelectorExpr)(nil), (*ast.Ident)(nil)) {
		n := c.Node().(ast.Expr)
		if n == arg || !s.isSource(tr, n) {
			continue
		}
		switch p := c.Parent().Node().(type) {
		case *ast.AssignStmt:
			for _, lhs := range p.Lhs {
				if lhs == n {
					return true, input
				}
			}
		case *ast.UnaryExpr:
			if p.Op == token.AND {
				return true, input // may be set through the pointer
			}
		}
		if !s.inMessage(c, body) {
			input = true
		}
	}
	return false, input
}

func (s *subtests) isSource(tr tableRun, n ast.Expr) bool {
	if tr.source == fromField {
		sel, ok := n.(*ast.SelectorExpr)
		return ok && s.pass.TypesInfo.Selections[sel] != nil && s.pass.TypesInfo.Selections[sel].Obj() == tr.field
	}
	id, ok := n.(*ast.Ident)
	return ok && s.pass.TypesInfo.Uses[id] == tr.v
}
