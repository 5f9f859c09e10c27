package extcall

import (
	"go/ast"
	"go/types"
	"strings"

	"github.com/testgate/testgate/analyzers/internal/testcode"
)

// isDispatch reports whether fn is a method of an interface outside the
// standard library taking a string or a *url.URL: which implementation
// runs, and whether it dials, is up to the value the call is made on (a
// getter table's entry, a parameter), which the caller may show. The
// standard library's interfaces that take strings (io.StringWriter,
// fs.FS) are implemented by writers and file systems, not by dialers, and
// are called everywhere: following them would cost a template each.
func isDispatch(fn *types.Func) bool {
	sig := fn.Signature()
	if sig.Recv() == nil || fn.Pkg() == nil || !types.IsInterface(sig.Recv().Type()) {
		return false
	}
	if testcode.IsStd(fn.Pkg().Path()) {
		return false
	}
	for v := range sig.Params().Variables() {
		if carries(v.Type()) {
			return true
		}
	}
	return false
}

// dispatchDials returns what the interface method call at s dials: the
// facts of the methods of the concrete values the function shows it is
// made on, or, for a function being summarized that takes the value from
// a parameter or a field of one, a template its callers resolve.
func (c *checker) dispatchDials(s site, f *flow) []dial {
	recv := receiver(s.call)
	if recv == nil || s.call.Ellipsis.IsValid() {
		return nil
	}
	var out []dial
	c.implementations(f, recv, false, s.fn.Pkg(), s.fn.Name(), func(x ast.Expr, m *types.Func, t template) {
		if t.Method != "" {
			return
		}
		if d, ok := c.templateDial(t, s.call.Args, x, f, m); ok {
			out = append(out, d)
		}
	})
	if len(out) > 0 || f.params == nil {
		return out
	}
	holder, elem, ok := f.holderOf(recv)
	if !ok {
		return nil
	}
	t := &template{Client: noClient, Network: -1, Method: s.fn.Name(), Holder: holder, Elem: elem}
	passed := false
	for _, a := range s.call.Args {
		v := f.str(a)
		t.Args = append(t.Args, argValue{Parts: v.parts, Complete: v.complete})
		passed = passed || v.hasParam()
	}
	if !passed {
		return nil // the function, not its caller, decides the address
	}
	return []dial{{dispatch: t}}
}

// resolveDispatch returns what a call of via, whose fact holds the
// dispatch template t, dials: the templates of the concrete values the
// caller puts at t's holder, with t's arguments put in.
func (c *checker) resolveDispatch(t template, call *ast.CallExpr, f *flow, via *types.Func) []dial {
	holder := f.operand(t.Holder.Param, t.Holder.Field, call.Args, receiver(call))
	if holder == nil {
		return nil
	}
	var out []dial
	c.implementations(f, holder, t.Elem, nil, t.Method, func(_ ast.Expr, _ *types.Func, inner template) {
		ct, ok := compose(inner, t.Args)
		if !ok {
			return
		}
		if d, ok := c.templateDial(ct, call.Args, receiver(call), f, via); ok {
			out = append(out, d)
		}
	})
	return out
}

// implementations calls each, for each concrete value f shows at holder
// (with elem, at each of its elements), with the value, its method named
// name (declared in pkg; nil: the value's package) and each template of
// that method's fact.
func (c *checker) implementations(f *flow, holder ast.Expr, elem bool, pkg *types.Package, name string, each func(ast.Expr, *types.Func, template)) {
	for _, x := range f.concrete(holder, elem) {
		m := methodOf(f.info.TypeOf(x), pkg, name)
		if m == nil {
			continue
		}
		if fact := c.factOf(m); fact != nil {
			for _, t := range fact.Templates {
				each(x, m, t)
			}
		}
	}
}

// methodOf returns the method of the concrete type t that implements the
// interface method named name, declared in pkg (nil: t's package).
func methodOf(t types.Type, pkg *types.Package, name string) *types.Func {
	if t == nil || types.IsInterface(t) {
		return nil
	}
	if pkg == nil {
		base := t
		if ptr, ok := types.Unalias(t).(*types.Pointer); ok {
			base = ptr.Elem()
		}
		if named, ok := types.Unalias(base).(*types.Named); ok {
			pkg = named.Obj().Pkg()
		}
	}
	obj, _, _ := types.LookupFieldOrMethod(t, true, pkg, name)
	fn, _ := obj.(*types.Func)
	return fn
}

