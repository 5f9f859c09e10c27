package extcall

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/ast/inspector"

	"github.com/testgate/testgate/analyzers/internal/testcode"
)

// A part is a piece of an address string: known text, or the value of a
// parameter of the function being summarized (for a *http.Request
// parameter, its URL; for a *url.URL, its text), or of a field of one
// (Field: "BaseURL", "cfg.Endpoint"). The receiver of a method counts as
// parameter recvParam. A Derived part stands for a value that a function
// computes from the parameter or field and may return unchanged (a parsed,
// normalized or prefix-stripped source): its text is unknown, its host is
// taken to be the value's, and it ends what is known of the string.
type part struct {
	Text    string
	Param   int // -1 for Text
	Request bool
	Field   string
	Derived bool
}

// recvParam is the index that stands for a method's receiver.
const recvParam = 1 << 10

// A str is what is known of a string: its leading parts, and whether they
// make the whole string or unknown text follows.
type str struct {
	parts    []part
	complete bool
}

var unknown = str{}

func text(s string) str {
	if s == "" {
		return str{complete: true} // no part: an empty piece would hide a parameter that follows
	}
	return str{parts: []part{{Text: s, Param: -1}}, complete: true}
}

func (s str) concat(t str) str {
	if !s.complete {
		return s
	}
	return str{parts: append(append([]part(nil), s.parts...), t.parts...), complete: t.complete}
}

// prefix returns the known text the string starts with, and whether that
// text is the whole string.
func (s str) prefix() (string, bool) {
	var b strings.Builder
	for _, p := range s.parts {
		if p.Param >= 0 {
			return b.String(), false
		}
		b.WriteString(p.Text)
	}
	return b.String(), s.complete
}

func (s str) hasParam() bool {
	for _, p := range s.parts {
		if p.Param >= 0 {
			return true
		}
	}
	return false
}

// sliceElems indexes the slices built by a literal and appends to
// themselves (args := []string{"clone"}; args = append(args, "--", url)):
// their elements in source order, nil for a slice written any other way.
func sliceElems(info *types.Info, root inspector.Cursor) map[*types.Var][]ast.Expr {
	elems := make(map[*types.Var][]ast.Expr)
	bad := make(map[*types.Var]bool)
	for cur := range root.Preorder((*ast.AssignStmt)(nil)) {
		n := cur.Node().(*ast.AssignStmt)
		if len(n.Lhs) != 1 || len(n.Rhs) != 1 {
			continue
		}
		id := testcode.Ident(n.Lhs[0])
		if id == nil {
			continue
		}
		v, ok := info.ObjectOf(id).(*types.Var)
		if !ok {
			continue
		}
		if _, isSlice := v.Type().Underlying().(*types.Slice); !isSlice {
			continue
		}
		switch rhs := ast.Unparen(n.Rhs[0]).(type) {
		case *ast.CompositeLit:
			if n.Tok == token.DEFINE {
				elems[v] = rhs.Elts
				continue
			}
		case *ast.CallExpr:
			if b, ok := info.Uses[testcode.Ident(rhs.Fun)].(*types.Builtin); ok && b.Name() == "append" && len(rhs.Args) > 0 && !rhs.Ellipsis.IsValid() {
				if first := testcode.Ident(rhs.Args[0]); first != nil && info.Uses[first] == v {
					elems[v] = append(elems[v], rhs.Args[1:]...)
					continue
				}
			}
		}
		bad[v] = true
	}
	for v := range bad {
		delete(elems, v)
	}
	return elems
}

// A flow resolves expressions of one function to what is known of their
// string values.
type flow struct {
	info    *types.Info
	vars    map[*types.Var]*testcode.VarWrites
	params  map[*types.Var]int // of the function being summarized into a fact
	pkgVars bool               // whether package-level variables may stand for their values
	calls   func(*ast.CallExpr) bool
	builds  func(*types.Func) *builds        // the builds fact of a function, or nil
	passes  func(*types.Func) *passes        // the passes fact of a function, or nil
	slices  func() map[*types.Var][]ast.Expr // see sliceElems, built on first need
	writes  func() map[*types.Var][]varWrite // see writeIndex, built on first need
	depth   int

	// derivedVars memoizes derivedVar; a nil entry marks a variable
	// being resolved, so that x = f(x) ends.
	derivedVars map[*types.Var]*str
}

const maxDepth = 8

