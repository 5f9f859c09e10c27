package extcall

import (
	_ "embed"
	"fmt"
	"go/ast"
	"go/constant"
	"go/types"
	"path"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/testgate/testgate/analyzers/internal/testcode"
)

//go:embed doc.go
var doc string

// Analyzer is the extcall analyzer.
var Analyzer = &analysis.Analyzer{
	Name:      "extcall",
	Doc:       testcode.MustExtractDoc(doc, "extcall"),
	URL:       "https://pkg.go.dev/github.com/testgate/testgate/analyzers/extcall",
	Requires:  []*analysis.Analyzer{inspect.Analyzer},
	Run:       testcode.WithIgnores(run),
	FactTypes: []analysis.Fact{new(dials), new(swapsTransport), new(hasDialers), new(builds), new(passes), new(requests)},
}

// builds is the fact of a function whose first result, a string or a
// *url.URL, is an address built from its parameters, its receiver's
// fields and constants, as in MustParseURL(t, raw) or apiURL(path): its
// callers' addresses are followed through it.
type builds struct {
	Parts    []part
	Complete bool
}

func (*builds) AFact() {}

func (b *builds) String() string {
	return "builds " + template{Parts: b.Parts, Complete: b.Complete}.key()
}

// allowHosts holds the hosts that tests may reach: a team's own test
// services, such as a shared staging database on the test network.
var allowHosts hostPatterns

func init() {
	Analyzer.Flags.Var(&allowHosts, "allow-hosts", "comma-separated hosts tests may reach: a name (svc.internal) or all names below a domain (*.test.example)")
}

// hostPatterns is a list of host names and *.domain patterns, set from a
// comma-separated value.
type hostPatterns []string

func (p *hostPatterns) String() string { return strings.Join(*p, ",") }

func (p *hostPatterns) Set(value string) error {
	var list []string
	for _, h := range strings.Split(value, ",") {
		h = strings.TrimSuffix(strings.ToLower(strings.TrimSpace(h)), ".")
		if h == "" {
			continue
		}
		if strings.Contains(strings.TrimPrefix(h, "*."), "*") {
			return fmt.Errorf("host pattern %q: only a leading *. is allowed", h)
		}
		list = append(list, h)
	}
	*p = list
	return nil
}

// match reports whether host is one of the patterns or below a *.domain.
func (p hostPatterns) match(host string) bool {
	host = strings.TrimSuffix(strings.ToLower(host), ".")
	for _, pat := range p {
		if domain, ok := strings.CutPrefix(pat, "*."); ok {
			if strings.HasSuffix(host, "."+domain) {
				return true
			}
		} else if host == pat {
			return true
		}
	}
	return false
}

// dials is the fact of a function that passes one of its parameters on to a
// call that dials: each template is an address it dials, in terms of its
// parameters.
type dials struct{ Templates []template }

// A template is an address a function dials, built from its parameters.
type template struct {
	Kind     addrKind
	Parts    []part
	Complete bool
	Client   int // see the client constants
	Network  int // index of the parameter naming the network of a net.Dial, or -1
	// ClientField is the field of the Client parameter (or receiver)
	// that holds the client, "" for the parameter itself.
	ClientField string
	Cmd         string // what reaches the host: a subprocess's command ("git clone"), an SDK client ("Redis")

	// Method, when set, makes the template a call of that method of an
	// interface on a value the caller decides (c.Getters[scheme].Get(dst,
	// u)): the value at Holder, a parameter or a field of one (Elem: an
	// element of the map or slice held there). The caller finds the
	// concrete types there and dials as their methods' facts say, with
	// Args, in terms of this function's parameters, standing for the
	// method's own.
	Method string
	Holder part
	Elem   bool
	Args   []argValue
}

// An argValue is what a function knows of an argument it passes on.
type argValue struct {
	Parts    []part
	Complete bool
}

func (*dials) AFact() {}

func (d *dials) String() string {
	var b strings.Builder
	b.WriteString("dials")
	for _, t := range d.Templates {
		b.WriteString(" ")
		b.WriteString(t.key())
	}
	return b.String()
}

func (t template) key() string {
	var b strings.Builder
	if t.Method != "" {
		elem := ""
		if t.Elem {
			elem = "[]"
		}
		fmt.Fprintf(&b, "%s%s.%s(", template{Parts: []part{t.Holder}, Complete: true}.key(), elem, t.Method)
		for i, a := range t.Args {
			if i > 0 {
				b.WriteString(", ")
			}
			b.WriteString(template{Parts: a.Parts, Complete: a.Complete}.key())
		}
		b.WriteString(")")
		return b.String()
	}
	for _, p := range t.Parts {
		name := strconv.Itoa(p.Param)
		if p.Param == recvParam {
			name = "recv"
		}
		if p.Field != "" {
			name += "." + p.Field
		}
		switch {
		case p.Param < 0:
			b.WriteString(p.Text)
		case p.Request:
			fmt.Fprintf(&b, "{url of %s}", name)
		case p.Derived:
			fmt.Fprintf(&b, "{~%s}", name)
		default:
			fmt.Fprintf(&b, "{%s}", name)
		}
	}
	if !t.Complete {
		b.WriteString("...")
	}
	return b.String()
}

// swapsTransport is the fact of a function that replaces
// http.DefaultTransport or http.DefaultClient (as httpmock.Activate and
// gock.New do), so that a test calling it does not dial through them.
type swapsTransport struct{}

func (*swapsTransport) AFact()         {}
func (*swapsTransport) String() string { return "swapsTransport" }

// hasDialers is the fact of a package with dials or swapsTransport facts,
// so that packages importing none of those skip the analysis.
type hasDialers struct{}

func (*hasDialers) AFact()         {}
func (*hasDialers) String() string { return "hasDialers" }

