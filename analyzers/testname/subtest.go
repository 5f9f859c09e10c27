package testname

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/testgate/testgate/analyzers/internal/testcode"
)

// subtests checks the names given to t.Run.
type subtests struct {
	pass *analysis.Pass
	root inspector.Cursor
	// runs records, per *testing.T variable and rewritten name, the t.Run
	// calls seen so far with a constant name.
	runs map[runKey][]inspector.Cursor
	// tables records the table literals already checked, so that a table
	// ranged over by two tests is reported once.
	tables map[*ast.CompositeLit]bool
}

type runKey struct {
	t    types.Object
	name string
}

func newSubtests(pass *analysis.Pass, root inspector.Cursor) *subtests {
	return &subtests{
		pass:   pass,
		root:   root,
		runs:   make(map[runKey][]inspector.Cursor),
		tables: make(map[*ast.CompositeLit]bool),
	}
}

// check inspects call if it is t.Run on a *testing.T. Benchmarks are left
// alone: b.Run("1KB") and b.Run("100") name sizes, which is what a
// benchmark's sub-benchmarks are about.
func (s *subtests) check(cur inspector.Cursor, call *ast.CallExpr) {
	if len(call.Args) != 2 || !testcode.IsMethod(testcode.Callee(s.pass.TypesInfo, call), "testing", "T", "Run") {
		return
	}
	arg := ast.Unparen(call.Args[0])
	if name, ok := testcode.ConstString(s.pass.TypesInfo, arg); ok {
		s.checkName(arg.Pos(), name, cur.Child(call.Args[1]), nil)
		s.checkRepeat(cur, call, name)
		return
	}
	if rendered, tables := s.render(cur, arg); tables != nil {
		switch {
		case vague(rendered):
			s.pass.Reportf(arg.Pos(), "subtest name %s is only the loop index; describe the input or expectation", types.ExprString(arg))
		case isQualifiedCount(rendered) && slices.ContainsFunc(tables, s.namesItsCases):
			s.pass.Reportf(arg.Pos(), "subtest name %s tells the cases apart only by the loop index; name each case by its input or expectation", types.ExprString(arg))
		}
		return
	}
	s.checkTable(cur, arg)
}

// namesItsCases reports whether table, which a subtest name indexes, is a
// table literal whose cases hold something that could name them: a
// string or a number, alone or as a field. Only then is a qualifier before
// the count ("windows case %d") no excuse: it is the same for every case,
// and the case's own values would tell them apart. A collection built at
// run time (servers, connections) may have nothing but its index to tell
// its members apart.
func (s *subtests) namesItsCases(table ast.Expr) bool {
	lit := s.literal(table)
	if lit == nil {
		return false
	}
	var elem types.Type
	switch t := s.pass.TypesInfo.TypeOf(lit).Underlying().(type) {
	case *types.Slice:
		elem = t.Elem()
	case *types.Array:
		elem = t.Elem()
	default:
		return false
	}
	if ptr, ok := elem.Underlying().(*types.Pointer); ok {
		elem = ptr.Elem()
	}
	switch t := elem.Underlying().(type) {
	case *types.Basic:
		return namesACase(t)
	case *types.Struct:
		for i := range t.NumFields() {
			if b, ok := t.Field(i).Type().Underlying().(*types.Basic); ok && namesACase(b) {
				return true
			}
		}
	}
	return false
}

func namesACase(t *types.Basic) bool {
	return t.Info()&(types.IsString|types.IsNumeric) != 0
}

// vague reports whether a subtest name is empty or only counts cases.
func vague(name string) bool {
	return strings.TrimSpace(name) == "" || isCounterName(name)
}

// checkName reports an empty or counting subtest name. A bare number that
// the case spells elsewhere, in context outside skip, is its value rather
// than its count: {name: "5", want: 5}, {"32", New32}.
func (s *subtests) checkName(pos token.Pos, name string, context inspector.Cursor, skip ast.Node) {
	switch {
	case strings.TrimSpace(name) == "":
		s.reportEmpty(pos)
	case isCounterName(name) && !(isNumber(name) && s.spells(context, name, skip)):
		s.pass.Reportf(pos, "subtest name %q says nothing about the case; describe the input or expectation", name)
	}
}

func isNumber(s string) bool {
	return s != "" && strings.Trim(s, "0123456789") == ""
}

// spells reports whether the subtree at cur, outside skip, holds the
// number digits as a literal (5, "5") or at the end of an identifier
// (New32, Int8).
func (s *subtests) spells(cur inspector.Cursor, digits string, skip ast.Node) bool {
	for c := range cur.Preorder((*ast.BasicLit)(nil), (*ast.Ident)(nil)) {
		n := c.Node()
		if skip != nil && skip.Pos() <= n.Pos() && n.End() <= skip.End() {
			continue
		}
		switch n := n.(type) {
		case *ast.BasicLit:
			value := n.Value
			if n.Kind == token.STRING {
				value, _ = strconv.Unquote(value)
			}
			if (n.Kind == token.INT || n.Kind == token.STRING) && value == digits {
				return true
			}
		case *ast.Ident:
			rest, found := strings.CutSuffix(n.Name, digits)
			if found && rest != "" && !isNumber(rest[len(rest)-1:]) {
				return true
			}
		}
	}
	return false
}