// value returns the variable definition that v stands for, if v is written
// exactly once and never through its address.
func (f *flow) value(v *types.Var) (*testcode.VarWrites, bool) {
	d := f.vars[v]
	if d == nil || d.Writes != 1 || d.Addressed || d.Value == nil {
		return nil, false
	}
	if isPkgVar(v) && !f.pkgVars {
		return nil, false
	}
	return d, true
}

// isPkgVar reports whether v is declared at package level.
func isPkgVar(v *types.Var) bool {
	return v.Pkg() != nil && v.Parent() == v.Pkg().Scope()
}

func (f *flow) enter() bool {
	f.depth++
	return f.depth <= maxDepth
}

func (f *flow) leave() { f.depth-- }

// str returns what is known of the string value of e.
func (f *flow) str(e ast.Expr) str {
	if !f.enter() {
		f.leave()
		return unknown
	}
	defer f.leave()
	if s, ok := testcode.ConstString(f.info, e); ok {
		return text(s)
	}
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		v, ok := f.info.Uses[e].(*types.Var)
		if !ok {
			return unknown
		}
		if i, ok := f.params[v]; ok {
			return str{parts: []part{{Param: i}}, complete: true}
		}
		if d, ok := f.value(v); ok {
			if d.Index < 0 {
				return f.str(d.Value)
			}
			if call, ok := ast.Unparen(d.Value).(*ast.CallExpr); ok {
				// u, err := url.Parse("https://..."), or a helper
				// that builds one.
				return f.callResult(call, d.Index)
			}
			return unknown
		}
		return f.derivedVar(v)
	case *ast.SelectorExpr:
		if p, ok := f.fieldPart(e); ok {
			return str{parts: []part{p}, complete: true}
		}
		if lit := f.literal(e.X); lit != nil {
			if v, ok := field(lit, e.Sel.Name); ok && v != nil {
				return f.str(v)
			}
		}
	case *ast.UnaryExpr:
		if e.Op == token.AND {
			return f.str(e.X)
		}
	case *ast.CompositeLit:
		if testcode.IsNamedType(f.info.TypeOf(e), "net/url", "URL") {
			return f.urlLiteral(e)
		}
	case *ast.BinaryExpr:
		if e.Op == token.ADD {
			return f.str(e.X).concat(f.str(e.Y))
		}
	case *ast.CallExpr:
		return f.callStr(e)
	}
	return unknown
}

func (f *flow) callStr(call *ast.CallExpr) str {
	if tv, ok := f.info.Types[call.Fun]; ok && tv.IsType() {
		if len(call.Args) == 1 && isString(f.info.TypeOf(call.Args[0])) {
			return f.str(call.Args[0])
		}
		return unknown
	}
	fn := testcode.Callee(f.info, call)
	switch {
	case testcode.IsFunc(fn, "net/url", "Parse", "ParseRequestURI") && len(call.Args) == 1:
		return f.str(call.Args[0]) // return url.Parse(raw)
	case testcode.IsMethod(fn, "net/url", "URL", "String", "Redacted"):
		return f.str(ast.Unparen(call.Fun).(*ast.SelectorExpr).X)
	case testcode.IsMethod(fn, "net/url", "URL", "JoinPath", "ResolveReference", "Parse"):
		// The host stays the receiver's (a reference with its own host
		// aside, which tests rarely pass).
		base := f.str(ast.Unparen(call.Fun).(*ast.SelectorExpr).X)
		base.complete = false
		return base
	case testcode.IsFunc(fn, "fmt", "Sprintf") && len(call.Args) > 0 && !call.Ellipsis.IsValid():
		return f.sprintf(call.Args[0], call.Args[1:])
	case testcode.IsFunc(fn, "net", "JoinHostPort") && len(call.Args) == 2:
		host := f.str(call.Args[0])
		if h, complete := host.prefix(); complete && strings.Contains(h, ":") {
			host = text("[" + h + "]")
		}
		return host.concat(text(":")).concat(f.str(call.Args[1]))
	}
	if fn != nil && f.builds != nil && !call.Ellipsis.IsValid() {
		if b := f.builds(fn); b != nil {
			return f.substitute(template{Parts: b.Parts, Complete: b.Complete}, call.Args, receiver(call))
		}
	}
	return f.passedOn(call, 0)
}