// A sink is a standard or gRPC function that dials the address it is given.
type sink struct {
	kind    addrKind
	addr    int        // index of the address argument
	request bool       // the argument is a *http.Request, not a string
	client  int        // noClient, defaultClient or receiverClient
	network int        // index of the network argument, or -1
	command bool       // os/exec: the arguments from addr on are a command line
	sdk     *sdkClient // a cloud or network SDK's client
	whole   bool       // only a URL written in the test counts, never a parameter (see requestMethod)
}

// receiverClient says a sink dials through the client or transport it is
// called on.
const receiverClient = -5

func sinkOf(fn *types.Func) (sink, bool) {
	if c := sdkClientOf(fn); c != nil {
		return sink{kind: c.kind, addr: c.arg, client: noClient, network: -1, sdk: c}, true
	}
	if i, ok := requestMethod(fn); ok {
		// The library sends through a client of its own, which a test
		// replacing http.DefaultTransport does not reach.
		return sink{kind: kindSourceURL, addr: i, client: noClient, network: -1, whole: true}, true
	}
	switch {
	case testcode.IsFunc(fn, "net/http", "Get", "Head", "Post", "PostForm"):
		return sink{kind: kindURL, client: defaultClient, network: -1}, true
	case testcode.IsMethod(fn, "net/http", "Client", "Get", "Head", "Post", "PostForm"):
		return sink{kind: kindURL, client: receiverClient, network: -1}, true
	case testcode.IsMethod(fn, "net/http", "Client", "Do"),
		testcode.IsMethod(fn, "net/http", "Transport", "RoundTrip"),
		testcode.IsMethod(fn, "net/http", "RoundTripper", "RoundTrip"):
		return sink{kind: kindURL, request: true, client: receiverClient, network: -1}, true
	case testcode.IsFunc(fn, "net", "Dial", "DialTimeout"),
		testcode.IsMethod(fn, "net", "Dialer", "Dial"),
		testcode.IsFunc(fn, "crypto/tls", "Dial"),
		testcode.IsMethod(fn, "crypto/tls", "Dialer", "Dial"):
		return sink{kind: kindHostPort, addr: 1, client: noClient, network: 0}, true
	case testcode.IsMethod(fn, "net", "Dialer", "DialContext"),
		testcode.IsMethod(fn, "crypto/tls", "Dialer", "DialContext"),
		testcode.IsFunc(fn, "crypto/tls", "DialWithDialer"):
		return sink{kind: kindHostPort, addr: 2, client: noClient, network: 1}, true
	case testcode.IsFunc(fn, "database/sql", "Open"):
		return sink{kind: kindDSN, addr: 1, client: noClient, network: -1}, true
	case testcode.IsFunc(fn, grpcPath, "Dial", "NewClient"):
		return sink{kind: kindTarget, client: noClient, network: -1}, true
	case testcode.IsFunc(fn, grpcPath, "DialContext"):
		return sink{kind: kindTarget, addr: 1, client: noClient, network: -1}, true
	case testcode.IsFunc(fn, "os/exec", "Command"):
		return sink{kind: kindRemote, client: noClient, network: -1, command: true}, true
	case testcode.IsFunc(fn, "os/exec", "CommandContext"):
		return sink{kind: kindRemote, addr: 1, client: noClient, network: -1, command: true}, true
	}
	return sink{}, false
}

const grpcPath = "google.golang.org/grpc"

// dialingPackages are those whose importers may dial. A package that
// only builds addresses (imports net/url alone) is summarized for its
// builds facts only (see gatherBuilders).
var dialingPackages = []string{"net/http", "net", "crypto/tls", "database/sql", grpcPath, "os/exec"}

// A dial is an address that a call dials, as far as the calling function
// knows it.
type dial struct {
	kind    addrKind
	addr    str
	client  int
	network int
	via     *types.Func // the module function the call dials through, or nil
	cmd     string      // what reaches the host: a subprocess's command, an SDK client
	// clientField is the field of parameter client that holds the
	// client, when a function's caller decides it through a struct.
	clientField string
	// dispatch is the template of an interface method call whose
	// concrete value the function's caller decides.
	dispatch *template
}

// A site is a call of a sink or of a function of the package or of an
// imported package that may dial.
type site struct {
	call *ast.CallExpr
	fn   *types.Func
	cur  inspector.Cursor
}

// A funcInfo is what the analyzer gathers about one function declaration.
type funcInfo struct {
	decl    *ast.FuncDecl
	obj     *types.Func
	sites   []site
	swaps   bool              // it replaces http.DefaultTransport or DefaultClient
	guarded bool              // it skips unless the external network is wanted (see guard)
	short   bool              // it skips in -short mode only, which plain go test does not set
	guards  []ast.Expr        // conditions under which it returns or skips, not yet judged
	callees []*types.Func     // functions of the package it calls, whose guard covers it too
	returns []*ast.ReturnStmt // when its first result may be an address (see returnsAddress)
	hooked  bool              // it calls a function held in a field (a dial hook) that may dial elsewhere
	sdkCall bool              // a method taking a *url.URL, it calls a request method of another package's client (see findRequesters)
	runs    bool              // go test runs it: all but examples without output
}

type checker struct {
	pass     *analysis.Pass
	root     inspector.Cursor
	vars     map[*types.Var]*testcode.VarWrites // see defs
	funcs    []*funcInfo
	byObj    map[*types.Func]*funcInfo
	facts    map[*types.Func]*dials // of the package's functions, and of imported ones once looked up
	swaps    map[*types.Func]bool
	imported map[*types.Func]bool // functions whose imported facts are in facts and swaps
	requests map[*types.Func]bool // of the package's methods and imported ones looked up: see requests

	slices         map[*types.Var][]ast.Expr // see sliceIndex
	writes         map[*types.Var][]varWrite // see writeIndex
	built          map[*types.Func]*builds   // of the package's functions
	importedBuilds map[*types.Func]*builds   // of imported functions looked up, nil for none
	passed         map[*types.Func]*passes   // of the package's functions
	importedPasses map[*types.Func]*passes   // of imported functions looked up, nil for none
}