func (s *subtests) reportEmpty(pos token.Pos) {
	s.pass.Reportf(pos, "subtest name is empty; go test numbers it #00, #01, ... so a failure can't be traced; describe the input or expectation")
}

func (s *subtests) reportDuplicate(pos, first token.Pos, name string, occurrence int) {
	s.pass.Reportf(pos, "duplicate subtest name %q (also at line %d); go test renames it to %q so a failure can't be traced",
		name, s.pass.Fset.Position(first).Line, fmt.Sprintf("%s#%02d", rewriteSubtestName(name), occurrence-1))
}

// checkRepeat reports a constant subtest name that the same *testing.T has
// already used, unless the two calls sit in different branches of an if or
// switch and so never both run.
func (s *subtests) checkRepeat(cur inspector.Cursor, call *ast.CallExpr, name string) {
	if strings.TrimSpace(name) == "" {
		return // already reported as empty
	}
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok {
		return
	}
	id, ok := ast.Unparen(sel.X).(*ast.Ident)
	if !ok || s.pass.TypesInfo.Uses[id] == nil {
		return
	}
	key := runKey{s.pass.TypesInfo.Uses[id], rewriteSubtestName(name)}
	for _, prev := range s.runs[key] {
		if s.exclusive(prev, cur) {
			return
		}
	}
	s.runs[key] = append(s.runs[key], cur)
	if prev := s.runs[key]; len(prev) > 1 {
		first := prev[0].Node().(*ast.CallExpr)
		s.reportDuplicate(call.Args[0].Pos(), first.Args[0].Pos(), name, len(prev))
	}
}

// exclusive reports whether the t.Run calls a and b, a before b, never
// both run: they lie in different branches of an if or switch, or a sits
// in a block that leaves (return, t.Skip, t.Fatal, panic, ...) before
// control reaches b.
func (s *subtests) exclusive(a, b inspector.Cursor) bool {
	var common inspector.Cursor
	for c := range b.Enclosing() {
		if c.Contains(a) {
			common = c
			break
		}
	}
	switch common.Node().(type) {
	case *ast.IfStmt:
		return true
	case *ast.BlockStmt:
		switch common.Parent().Node().(type) {
		case *ast.SwitchStmt, *ast.TypeSwitchStmt, *ast.SelectStmt:
			return true
		}
	}
	for c := range a.Enclosing((*ast.BlockStmt)(nil)) {
		if c == common || c.Contains(common) {
			break
		}
		if list := c.Node().(*ast.BlockStmt).List; len(list) > 0 && s.leaves(list[len(list)-1]) {
			return true
		}
	}
	return false
}

// leaves reports whether stmt ends its block for good.
func (s *subtests) leaves(stmt ast.Stmt) bool {
	switch stmt := stmt.(type) {
	case *ast.ReturnStmt, *ast.BranchStmt:
		return true
	case *ast.ExprStmt:
		call, ok := stmt.X.(*ast.CallExpr)
		if !ok {
			return false
		}
		if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
			if _, builtin := s.pass.TypesInfo.Uses[id].(*types.Builtin); builtin && id.Name == "panic" {
				return true
			}
		}
		fn := testcode.Callee(s.pass.TypesInfo, call)
		return testcode.IsTestingMethod(fn, "Fatal", "Fatalf", "FailNow", "Skip", "Skipf", "SkipNow") ||
			testcode.IsFunc(fn, "os", "Exit") || testcode.IsFunc(fn, "runtime", "Goexit")
	}
	return false
}

// render returns the name e produces when every loop index it mentions is
// 1, and the collections those indexes point into; no collections when e
// is not built from a loop index and constants alone: strconv.Itoa(i),
// fmt.Sprint(i), fmt.Sprintf("case %d", i) and "test" + strconv.Itoa(i)
// all qualify.
func (s *subtests) render(cur inspector.Cursor, e ast.Expr) (string, []ast.Expr) {
	switch e := ast.Unparen(e).(type) {
	case *ast.BinaryExpr:
		if e.Op != token.ADD {
			return "", nil
		}
		var name string
		var tables []ast.Expr
		for _, part := range []ast.Expr{e.X, e.Y} {
			if str, ok := testcode.ConstString(s.pass.TypesInfo, part); ok {
				name += str
				continue
			}
			str, t := s.render(cur, part)
			if t == nil {
				return "", nil
			}
			name += str
			tables = append(tables, t...)
		}
		return name, tables
	case *ast.CallExpr:
		fn := testcode.Callee(s.pass.TypesInfo, e)
		switch {
		case testcode.IsFunc(fn, "strconv", "Itoa", "FormatInt", "FormatUint"),
			testcode.IsFunc(fn, "fmt", "Sprint"):
			if len(e.Args) >= 1 {
				if table := s.loopIndex(cur, e.Args[0]); table != nil {
					return "1", []ast.Expr{table}
				}
			}
		case testcode.IsFunc(fn, "fmt", "Sprintf"):
			if len(e.Args) < 2 {
				return "", nil
			}
			format, ok := testcode.ConstString(s.pass.TypesInfo, e.Args[0])
			if !ok {
				return "", nil
			}
			ones := make([]any, 0, len(e.Args)-1)
			var tables []ast.Expr
			for _, a := range e.Args[1:] {
				table := s.loopIndex(cur, a)
				if table == nil {
					return "", nil
				}
				ones = append(ones, 1)
				tables = append(tables, table)
			}
			if str := fmt.Sprintf(format, ones...); !strings.Contains(str, "%!") {
				return str, tables
			}
		}
	}
	return "", nil
}

