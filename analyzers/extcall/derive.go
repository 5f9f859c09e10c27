package extcall

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/testgate/testgate/analyzers/internal/testcode"
)

// passes is the fact of a function that may return a parameter, a field
// of one or of its receiver, or a value computed from it (src, err :=
// Detect(c.Src, ...) returning src when it is already a URL; forced, src
// := splitForced(src)): Results holds, for each result, the part it
// carries, Derived, or a part of Param -1 for none. Its callers follow
// the source's host through it, where builds (the exact text) fails.
type passes struct{ Results []part }

func (*passes) AFact() {}

func (p *passes) String() string {
	out := "passes"
	for _, r := range p.Results {
		if r.Param < 0 {
			out += " -"
			continue
		}
		out += " " + template{Parts: []part{r}, Complete: true}.key()
	}
	return out
}

// A varWrite is one write of a variable: its value, and which result of
// it when the value is a multi-valued call (else -1).
type varWrite struct {
	value ast.Expr
	index int
}

// writeIndex records every write with a value of the package's
// variables: derivedVar follows a local variable written more than once
// (src, err := Detect(src); force, src := split(src)) through all of them.
func writeIndex(info *types.Info, root inspector.Cursor) map[*types.Var][]varWrite {
	index := make(map[*types.Var][]varWrite)
	add := func(target, value ast.Expr, i int) {
		if v, ok := info.ObjectOf(testcode.Ident(target)).(*types.Var); ok && value != nil {
			index[v] = append(index[v], varWrite{value, i})
		}
	}
	for cur := range root.Preorder((*ast.AssignStmt)(nil), (*ast.ValueSpec)(nil)) {
		switch n := cur.Node().(type) {
		case *ast.AssignStmt:
			if n.Tok == token.ASSIGN || n.Tok == token.DEFINE {
				testcode.AssignEach(n.Lhs, n.Rhs, add)
			}
		case *ast.ValueSpec:
			names := make([]ast.Expr, len(n.Names))
			for i, name := range n.Names {
				names[i] = name
			}
			testcode.AssignEach(names, n.Values, add)
		}
	}
	return index
}

// derivedVar returns what a function's local variable written more than
// once (or through a field, u.RawQuery = ...) carries: the first of its
// writes that starts with a parameter or a field of one, as a derived
// part. Only functions being summarized into facts look: in a test, a
// variable written twice is not followed.
func (f *flow) derivedVar(v *types.Var) str {
	if f.params == nil || isPkgVar(v) {
		return unknown
	}
	if s, seen := f.derivedVars[v]; seen {
		if s == nil {
			return unknown // x = f(x): the other writes decide
		}
		return *s
	}
	if f.derivedVars == nil {
		f.derivedVars = make(map[*types.Var]*str)
	}
	f.derivedVars[v] = nil
	out := unknown
	for _, w := range f.writes()[v] {
		var s str
		if call, ok := ast.Unparen(w.value).(*ast.CallExpr); ok && w.index >= 0 {
			s = f.callResult(call, w.index)
		} else if w.index < 0 {
			s = f.str(w.value)
		}
		if len(s.parts) > 0 && s.parts[0].Param >= 0 {
			out = derivedOf(s)
			break
		}
	}
	f.derivedVars[v] = &out
	return out
}

// derivedOf returns what is known of a value computed from s: its text
// up to its first parameter, marked derived, and nothing after.
func derivedOf(s str) str {
	out := str{parts: slices.Clone(s.parts)}
	for i, p := range out.parts {
		if p.Param >= 0 {
			p.Derived = true
			out.parts[i] = p
			out.parts = out.parts[:i+1]
			break
		}
	}
	return out
}

// callResult returns what is known of result i of call.
func (f *flow) callResult(call *ast.CallExpr, i int) str {
	if i == 0 {
		return f.callStr(call)
	}
	return f.passedOn(call, i)
}

// passedOn returns what result i of call carries by the callee's passes
// fact.
func (f *flow) passedOn(call *ast.CallExpr, i int) str {
	if f.passes == nil || call.Ellipsis.IsValid() {
		return unknown
	}
	fn := testcode.Callee(f.info, call)
	if fn == nil {
		return unknown
	}
	p := f.passes(fn)
	if p == nil || i >= len(p.Results) || p.Results[i].Param < 0 {
		return unknown
	}
	return derivedOf(f.substitute(template{Parts: p.Results[i : i+1], Complete: true}, call.Args, receiver(call)))
}

// carriesAddress reports whether a result of sig may carry an address
// (see passes).
func carriesAddress(sig *types.Signature) bool {
	for v := range sig.Results().Variables() {
		if carries(v.Type()) {
			return true
		}
	}
	return false
}

func carries(t types.Type) bool {
	return isString(t) || testcode.IsNamedType(t, "net/url", "URL")
}

// passesOf returns the passes fact of fi, or nil: for each result that
// builds does not already give exactly, the parameter or field that
// every return statement starting with one starts with.
func (c *checker) passesOf(fi *funcInfo) *passes {
	res := fi.obj.Signature().Results()
	var f *flow
	out := &passes{Results: make([]part, res.Len())}
	found := false
	for r := range res.Len() {
		out.Results[r] = part{Param: -1}
		if !carries(res.At(r).Type()) || (r == 0 && c.built[fi.obj] != nil) {
			continue
		}
		if f == nil {
			f = c.flow(paramsOf(fi.obj), false)
		}
		var p part
		set := false
		for _, ret := range fi.returns {
			if len(ret.Results) != res.Len() {
				continue
			}
			s := f.str(ret.Results[r])
			if len(s.parts) == 0 || s.parts[0].Param < 0 {
				continue
			}
			q := s.parts[0]
			q.Derived = true
			if set && q != p {
				set = false // two sources: neither is the one
				break
			}
			p, set = q, true
		}
		if set {
			out.Results[r] = p
			found = true
		}
	}
	if !found {
		return nil
	}
	return out
}

// passesFact returns the passes fact of fn: of the package, as
// summarized so far, or imported.
func (c *checker) passesFact(fn *types.Func) *passes {
	return funcFact(c.pass, fn, c.passed, c.importedPasses)
}