func run(pass *analysis.Pass) (any, error) {
	// The generated main package of a test binary only calls the tests.
	if strings.HasSuffix(pass.Pkg.Path(), ".test") {
		return nil, nil
	}
	full := mayDial(pass)
	if !full && !slices.ContainsFunc(pass.Pkg.Imports(), func(p *types.Package) bool { return p.Path() == "net/url" }) {
		return nil, nil
	}
	root := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector).Root()
	c := &checker{
		pass:     pass,
		root:     root,
		byObj:    make(map[*types.Func]*funcInfo),
		facts:    make(map[*types.Func]*dials),
		swaps:    make(map[*types.Func]bool),
		imported: make(map[*types.Func]bool),
		requests: make(map[*types.Func]bool),

		built:          make(map[*types.Func]*builds),
		importedBuilds: make(map[*types.Func]*builds),
		passed:         make(map[*types.Func]*passes),
		importedPasses: make(map[*types.Func]*passes),
	}
	if !full {
		// A package that builds URLs but dials nothing (a helper
		// wrapping url.Parse) is summarized for its builds facts only,
		// which costs a look at its functions that return an address.
		c.gatherBuilders(root)
		c.summarize()
		c.exportFacts()
		return nil, nil
	}
	c.gather(root)
	c.findRequesters()
	c.summarize()
	c.exportFacts()
	if len(testcode.TestFiles(pass)) > 0 {
		c.report()
	}
	return nil, nil
}

// mayDial reports whether the package is or imports a package that dials,
// or one with functions that do.
func mayDial(pass *analysis.Pass) bool {
	return slices.Contains(dialingPackages, pass.Pkg.Path()) || sdkPackage(pass.Pkg.Path()) || testcode.Imports(pass.Pkg, dialingPackages...) ||
		slices.ContainsFunc(pass.Pkg.Imports(), func(imp *types.Package) bool {
			return sdkPackage(imp.Path()) || pass.ImportPackageFact(imp, new(hasDialers))
		})
}

// defs returns the writes of the package's variables, recorded on first
// need: only functions that dial, and their guards, look at variables, and
// many packages that import net or net/http dial nowhere.
func (c *checker) defs() map[*types.Var]*testcode.VarWrites {
	if c.vars == nil {
		c.vars = testcode.Writes(c.pass.TypesInfo, c.root)
	}
	return c.vars
}

// gather records, for each function declaration, the calls that may dial,
// whether it replaces the default transport, and the conditions that may
// guard it (judged by guard only for functions that dial).
func (c *checker) gather(root inspector.Cursor) {
	info := c.pass.TypesInfo
	for cur, obj := range testcode.FuncDecls(info, root) {
		decl := cur.Node().(*ast.FuncDecl)
		fi := &funcInfo{decl: decl, obj: obj, runs: c.runs(decl)}
		c.funcs = append(c.funcs, fi)
		c.byObj[obj] = fi
		addr := carriesAddress(obj.Signature())
		// Only such a method may be a requester: the calls of every
		// other function need not be asked whether they are SDK requests.
		urlMethod := obj.Signature().Recv() != nil && urlParam(obj) >= 0
		for n := range cur.Preorder((*ast.CallExpr)(nil), (*ast.AssignStmt)(nil), (*ast.IfStmt)(nil), (*ast.ReturnStmt)(nil)) {
			switch node := n.Node().(type) {
			case *ast.ReturnStmt:
				if f, ok := testcode.EnclosingFunc(n); addr && ok && f == cur && len(node.Results) > 0 {
					fi.returns = append(fi.returns, node)
				}
			case *ast.IfStmt:
				if returns(node.Body) {
					fi.guards = append(fi.guards, node.Cond)
				}
			case *ast.AssignStmt:
				if slices.ContainsFunc(node.Lhs, func(lhs ast.Expr) bool { return replacesDefault(info, lhs) }) {
					fi.swaps = true
				}
			case *ast.CallExpr:
				fn := testcode.Callee(info, node)
				if fn == nil && isFieldCall(info, node) {
					fi.hooked = true
				}
				if fn == nil || isMethodExpr(info, node) {
					continue
				}
				fn = fn.Origin()
				switch {
				case strings.EqualFold(fn.Name(), "MustHaveExternalNetwork"):
					fi.guarded = true
				case testcode.IsTestingMethod(fn, "Skip", "Skipf", "SkipNow"):
					fi.guards = append(fi.guards, skipConditions(n)...)
				}
				if urlMethod && isSDKRequest(fn, c.pass.Pkg) {
					fi.sdkCall = true
				}
				if _, ok := sinkOf(fn); ok || c.lookup(fn) || isDispatch(fn) {
					fi.sites = append(fi.sites, site{node, fn, n})
				}
				if fn.Pkg() == c.pass.Pkg {
					fi.callees = append(fi.callees, fn)
				}
			}
		}
	}
}