// factOf returns the dials fact of fn, of the package or imported.
func (c *checker) factOf(fn *types.Func) *dials {
	fn = fn.Origin()
	if fn.Pkg() != c.pass.Pkg {
		c.lookup(fn)
	}
	return c.facts[fn]
}

// compose restates the template inner of an implementation of a
// dispatch template's method in terms of the dispatching function's
// parameters, given what it passes as the method's arguments. Only
// addresses made of the method's parameters carry over: fields of its
// receiver belong to a value the caller does not show here.
func compose(inner template, args []argValue) (template, bool) {
	if inner.Method != "" || (inner.Client != noClient && inner.Client != defaultClient) {
		return template{}, false
	}
	out := inner
	out.Parts = nil
	for _, p := range inner.Parts {
		if p.Param < 0 {
			out.Parts = append(out.Parts, p)
			continue
		}
		if p.Param >= len(args) || p.Field != "" || p.Request {
			out.Complete = false
			break
		}
		a := str{parts: args[p.Param].Parts, complete: args[p.Param].Complete}
		if p.Derived {
			a = derivedOf(a)
		}
		out.Parts = append(out.Parts, a.parts...)
		if !a.complete {
			out.Complete = false
			break
		}
	}
	if !(str{parts: out.Parts}).hasParam() {
		return template{}, false // the dispatching function decides the address
	}
	out.Network = -1
	if inner.Network >= 0 {
		if inner.Network >= len(args) {
			return template{}, false
		}
		network := args[inner.Network]
		if len(network.Parts) == 1 && network.Parts[0].Param >= 0 && network.Parts[0].Param != recvParam && network.Parts[0].Field == "" {
			out.Network = network.Parts[0].Param
		} else if len(network.Parts) > 0 && network.Parts[0].Param < 0 && strings.HasPrefix(network.Parts[0].Text, "unix") {
			return template{}, false
		}
	}
	return out, true
}

// concrete returns the expressions that give the interface value e (or,
// with elem, each element of the map or slice e) its concrete type, as
// far as the function shows them: expressions of a concrete type,
// variables written once, map and slice literals, fields of struct
// literals. An element it cannot see is left out.
func (f *flow) concrete(e ast.Expr, elem bool) []ast.Expr {
	if !f.enter() {
		f.leave()
		return nil
	}
	defer f.leave()
	e = ast.Unparen(e)
	if elem {
		lit := f.literal(e)
		if sel, ok := e.(*ast.SelectorExpr); ok && lit == nil {
			if v := f.fieldOf(sel.X, sel.Sel.Name); v != nil {
				lit = f.literal(v)
			}
		}
		if lit == nil {
			return nil
		}
		var out []ast.Expr
		for _, el := range lit.Elts {
			if kv, ok := el.(*ast.KeyValueExpr); ok {
				el = kv.Value
			}
			out = append(out, f.concrete(el, false)...)
		}
		return out
	}
	if t := f.info.TypeOf(e); t != nil && !types.IsInterface(t) {
		return []ast.Expr{e}
	}
	switch x := e.(type) {
	case *ast.Ident:
		v, ok := f.info.Uses[x].(*types.Var)
		if !ok {
			return nil
		}
		if d, ok := f.value(v); ok && d.Index <= 0 {
			if _, isCall := ast.Unparen(d.Value).(*ast.CallExpr); d.Index < 0 || !isCall {
				return f.concrete(d.Value, false) // g := c.Getters[scheme], or g, ok := ...
			}
		}
	case *ast.IndexExpr:
		return f.concrete(x.X, true)
	case *ast.SelectorExpr:
		if v := f.fieldOf(x.X, x.Sel.Name); v != nil {
			return f.concrete(v, false)
		}
	}
	return nil
}

// holderOf returns the parameter, or field of one, that the interface
// value e of a function being summarized comes from, and whether e is an
// element of the map or slice held there.
func (f *flow) holderOf(e ast.Expr) (part, bool, bool) {
	elem := false
	for range maxDepth {
		switch x := ast.Unparen(e).(type) {
		case *ast.Ident:
			v, ok := f.info.Uses[x].(*types.Var)
			if !ok {
				return part{}, false, false
			}
			if i, ok := f.params[v]; ok {
				return part{Param: i}, elem, true
			}
			d, ok := f.value(v)
			if !ok || d.Index > 0 {
				return part{}, false, false
			}
			e = d.Value
		case *ast.IndexExpr:
			if elem {
				return part{}, false, false
			}
			elem = true
			e = x.X
		case *ast.SelectorExpr:
			p, ok := f.fieldPart(x)
			return p, elem, ok
		default:
			return part{}, false, false
		}
	}
	return part{}, false, false
}