// loopIndex returns the collection that e indexes, if e (possibly
// converted, as in int64(i), or counted from one, as in i+1) is the index
// of a loop enclosing cur: the key of a range over a slice or array, or a
// counter of a for loop or range over an integer that the loop body uses
// only to index something. A counter used otherwise is the input of the
// case ("n=3" workers), which names it well.
func (s *subtests) loopIndex(cur inspector.Cursor, e ast.Expr) ast.Expr {
	for range 3 { // int64(i + 1) and the like: few layers
		e = ast.Unparen(e)
		if conv, ok := e.(*ast.CallExpr); ok && len(conv.Args) == 1 && s.pass.TypesInfo.Types[conv.Fun].IsType() {
			e = conv.Args[0]
			continue
		}
		if sum, ok := e.(*ast.BinaryExpr); ok && sum.Op == token.ADD {
			switch {
			case s.isIntConst(sum.Y):
				e = sum.X
				continue
			case s.isIntConst(sum.X):
				e = sum.Y
				continue
			}
		}
		break
	}
	id, ok := e.(*ast.Ident)
	if !ok {
		return nil
	}
	obj := s.pass.TypesInfo.Uses[id]
	if obj == nil {
		return nil
	}
	for loop := range cur.Enclosing((*ast.RangeStmt)(nil), (*ast.ForStmt)(nil)) {
		switch l := loop.Node().(type) {
		case *ast.RangeStmt:
			if !s.defines(l.Key, obj) {
				continue
			}
			switch t := s.pass.TypesInfo.TypeOf(l.X).Underlying().(type) {
			case *types.Slice, *types.Array:
				return l.X
			case *types.Pointer:
				if _, isArray := t.Elem().Underlying().(*types.Array); isArray {
					return l.X
				}
			case *types.Basic:
				if t.Info()&types.IsInteger != 0 {
					return s.indexedBy(loop, obj, cur)
				}
			}
			return nil
		case *ast.ForStmt:
			init, ok := l.Init.(*ast.AssignStmt)
			if !ok || init.Tok != token.DEFINE || !s.defines(init.Lhs[0], obj) {
				continue
			}
			return s.indexedBy(loop, obj, cur)
		}
	}
	return nil
}

func (s *subtests) isIntConst(e ast.Expr) bool {
	tv, ok := s.pass.TypesInfo.Types[e]
	return ok && tv.Value != nil && tv.Value.Kind() == constant.Int
}

func (s *subtests) defines(e ast.Expr, obj types.Object) bool {
	id, ok := e.(*ast.Ident)
	return ok && s.pass.TypesInfo.Defs[id] == obj
}

// indexedBy returns what the body of loop indexes with v (the first x of
// x[v]) when it uses v, apart from the t.Run call run, only as an index or
// in messages; otherwise nil.
func (s *subtests) indexedBy(loop inspector.Cursor, v types.Object, run inspector.Cursor) ast.Expr {
	var body inspector.Cursor
	switch l := loop.Node().(type) {
	case *ast.RangeStmt:
		body = loop.Child(l.Body)
	case *ast.ForStmt:
		body = loop.Child(l.Body)
	}
	var indexed ast.Expr
	for c := range body.Preorder((*ast.Ident)(nil)) {
		if s.pass.TypesInfo.Uses[c.Node().(*ast.Ident)] != v {
			continue
		}
		if ix, ok := c.Parent().Node().(*ast.IndexExpr); ok && ix.Index == c.Node() {
			if indexed == nil {
				indexed = ix.X
			}
			continue
		}
		if !run.Contains(c) && !s.inMessage(c, body) {
			return nil
		}
	}
	return indexed
}

// inMessage reports whether cur, below limit, is an argument of a call
// that formats or reports text (fmt, log, errors, or a method of package
// testing other than Run) rather than an input of the code under test.
// The innermost call decides.
func (s *subtests) inMessage(cur, limit inspector.Cursor) bool {
	for c := range cur.Enclosing((*ast.CallExpr)(nil), (*ast.FuncLit)(nil)) {
		call, ok := c.Node().(*ast.CallExpr)
		if !ok || !limit.Contains(c) {
			return false
		}
		fn := testcode.Callee(s.pass.TypesInfo, call)
		if fn == nil || fn.Pkg() == nil {
			return false
		}
		switch fn.Pkg().Path() {
		case "fmt", "log", "errors":
			return true
		case "testing":
			return fn.Name() != "Run"
		}
		return false
	}
	return false
}