// gatherBuilders records the functions whose first result may be an
// address, with their return statements, and nothing else.
func (c *checker) gatherBuilders(root inspector.Cursor) {
	for cur := range root.Preorder((*ast.FuncDecl)(nil)) {
		decl := cur.Node().(*ast.FuncDecl)
		obj, ok := c.pass.TypesInfo.Defs[decl.Name].(*types.Func)
		if !ok || decl.Body == nil || !carriesAddress(obj.Signature()) {
			continue
		}
		fi := &funcInfo{decl: decl, obj: obj}
		for n := range cur.Preorder((*ast.ReturnStmt)(nil)) {
			if f, ok := testcode.EnclosingFunc(n); ok && f == cur && len(n.Node().(*ast.ReturnStmt).Results) > 0 {
				fi.returns = append(fi.returns, n.Node().(*ast.ReturnStmt))
			}
		}
		c.funcs = append(c.funcs, fi)
		c.byObj[obj] = fi
	}
}

// lookup reports whether fn may dial or replace the default transport:
// whether it belongs to the package (its facts are yet to be found) or
// carries facts of an imported package.
func (c *checker) lookup(fn *types.Func) bool {
	if fn.Pkg() == c.pass.Pkg {
		return true
	}
	if !c.imported[fn] {
		c.imported[fn] = true
		if d := new(dials); c.pass.ImportObjectFact(fn, d) {
			c.facts[fn] = d
		}
		c.swaps[fn] = c.pass.ImportObjectFact(fn, new(swapsTransport))
		c.requests[fn] = c.pass.ImportObjectFact(fn, new(requests))
	}
	return c.facts[fn] != nil || c.swaps[fn] || c.requests[fn]
}

func isMethodExpr(info *types.Info, call *ast.CallExpr) bool {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	s, ok := info.Selections[sel]
	return ok && s.Kind() == types.MethodExpr
}

// replacesDefault reports whether lhs is http.DefaultTransport,
// http.DefaultClient, or a field of or through http.DefaultClient.
func replacesDefault(info *types.Info, lhs ast.Expr) bool {
	for e := range testcode.Bases(lhs) {
		if isHTTPVar(info, e, "DefaultTransport", "DefaultClient") {
			return true
		}
	}
	return false
}

// returns reports whether block returns from the function it is in.
func returns(block *ast.BlockStmt) bool {
	found := false
	ast.Inspect(block, func(n ast.Node) bool {
		switch n.(type) {
		case *ast.ReturnStmt:
			found = true
		case *ast.FuncLit:
			return false
		}
		return !found
	})
	return found
}

// skipConditions returns the conditions of the if statements the t.Skip
// call at cur sits in: if one reads the environment, a command-line flag or
// testing.Short, the test runs only when someone asks for it.
func skipConditions(cur inspector.Cursor) []ast.Expr {
	call := cur.Node()
	var conds []ast.Expr
	for ifc := range cur.Enclosing((*ast.IfStmt)(nil)) {
		ifs := ifc.Node().(*ast.IfStmt)
		if call.Pos() >= ifs.Body.Pos() {
			conds = append(conds, ifs.Cond)
		}
	}
	return conds
}

// A setting is what a guard's condition reads.
type setting int

const (
	noSetting setting = iota
	// shortMode: testing.Short, which only go test -short sets: a test
	// that skips in short mode still dials in every plain go test run.
	shortMode
	// optIn: the environment, a command-line flag, or a function named
	// HasExternalNetwork: the test runs only when someone asks for it.
	optIn
)

// readsSetting tells what the condition cond of a guard reads: an opt-in
// outranks testing.Short.
func (c *checker) readsSetting(cond ast.Expr) setting {
	info := c.pass.TypesInfo
	settingOf := func(e ast.Expr) setting {
		call, ok := ast.Unparen(e).(*ast.CallExpr)
		if !ok {
			return noSetting
		}
		fn := testcode.Callee(info, call)
		if fn == nil || fn.Pkg() == nil {
			return noSetting
		}
		switch {
		case testcode.IsFunc(fn, "testing", "Short"):
			return shortMode
		case testcode.IsFunc(fn, "os", "Getenv", "LookupEnv") || fn.Pkg().Path() == "flag" || strings.EqualFold(fn.Name(), "HasExternalNetwork"):
			return optIn
		}
		return noSetting
	}
	found := noSetting
	ast.Inspect(cond, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			found = max(found, settingOf(n))
		case *ast.Ident:
			if v, ok := info.Uses[n].(*types.Var); ok {
				if d := c.defs()[v]; d != nil && d.Value != nil {
					found = max(found, settingOf(d.Value))
				}
			}
		}
		return found != optIn
	})
	return found
}

// runs reports whether go test runs decl: examples without an output
// comment are only compiled.
func (c *checker) runs(decl *ast.FuncDecl) bool {
	return testcode.KindOf(c.pass, decl) != testcode.Example || testcode.ExampleRuns(c.pass, decl)
}

// guarded reports whether fi, or a function of the package it calls, skips
// unless the external network is wanted.
func (c *checker) guarded(fi *funcInfo) bool {
	if c.guard(fi) {
		return true
	}
	for _, fn := range fi.callees {
		if callee := c.byObj[fn]; callee != nil && c.guard(callee) {
			return true
		}
	}
	return false
}

// guard reports whether fi itself skips unless the external network is
// wanted, judging its conditions on first need; on the way it notes
// whether a condition skips in short mode.
func (c *checker) guard(fi *funcInfo) bool {
	for len(fi.guards) > 0 && !fi.guarded {
		switch c.readsSetting(fi.guards[0]) {
		case optIn:
			fi.guarded = true
		case shortMode:
			fi.short = true
		}
		fi.guards = fi.guards[1:]
	}
	return fi.guarded
}

// skipsInShort reports whether fi, or a function of the package it calls,
// skips in -short mode; guarded must have judged them.
func (c *checker) skipsInShort(fi *funcInfo) bool {
	if fi.short {
		return true
	}
	for _, fn := range fi.callees {
		if callee := c.byObj[fn]; callee != nil && callee.short {
			return true
		}
	}
	return false
}