// sprintf returns what is known of fmt.Sprintf(format, args...): the
// format's text up to the first verb other than %s, %v and %d, with those
// verbs replaced by what is known of their arguments.
func (f *flow) sprintf(format ast.Expr, args []ast.Expr) str {
	known, complete := f.str(format).prefix()
	out := text("")
	for {
		i := strings.IndexByte(known, '%')
		if i < 0 {
			out = out.concat(text(known))
			if !complete {
				out.complete = false
			}
			return out
		}
		out = out.concat(text(known[:i]))
		if i+1 >= len(known) {
			out.complete = false
			return out
		}
		verb := known[i+1]
		known = known[i+2:]
		switch {
		case verb == '%':
			out = out.concat(text("%"))
		case (verb == 's' || verb == 'v' || verb == 'd') && len(args) > 0:
			out = out.concat(f.verbArg(args[0]))
			args = args[1:]
		default:
			out.complete = false
			return out
		}
		if !out.complete {
			return out
		}
	}
}

func (f *flow) verbArg(arg ast.Expr) str {
	if tv, ok := f.info.Types[arg]; ok && tv.Value != nil && tv.Value.Kind() == constant.Int {
		return text(tv.Value.ExactString())
	}
	if isString(f.info.TypeOf(arg)) {
		return f.str(arg)
	}
	return unknown
}

func isString(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

// request returns what is known of the URL of the *http.Request e.
func (f *flow) request(e ast.Expr) str {
	if !f.enter() {
		f.leave()
		return unknown
	}
	defer f.leave()
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		v, ok := f.info.Uses[e].(*types.Var)
		if !ok {
			return unknown
		}
		if i, ok := f.params[v]; ok {
			return str{parts: []part{{Param: i, Request: true}}, complete: true}
		}
		if d, ok := f.value(v); ok && d.Index <= 0 {
			return f.request(d.Value)
		}
	case *ast.CallExpr:
		fn := testcode.Callee(f.info, e)
		switch {
		case testcode.IsFunc(fn, "net/http", "NewRequest") && len(e.Args) == 3:
			return f.str(e.Args[1])
		case testcode.IsFunc(fn, "net/http", "NewRequestWithContext") && len(e.Args) == 4:
			return f.str(e.Args[2])
		case testcode.IsMethod(fn, "net/http", "Request", "WithContext", "Clone"):
			if sel, ok := ast.Unparen(e.Fun).(*ast.SelectorExpr); ok {
				return f.request(sel.X)
			}
		}
	}
	return unknown
}

// How an HTTP call reaches the network: the values of a dial's client
// field. A non-negative value is the index of the parameter holding the
// client or transport.
const (
	noClient      = -1 // not an HTTP call
	defaultClient = -2 // through http.DefaultTransport, which a test may replace
	ownTransport  = -3 // through an *http.Transport of its own
	unknownClient = -4 // through a client or transport the analyzer cannot see
)

// client tells how requests sent through the *http.Client, http.RoundTripper
// or *http.Transport e reach the network.
func (f *flow) client(e ast.Expr) int {
	if !f.enter() {
		f.leave()
		return unknownClient
	}
	defer f.leave()
	e = ast.Unparen(e)
	if isHTTPVar(f.info, e, "DefaultClient", "DefaultTransport") {
		return defaultClient
	}
	switch x := e.(type) {
	case *ast.Ident:
		v, ok := f.info.Uses[x].(*types.Var)
		if !ok {
			return unknownClient
		}
		if i, ok := f.params[v]; ok {
			return i
		}
		d, ok := f.value(v)
		if !ok || d.Index >= 0 {
			return unknownClient
		}
		for _, call := range d.PassedTo {
			if !f.calls(call) {
				return unknownClient // the callee may change the transport
			}
		}
		return f.client(d.Value)
	case *ast.UnaryExpr:
		if x.Op == token.AND {
			return f.client(x.X)
		}
	case *ast.CallExpr:
		if id, ok := ast.Unparen(x.Fun).(*ast.Ident); ok && len(x.Args) == 1 {
			if b, ok := f.info.Uses[id].(*types.Builtin); ok && b.Name() == "new" && testcode.IsNamedType(f.info.TypeOf(x.Args[0]), "net/http", "Client") {
				return defaultClient
			}
		}
	case *ast.CompositeLit:
		t := f.info.TypeOf(x)
		switch {
		case testcode.IsNamedType(t, "net/http", "Client"):
			transport, ok := field(x, "Transport")
			if !ok {
				return unknownClient
			}
			if transport == nil {
				return defaultClient
			}
			return f.client(transport)
		case testcode.IsNamedType(t, "net/http", "Transport"):
			for _, name := range []string{"Dial", "DialContext", "DialTLS", "DialTLSContext", "Proxy"} {
				if v, ok := field(x, name); !ok || v != nil {
					return unknownClient // dials wherever its hook says
				}
			}
			return ownTransport
		}
	}
	return unknownClient
}