// maxRounds bounds the propagation of facts through the package's own
// wrappers; deeper chains of wrappers are not worth the time.
const maxRounds = 6

// maxTemplates bounds the addresses a fact records for one function.
const maxTemplates = 8

// summarize finds the package's functions that dial their parameters or
// replace the default transport, following calls among them.
func (c *checker) summarize() {
	for round, changed := 0, true; changed && round < maxRounds; round++ {
		changed = false
		for _, fi := range c.funcs {
			if len(fi.returns) > 0 {
				if returnsAddress(fi.obj.Signature()) {
					b := c.buildsOf(fi)
					if old := c.built[fi.obj]; (old == nil) != (b == nil) || (b != nil && (old.Complete != b.Complete || !slices.Equal(old.Parts, b.Parts))) {
						c.built[fi.obj] = b
						changed = true
					}
				}
				p := c.passesOf(fi)
				if old := c.passed[fi.obj]; (old == nil) != (p == nil) || (p != nil && !slices.Equal(old.Results, p.Results)) {
					c.passed[fi.obj] = p
					changed = true
				}
			}
			if !c.swaps[fi.obj] && (fi.swaps || slices.ContainsFunc(fi.sites, func(s site) bool { return c.swaps[s.fn] })) {
				c.swaps[fi.obj] = true
				changed = true
			}
			if len(fi.sites) == 0 || c.guarded(fi) {
				continue // no templates, old or new
			}
			templates := c.templates(fi)
			old := c.facts[fi.obj]
			if (old == nil && len(templates) > 0) || (old != nil && !slices.EqualFunc(old.Templates, templates, template.equal)) {
				c.facts[fi.obj] = &dials{Templates: templates}
				changed = true
			}
		}
	}
}

// paramsOf indexes the parameters of fn, and its receiver as recvParam.
func paramsOf(fn *types.Func) map[*types.Var]int {
	sig := fn.Signature()
	params := make(map[*types.Var]int)
	if recv := sig.Recv(); recv != nil {
		// A method's receiver is followed through the fields it
		// reads (a base URL); what else it holds (a client, a dial
		// hook) makes the client unknown, and the dial with it.
		params[recv] = recvParam
	}
	for i := range sig.Params().Len() {
		if !sig.Variadic() || i < sig.Params().Len()-1 {
			params[sig.Params().At(i)] = i
		}
	}
	return params
}

// returnsAddress reports whether the first result of sig may be an
// address: a string or a URL, alone or with an error.
func returnsAddress(sig *types.Signature) bool {
	res := sig.Results()
	if res.Len() == 0 || res.Len() > 2 {
		return false
	}
	if res.Len() == 2 && !types.Identical(res.At(1).Type(), types.Universe.Lookup("error").Type()) {
		return false
	}
	return carries(res.At(0).Type())
}

// buildsOf returns what every return statement of fi that gives an
// address gives, in terms of its parameters, or nil when they differ or
// nothing is known.
func (c *checker) buildsOf(fi *funcInfo) *builds {
	f := c.flow(paramsOf(fi.obj), false)
	var b *builds
	for _, ret := range fi.returns {
		e := ast.Unparen(ret.Results[0])
		if id, ok := e.(*ast.Ident); ok && id.Name == "nil" {
			continue
		}
		if tv := c.pass.TypesInfo.Types[e]; tv.Value != nil && constant.StringVal(tv.Value) == "" {
			continue
		}
		s := f.str(e)
		if len(s.parts) == 0 {
			return nil
		}
		if b == nil {
			b = &builds{Parts: s.parts, Complete: s.complete}
		} else if b.Complete != s.complete || !slices.Equal(b.Parts, s.parts) {
			return nil
		}
	}
	if b == nil || !mayBeAddress(b.Parts) {
		return nil
	}
	return b
}

// mayBeAddress reports whether parts may make an address: they start
// with a parameter or a field (an identity, a getter), or their known
// text starts like one ("https://...", "host:port"). Other strings a
// function builds (a String method's name, a quoted form) cost a fact
// each and name no host.
func mayBeAddress(parts []part) bool {
	if parts[0].Param >= 0 {
		return true
	}
	return strings.Contains(parts[0].Text, "://") || strings.Contains(parts[0].Text, ":")
}

// writeIndex returns the writes of the package's local variables,
// indexed on first need: only variables written more than once in
// functions being summarized look.
func (c *checker) writeIndex() map[*types.Var][]varWrite {
	if c.writes == nil {
		c.writes = writeIndex(c.pass.TypesInfo, c.root)
	}
	return c.writes
}

// sliceIndex returns the package's slices built by literals and appends,
// indexed on first need: only command lines passed with args... look.
func (c *checker) sliceIndex() map[*types.Var][]ast.Expr {
	if c.slices == nil {
		c.slices = sliceElems(c.pass.TypesInfo, c.root)
	}
	return c.slices
}

// buildsFact returns the builds fact of fn: of the package, as summarized
// so far, or imported.
func (c *checker) buildsFact(fn *types.Func) *builds {
	return funcFact(c.pass, fn, c.built, c.importedBuilds)
}

// funcFact returns the fact of fn: from own, the package's as summarized
// so far, or imported once and kept in imported (nil for none).
func funcFact[F any, PF interface {
	*F
	analysis.Fact
}](pass *analysis.Pass, fn *types.Func, own, imported map[*types.Func]PF) PF {
	fn = fn.Origin()
	if fn.Pkg() == pass.Pkg {
		return own[fn]
	}
	f, seen := imported[fn]
	if !seen {
		f = PF(new(F))
		if !pass.ImportObjectFact(fn, f) {
			f = nil
		}
		imported[fn] = f
	}
	return f
}

// isFieldCall reports whether call calls a function value held in a
// struct field, such as a Resolver's Dial hook.
func isFieldCall(info *types.Info, call *ast.CallExpr) bool {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return false
	}
	s, ok := info.Selections[sel]
	return ok && s.Kind() == types.FieldVal
}

// templates returns the addresses fi dials whose host its parameters
// decide. A function that calls a hook held in a field (r.Dial(ctx,
// network, addr) when set) may dial wherever the hook says: it carries
// no fact.
func (c *checker) templates(fi *funcInfo) []template {
	if fi.hooked {
		return nil
	}
	f := c.flow(paramsOf(fi.obj), false)
	var templates []template
	for _, s := range fi.sites {
		for _, d := range c.dialsAt(s, f) {
			if d.dispatch != nil {
				if len(templates) < maxTemplates && !slices.ContainsFunc(templates, d.dispatch.equal) {
					templates = append(templates, *d.dispatch)
				}
				continue
			}
			if d.client == unknownClient || !d.addr.hasParam() {
				continue
			}
			if prefix, _ := d.addr.prefix(); isSettled(d.kind, prefix) {
				continue // the function, not its caller, picks the host
			}
			t := template{Kind: d.kind, Parts: d.addr.parts, Complete: d.addr.complete, Client: d.client, ClientField: d.clientField, Network: d.network, Cmd: d.cmd}
			if len(templates) < maxTemplates && !slices.ContainsFunc(templates, t.equal) {
				templates = append(templates, t)
			}
		}
	}
	return templates
}

func isSettled(kind addrKind, prefix string) bool {
	_, ok := hostOf(kind, prefix, false)
	return ok
}

func (t template) equal(u template) bool {
	return t.Kind == u.Kind && t.Complete == u.Complete && t.Client == u.Client && t.ClientField == u.ClientField && t.Network == u.Network && t.Cmd == u.Cmd && slices.Equal(t.Parts, u.Parts) &&
		t.Method == u.Method && t.Holder == u.Holder && t.Elem == u.Elem && slices.EqualFunc(t.Args, u.Args, func(a, b argValue) bool {
		return a.Complete == b.Complete && slices.Equal(a.Parts, b.Parts)
	})
}

func (c *checker) flow(params map[*types.Var]int, pkgVars bool) *flow {
	return &flow{
		info:    c.pass.TypesInfo,
		vars:    c.defs(),
		params:  params,
		pkgVars: pkgVars,
		builds:  c.buildsFact,
		passes:  c.passesFact,
		slices:  c.sliceIndex,
		writes:  c.writeIndex,
		calls: func(call *ast.CallExpr) bool {
			fn := testcode.Callee(c.pass.TypesInfo, call)
			if fn == nil {
				return false
			}
			_, ok := sinkOf(fn)
			return ok || c.facts[fn.Origin()] != nil
		},
	}
}

// dialsAt returns the addresses the call at s dials, as far as f knows them.
func (c *checker) dialsAt(s site, f *flow) []dial {
	args := s.call.Args
	sk, ok := sinkOf(s.fn)
	if !ok && c.requests[s.fn] {
		sk, ok = requesterSink(s.fn), true
	}
	if ok {
		if sk.command {
			if sk.addr >= len(args) {
				return nil
			}
			words := args[sk.addr:]
			if s.call.Ellipsis.IsValid() {
				// exec.Command("git", args...) with args built in
				// the function by a literal and appends.
				elems, ok := f.elems(words[len(words)-1])
				if !ok {
					return nil
				}
				words = append(words[:len(words)-1:len(words)-1], elems...)
			}
			if len(words) == 0 {
				return nil
			}
			return commandDials(f, words)
		}
		if sk.sdk != nil {
			addr, ok := f.sdkDial(sk.sdk, s.fn, args)
			if !ok || (sk.sdk.lazy && !c.clientUsed(s.cur)) {
				return nil
			}
			return []dial{{kind: sk.kind, addr: addr, client: noClient, network: -1, cmd: sk.sdk.label}}
		}
		if sk.addr >= len(args) || (sk.kind == kindTarget && !plainGRPCOptions(c.pass.TypesInfo, s.call, args[sk.addr+1:])) {
			return nil
		}
		network, ok := f.network(args, sk.network)
		if !ok {
			return nil
		}
		d := dial{kind: sk.kind, client: sk.client, network: network}
		if sk.whole {
			if d.addr = f.str(args[sk.addr]); d.addr.hasParam() {
				return nil
			}
			return []dial{d}
		}
		if sk.request {
			d.addr = f.request(args[sk.addr])
		} else {
			d.addr = f.str(args[sk.addr])
		}
		if sk.client == receiverClient {
			d.client = unknownClient
			if sel, ok := ast.Unparen(s.call.Fun).(*ast.SelectorExpr); ok {
				d.client, d.clientField = f.clientOf(sel.X)
			}
		}
		return []dial{d}
	}
	if isDispatch(s.fn) {
		return c.dispatchDials(s, f)
	}
	fact := c.facts[s.fn]
	if fact == nil {
		return nil
	}
	var out []dial
	for _, t := range fact.Templates {
		if t.Method != "" {
			out = append(out, c.resolveDispatch(t, s.call, f, s.fn)...)
			continue
		}
		if d, ok := c.templateDial(t, args, receiver(s.call), f, s.fn); ok {
			out = append(out, d)
		}
	}
	return out
}

// templateDial returns what a call of via dials by the template t, given
// the call's arguments and receiver (nil for a function).
func (c *checker) templateDial(t template, args []ast.Expr, recv ast.Expr, f *flow, via *types.Func) (dial, bool) {
	network, ok := f.network(args, t.Network)
	if !ok {
		return dial{}, false
	}
	d := dial{kind: t.Kind, addr: f.substitute(t, args, recv), client: t.Client, network: network, via: via, cmd: t.Cmd}
	if t.Client >= 0 {
		d.client = unknownClient
		if holder := f.operand(t.Client, t.ClientField, args, recv); holder != nil {
			d.client, d.clientField = f.clientOf(holder)
		}
	}
	return d, true
}