// clientOf is client, but also follows a client held in a field of a
// parameter or of the receiver (c.HTTP), which the caller decides, and in
// a field of a struct literal the function builds.
func (f *flow) clientOf(e ast.Expr) (int, string) {
	if sel, ok := ast.Unparen(e).(*ast.SelectorExpr); ok {
		if p, ok := f.fieldPart(sel); ok {
			return p.Param, p.Field
		}
		if v := f.fieldOf(sel.X, sel.Sel.Name); v != nil {
			return f.client(v), ""
		}
	}
	return f.client(e), ""
}

// field returns the value of the named field in a keyed composite literal,
// or nil when the literal leaves it unset; false when the literal is not
// keyed.
func field(lit *ast.CompositeLit, name string) (ast.Expr, bool) {
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			return nil, false
		}
		if id, ok := kv.Key.(*ast.Ident); ok && id.Name == name {
			return kv.Value, true
		}
	}
	return nil, true
}

// isHTTPVar reports whether e denotes one of net/http's package variables
// named names.
func isHTTPVar(info *types.Info, e ast.Expr, names ...string) bool {
	v, ok := testcode.Referenced(info, e).(*types.Var)
	if !ok || v.Pkg() == nil || v.Pkg().Path() != "net/http" || v.Parent() != v.Pkg().Scope() {
		return false
	}
	for _, name := range names {
		if v.Name() == name {
			return true
		}
	}
	return false
}

// fieldPart returns the part for a field of a parameter or of the
// receiver, such as c.BaseURL or cfg.Endpoint.Host.
func (f *flow) fieldPart(sel *ast.SelectorExpr) (part, bool) {
	var path []string
	e := ast.Expr(sel)
	for {
		switch x := ast.Unparen(e).(type) {
		case *ast.SelectorExpr:
			s, ok := f.info.Selections[x]
			if !ok || s.Kind() != types.FieldVal {
				return part{}, false
			}
			path = append([]string{x.Sel.Name}, path...)
			e = x.X
		case *ast.StarExpr:
			e = x.X
		case *ast.Ident:
			v, ok := f.info.Uses[x].(*types.Var)
			if !ok {
				return part{}, false
			}
			i, ok := f.params[v]
			if !ok {
				return part{}, false
			}
			return part{Param: i, Field: strings.Join(path, ".")}, true
		default:
			return part{}, false
		}
	}
}

// fieldOf returns the expression that the struct value e (a literal, a
// pointer to one, or a variable written once with one) gives the field at
// path, or nil.
func (f *flow) fieldOf(e ast.Expr, path string) ast.Expr {
	for _, name := range strings.Split(path, ".") {
		lit := f.literal(e)
		if lit == nil {
			return nil
		}
		v, ok := field(lit, name)
		if !ok || v == nil {
			return nil
		}
		e = v
	}
	return e
}

// urlLiteral returns what is known of the text of url.URL{Scheme: ...,
// Host: ..., Path: ...}.
func (f *flow) urlLiteral(lit *ast.CompositeLit) str {
	scheme, ok1 := field(lit, "Scheme")
	host, ok2 := field(lit, "Host")
	if !ok1 || !ok2 || scheme == nil || host == nil {
		return unknown
	}
	// The host field ends the authority; a path may follow.
	out := f.str(scheme).concat(text("://")).concat(f.str(host)).concat(text("/"))
	out.complete = false
	return out
}

// elems returns the elements of the slice variable e, when its writes are
// a literal and appends to itself.
func (f *flow) elems(e ast.Expr) ([]ast.Expr, bool) {
	id := testcode.Ident(e)
	if id == nil || f.slices == nil {
		return nil, false
	}
	v, ok := f.info.Uses[id].(*types.Var)
	if !ok {
		return nil, false
	}
	elems, ok := f.slices()[v]
	return elems, ok
}