// operand returns the expression a call gives a callee's parameter (or
// receiver, recvParam), or the field at path of it; nil when the call
// does not show it.
func (f *flow) operand(param int, path string, args []ast.Expr, recv ast.Expr) ast.Expr {
	var e ast.Expr
	switch {
	case param == recvParam:
		e = recv
	case param >= 0 && param < len(args):
		e = args[param]
	}
	if e != nil && path != "" {
		e = f.fieldOf(e, path)
	}
	return e
}

// substitute fills t's parameters with what f knows of the arguments and
// the receiver (nil for a function).
func (f *flow) substitute(t template, args []ast.Expr, recv ast.Expr) str {
	out := text("")
	for _, p := range t.Parts {
		if p.Param < 0 {
			out = out.concat(text(p.Text))
			continue
		}
		arg := f.operand(p.Param, p.Field, args, recv)
		switch {
		case arg == nil:
			out.complete = false
		case p.Request:
			out = out.concat(f.request(arg))
		case p.Derived:
			out = out.concat(derivedOf(f.str(arg)))
		default:
			out = out.concat(f.str(arg))
		}
	}
	out.complete = out.complete && t.Complete
	return out
}

// receiver returns the receiver expression of a method call, or nil.
func receiver(call *ast.CallExpr) ast.Expr {
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		return sel.X
	}
	return nil
}

// network returns the parameter that names the network of a net.Dial-like
// call (or -1), and false when the network is a Unix socket's.
func (f *flow) network(args []ast.Expr, index int) (int, bool) {
	if index < 0 || index >= len(args) {
		return -1, true
	}
	s := f.str(args[index])
	if name, complete := s.prefix(); complete && strings.HasPrefix(name, "unix") {
		return -1, false
	}
	if len(s.parts) == 1 && s.parts[0].Param >= 0 {
		return s.parts[0].Param, true
	}
	return -1, true
}

// plainGRPCOptions reports whether the dial options of a gRPC call are all
// visible and none of them routes the connection elsewhere (a custom dialer
// such as bufconn's, or custom resolvers).
func plainGRPCOptions(info *types.Info, call *ast.CallExpr, opts []ast.Expr) bool {
	if call.Ellipsis.IsValid() {
		return false
	}
	for _, opt := range opts {
		call, ok := ast.Unparen(opt).(*ast.CallExpr)
		if !ok {
			return false
		}
		fn := testcode.Callee(info, call)
		if fn == nil || fn.Pkg() == nil {
			return false
		}
		if path := fn.Pkg().Path(); path != grpcPath && !strings.HasPrefix(path, grpcPath+"/") {
			return false
		}
		switch fn.Name() {
		case "WithContextDialer", "WithDialer", "WithResolvers":
			return false
		}
	}
	return true
}

func (c *checker) exportFacts() {
	exported := false
	for _, fi := range c.funcs {
		if b := c.built[fi.obj]; b != nil {
			c.pass.ExportObjectFact(fi.obj, b)
			exported = true
		}
		if p := c.passed[fi.obj]; p != nil {
			c.pass.ExportObjectFact(fi.obj, p)
			exported = true
		}
		if d := c.facts[fi.obj]; d != nil && len(d.Templates) > 0 {
			c.pass.ExportObjectFact(fi.obj, d)
			exported = true
		}
		if c.swaps[fi.obj] {
			c.pass.ExportObjectFact(fi.obj, new(swapsTransport))
			exported = true
		}
		if c.requests[fi.obj] {
			c.pass.ExportObjectFact(fi.obj, new(requests))
			exported = true
		}
	}
	if exported {
		c.pass.ExportPackageFact(new(hasDialers))
	}
}

// report flags the calls in test files that dial an external host.
func (c *checker) report() {
	swapped := false
	for _, fi := range c.funcs {
		if testcode.InTestFile(c.pass, fi.decl.Pos()) && c.swaps[fi.obj] {
			swapped = true
		}
	}
	var f *flow
	for _, fi := range c.funcs {
		if len(fi.sites) == 0 || !testcode.InTestFile(c.pass, fi.decl.Pos()) || !fi.runs || c.guarded(fi) {
			continue
		}
		if f == nil {
			f = c.flow(nil, true)
		}
		for _, s := range fi.sites {
			// One report a call: a function may dial its address
			// more than one way (git ls-remote, then git clone).
			for _, d := range c.dialsAt(s, f) {
				if d.dispatch != nil || d.client == unknownClient || (d.client == defaultClient && swapped) {
					continue
				}
				text, complete := d.addr.prefix()
				host, ok := hostOf(d.kind, text, complete)
				if !ok || !isExternal(host) || allowHosts.match(host) {
					continue
				}
				msg := c.message(d, host)
				if c.skipsInShort(fi) {
					msg += "; it runs unless -short (testing.Short is no opt-in): guard it with an environment variable or flag"
				}
				c.pass.Reportf(s.call.Pos(), "%s", msg)
				break
			}
		}
	}
}

func (c *checker) message(d dial, host string) string {
	via := ""
	if d.via != nil {
		via = " via " + c.name(d.via)
	}
	switch d.kind {
	case kindDSN:
		if d.cmd != "" {
			return fmt.Sprintf("test connects to external %s host %s%s; use a local test database", d.cmd, host, via)
		}
		return fmt.Sprintf("test opens a database on external host %s%s; use an in-memory or a local test database", host, via)
	case kindHostPort:
		return fmt.Sprintf("test dials external host %s%s; listen on 127.0.0.1:0 or use net.Pipe", host, via)
	case kindTarget:
		return fmt.Sprintf("test dials external gRPC host %s%s; serve it in-process with bufconn or on 127.0.0.1:0", host, via)
	case kindHost, kindServerURL, kindAzureConn, kindAWSRegion:
		return fmt.Sprintf("test connects to external %s host %s%s; run the service on localhost (a container) or use a fake", d.cmd, host, via)
	case kindRemote:
		if strings.HasPrefix(d.cmd, "git ") {
			return fmt.Sprintf("test runs %s against external host %s%s; use a repository made in t.TempDir (git init) or a fake", d.cmd, host, via)
		}
		return fmt.Sprintf("test runs %s against external host %s%s; serve it from httptest.NewServer or a fake", d.cmd, host, via)
	}
	return fmt.Sprintf("test dials external host %s%s; serve it from httptest.NewServer or a fake transport", host, via)
}

// name returns fn's name as the calling package spells it.
func (c *checker) name(fn *types.Func) string {
	name := fn.Name()
	if recv := fn.Type().(*types.Signature).Recv(); recv != nil {
		t := recv.Type()
		if ptr, ok := t.(*types.Pointer); ok {
			t = ptr.Elem()
		}
		if named, ok := t.(*types.Named); ok {
			name = named.Obj().Name() + "." + name
		}
	}
	if fn.Pkg() != c.pass.Pkg {
		name = fn.Pkg().Name() + "." + name
	}
	return name
}

// networkCommands are the programs that reach the network by themselves,
// and for version-control tools, the subcommands that do.
var networkCommands = map[string][]string{
	"git":   {"clone", "fetch", "pull", "push", "ls-remote", "archive"},
	"hg":    {"clone", "pull", "push", "incoming", "outgoing"},
	"svn":   {"checkout", "co", "export", "ls", "list", "cat"},
	"curl":  nil,
	"wget":  nil,
	"ssh":   nil,
	"scp":   nil,
	"sftp":  nil,
	"rsync": nil,
}

// commandDials returns the remotes that the command line args (program
// first) reaches: git clone https://..., curl URL, ssh user@host, scp
// host:path, also as a shell's -c script.
func commandDials(f *flow, args []ast.Expr) []dial {
	words := make([]str, len(args))
	for i, a := range args {
		words[i] = f.str(a)
	}
	if name, complete := words[0].prefix(); complete && (path.Base(name) == "sh" || path.Base(name) == "bash") && len(words) == 3 {
		if flag, _ := words[1].prefix(); flag == "-c" {
			script, complete := words[2].prefix()
			if !complete {
				return nil
			}
			words = words[:0]
			for _, w := range strings.Fields(script) {
				words = append(words, text(strings.Trim(w, `'"`)))
			}
			if len(words) == 0 {
				return nil
			}
		}
	}
	name, complete := words[0].prefix()
	name = path.Base(name)
	subs, ok := networkCommands[name]
	if !complete || !ok {
		return nil
	}
	cmd := name
	rest := words[1:]
	if subs != nil {
		found := false
		for i := 0; i < len(rest); i++ {
			sub, complete := rest[i].prefix()
			if sub == "-C" || sub == "-c" {
				i++ // git -C dir, git -c key=value
				continue
			}
			if !complete || strings.HasPrefix(sub, "-") {
				continue
			}
			if !slices.Contains(subs, sub) {
				return nil
			}
			cmd, rest, found = name+" "+sub, rest[i+1:], true
			break
		}
		if !found {
			return nil
		}
	}
	var out []dial
	for _, w := range rest {
		if known, _ := w.prefix(); strings.HasPrefix(known, "-") {
			continue
		}
		out = append(out, dial{kind: kindRemote, addr: w, client: noClient, network: -1, cmd: cmd})
	}
	return out
}

// requestVerbs name the methods of HTTP client libraries that send a
// request to the URL they are given: client.R().Get(url), c.Do(method,
// url), fetcher.Download(url); the last three also start names
// (getter.GetFile(dst, u)).
var requestVerbs = []string{"Head", "Post", "Put", "Patch", "Delete", "Options", "Execute", "Get", "Download", "Fetch"}

func isRequestVerb(name string) bool {
	for _, v := range requestVerbs {
		rest, ok := strings.CutPrefix(name, v)
		if ok && (rest == "" || (v == "Get" || v == "Download" || v == "Fetch") && rest == "File") {
			return true
		}
	}
	return false
}

// requestMethod reports whether fn is a method of an HTTP client library
// outside the standard library that sends a request to a URL argument,
// and which argument: a request verb of a type whose package imports
// net/http, taking the URL as a *url.URL, a string named for a URL, or
// its only string parameter. Its body is out of reach (middleware,
// fields, function values between the URL and the dial), so only a whole
// URL written in the test counts.
func requestMethod(fn *types.Func) (int, bool) {
	sig := fn.Signature()
	if sig.Recv() == nil || fn.Pkg() == nil || types.IsInterface(sig.Recv().Type()) || !isRequestVerb(fn.Name()) {
		return 0, false
	}
	if testcode.IsStd(fn.Pkg().Path()) {
		return 0, false
	}
	if !testcode.Imports(fn.Pkg(), "net/http") {
		return 0, false
	}
	if i := urlParam(fn); i >= 0 {
		return i, true
	}
	index, strs := -1, 0
	for i := range sig.Params().Len() {
		p := sig.Params().At(i)
		if !isString(p.Type()) {
			continue
		}
		strs++
		if name := strings.ToLower(p.Name()); strings.Contains(name, "url") || strings.Contains(name, "uri") || name == "u" || name == "endpoint" {
			return i, true
		}
		index = i
	}
	return index, strs == 1
}
