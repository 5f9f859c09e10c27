package secret

import (
	_ "embed"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/passes/inspect"
	"golang.org/x/tools/go/ast/edge"
	"golang.org/x/tools/go/ast/inspector"

	"github.com/testgate/testgate/analyzers/internal/credential"
	"github.com/testgate/testgate/analyzers/internal/testcode"
)

//go:embed doc.go
var doc string

// Analyzer is the secret analyzer.
var Analyzer = &analysis.Analyzer{
	Name:     "secret",
	Doc:      testcode.MustExtractDoc(doc, "secret"),
	URL:      "https://pkg.go.dev/github.com/testgate/testgate/analyzers/secret",
	Requires: []*analysis.Analyzer{inspect.Analyzer},
	Run:      testcode.WithIgnores(run),
}

// fake matches the values a team knows to be fake, such as the shapes its
// fixtures generator produces: -secret.fake='^sk_test_' or 'FAKE'.
var fake regexpFlag

func init() {
	Analyzer.Flags.Var(&fake, "fake", "regular expression matching values known to be fake; a finding whose secret it matches is not reported")
}

// regexpFlag is a regular expression set from a flag; unset, it matches
// nothing.
type regexpFlag struct{ re *regexp.Regexp }

func (f *regexpFlag) String() string {
	if f == nil || f.re == nil {
		return ""
	}
	return f.re.String()
}

func (f *regexpFlag) Set(value string) error {
	if value == "" {
		f.re = nil
		return nil
	}
	re, err := regexp.Compile(value)
	if err != nil {
		return err
	}
	f.re = re
	return nil
}

func (f *regexpFlag) match(s string) bool { return f.re != nil && f.re.MatchString(s) }

// minLiteralLen is the shortest quoted literal worth judging: a
// name-keyed secret has at least credential.MinRandomLen characters, a
// format match more.
const minLiteralLen = credential.MinRandomLen + len(`""`)

func run(pass *analysis.Pass) (any, error) {
	insp := pass.ResultOf[inspect.Analyzer].(*inspector.Inspector)
	// A package that decodes hex has hex strings that are byte test
	// vectors rather than API keys.
	c := &checker{info: pass.TypesInfo, hexVectors: testcode.Imports(pass.Pkg, "encoding/hex")}
	for fileCur := range insp.Root().Children() {
		if !testcode.IsTestFile(pass, fileCur.Node().(*ast.File)) {
			continue
		}
		c.testFiles = append(c.testFiles, fileCur)
	}
	for _, fileCur := range c.testFiles {
		for cur := range fileCur.Preorder((*ast.BasicLit)(nil), (*ast.BinaryExpr)(nil)) {
			value, ok := stringValue(c.info, cur)
			if !ok {
				continue
			}
			if f, ok := c.check(cur, value); ok && !fake.match(f.Secret) {
				pos := cur.Node().Pos()
				if f.Offset > 0 {
					pos = positionIn(c.info, cur.Node().(ast.Expr), f.Offset)
				}
				pass.Report(analysis.Diagnostic{
					Pos:     pos,
					End:     cur.Node().End(),
					Message: "hardcoded " + f.Kind + credential.Redact(f.Secret) + " in test; " + f.Advice,
				})
			}
		}
	}
	return nil, nil
}

type checker struct {
	info       *types.Info
	testFiles  []inspector.Cursor
	hexVectors bool                             // the package decodes hex: hex strings are byte vectors
	calls      map[types.Object][]*ast.CallExpr // by callee, built on first use
}

// stringValue returns the value of the string literal or constant string
// concatenation at cur. A literal inside a concatenation is judged as
// part of the whole, so that a PEM block or token written over several
// lines is seen at once.
func stringValue(info *types.Info, cur inspector.Cursor) (string, bool) {
	switch n := cur.Node().(type) {
	case *ast.BasicLit:
		if n.Kind != token.STRING || len(n.Value) < minLiteralLen || inConcat(info, cur) {
			return "", false
		}
		if k := cur.ParentEdgeKind(); k == edge.ImportSpec_Path || k == edge.Field_Tag {
			return "", false
		}
		s, err := strconv.Unquote(n.Value)
		return s, err == nil
	case *ast.BinaryExpr:
		if !isConcat(info, n) || inConcat(info, cur) {
			return "", false
		}
		return testcode.ConstString(info, n)
	}
	return "", false
}

func isConcat(info *types.Info, n ast.Node) bool {
	bin, ok := n.(*ast.BinaryExpr)
	if !ok || bin.Op != token.ADD {
		return false
	}
	tv := info.Types[bin]
	return tv.Value != nil && tv.Value.Kind() == constant.String
}

func inConcat(info *types.Info, cur inspector.Cursor) bool {
	parent := cur.Parent()
	for {
		if _, ok := parent.Node().(*ast.ParenExpr); !ok {
			break
		}
		parent = parent.Parent()
	}
	return isConcat(info, parent.Node())
}

// check judges the string value at cur. Complete private keys and signed
// JWTs need no name, and no name excuses them. Names that mark a value
// fake silence the other rules for the value itself; a provider format or
// a password in a URL needs no name; any other value must be held by a
// credential's name, look random, not be one of a set of test inputs, and
// not be handed out by a fake server. A credential keyed by its own name
// inside the text (JSON, YAML, an env file, a query string) is judged
// whatever holds the text: the holder's name speaks of the text.
func (c *checker) check(cur inspector.Cursor, value string) (credential.Finding, bool) {
	h := holderOf(c.info, cur)
	key, isKey := credential.ScanKeys(value)
	if isKey && key.Kind != credential.JWTKind {
		return key, true
	}
	r, kind := h.role()
	if r != credential.FakeRole {
		// A provider's key (a NATS seed) goes before a token it signed.
		if f, ok := credential.ScanFormats(value); ok {
			return f, true
		}
	}
	if isKey && !c.isTestInput(h) {
		return key, true
	}
	if r == credential.SecretRole {
		if k, ok := credential.ProviderPrefix(value); ok {
			// The provider's prefix says what the value is, in a
			// table of several tokens as much as alone.
			return credential.Finding{Kind: k, Secret: value, Advice: credential.AdviceDefault}, true
		}
		// A fake server's tokens are made up: it is the test that
		// issues them.
		if secret, ok := credential.JudgeNamed(kind, value, c.hexVectors); ok && (credential.APIKeyHex(kind, value) || !c.isTestInput(h)) && !testcode.InHTTPHandler(c.info, cur) {
			return credential.Finding{Kind: credential.RefineKind(kind, secret), Secret: secret, Advice: credential.AdviceDefault}, true
		}
	}
	// tokenURL, secretARN, wantToken: the value is about a credential,
	// and so is the credential's name inside it.
	if r == credential.AboutRole || !credential.MayHoldAssignments(value) {
		return credential.Finding{}, false
	}
	return credential.ScanAssignments(value, c.hexVectors)
}

// positionIn returns the position of byte offset of the value of the
// string literal or constant concatenation e, on the right line: a raw
// string spans lines as written, an interpreted one sits on one line.
func positionIn(info *types.Info, e ast.Expr, offset int) token.Pos {
	var pos token.Pos
	var walk func(e ast.Expr) bool
	walk = func(e ast.Expr) bool {
		switch e := ast.Unparen(e).(type) {
		case *ast.BinaryExpr:
			return walk(e.X) && walk(e.Y)
		case *ast.BasicLit:
			s, err := strconv.Unquote(e.Value)
			if err != nil {
				return false
			}
			if offset >= len(s) {
				offset -= len(s)
				return true
			}
			pos = e.Pos()
			if e.Value[0] == '`' && !strings.Contains(e.Value, "\r") {
				pos += token.Pos(1 + offset)
			}
			return false
		default: // a named constant: its text is elsewhere
			if tv := info.Types[e]; tv.Value != nil {
				if s := constant.StringVal(tv.Value); offset >= len(s) {
					offset -= len(s)
					return true
				}
			}
			pos = e.Pos()
			return false
		}
	}
	walk(e)
	if !pos.IsValid() {
		return e.Pos()
	}
	return pos
}

// A holder is what a value is stored in or passed as.
type holder struct {
	// names may declare the value a credential: the variable, field, map
	// key, header or environment variable, or the parameter it is
	// passed as.
	names []string
	// markers may only mark it fake: the called function.
	markers []string
	set     inputSet
}

func (h holder) role() (r credential.Role, kind string) {
	for _, name := range slices.Concat(h.names, h.markers) {
		if cr, _ := credential.Classify(name); cr == credential.FakeRole {
			return credential.FakeRole, ""
		}
	}
	r = credential.NotSecret
	for _, name := range h.names {
		switch cr, k := credential.Classify(name); cr {
		case credential.SecretRole:
			return credential.SecretRole, k
		case credential.AboutRole:
			r = credential.AboutRole
		}
	}
	return r, ""
}

// holderOf finds what the value at cur is assigned to, keyed by or passed
// as, looking through parentheses, conversions ([]byte("...")), pointer
// helpers (aws.String, ptr.To) and the slices that hold it.
func holderOf(info *types.Info, cur inspector.Cursor) holder {
	for node := cur; ; node = node.Parent() {
		kind, index := node.ParentEdge()
		switch p := node.Parent().Node().(type) {
		case *ast.ParenExpr:
			continue
		case *ast.CallExpr:
			if kind != edge.CallExpr_Args {
				return holder{}
			}
			if isConversion(info, p) || isPointerHelper(info, p) {
				continue
			}
			return callHolder(info, p, index)
		case *ast.KeyValueExpr:
			if kind != edge.KeyValueExpr_Value {
				return holder{}
			}
			h := named(keyName(info, p.Key))
			if len(h.names) > 0 {
				h.set = inputSet{table: tableOf(node.Parent().Parent()), field: h.names[0]}
			}
			return h
		case *ast.CompositeLit:
			if field := positionalField(info, p, index); field != "" {
				h := named(field)
				h.set = inputSet{table: tableOf(node.Parent()), field: field}
				return h
			}
			continue
		case *ast.AssignStmt:
			if kind != edge.AssignStmt_Rhs || len(p.Lhs) != len(p.Rhs) {
				return holder{}
			}
			return named(exprName(info, p.Lhs[index]))
		case *ast.ValueSpec:
			if kind != edge.ValueSpec_Values || index >= len(p.Names) {
				return holder{}
			}
			return named(p.Names[index].Name)
		case *ast.BinaryExpr:
			// creds.SecretAccessKey != "zuf+…": the compared field
			// names the value.
			if p.Op != token.EQL && p.Op != token.NEQ {
				return holder{}
			}
			other := p.X
			if kind == edge.BinaryExpr_X {
				other = p.Y
			}
			return named(exprName(info, other))
		default:
			return holder{}
		}
	}
}

func named(name string) holder {
	if name == "" {
		return holder{}
	}
	return holder{names: []string{name}}
}

// callHolder names argument index of call: by the constant string before
// it, as in os.Setenv("API_TOKEN", v), header.Set("Authorization", v) and
// url.Values.Set("api_key", v); by the parameter it is passed as, as in
// req.SetBasicAuth(user, password); and, for marking only, by the
// function called.
func callHolder(info *types.Info, call *ast.CallExpr, index int) holder {
	h := holder{set: inputSet{callee: calleeObject(info, call), arg: index}}
	if index > 0 {
		if key, ok := testcode.ConstString(info, call.Args[index-1]); ok && len(key) <= 64 && !strings.ContainsAny(key, " \t\n") {
			h.names = append(h.names, key)
			h.set.key, h.set.keyed = key, true
		}
	}
	if sig, ok := types.Unalias(info.TypeOf(call.Fun)).(*types.Signature); ok && sig.Params().Len() > 0 {
		i := min(index, sig.Params().Len()-1)
		if index < sig.Params().Len() || sig.Variadic() {
			h.names = append(h.names, sig.Params().At(i).Name())
		}
	}
	if fn := testcode.Callee(info, call); fn != nil {
		h.markers = append(h.markers, fn.Name())
	}
	return h
}

func isConversion(info *types.Info, call *ast.CallExpr) bool {
	tv, ok := info.Types[call.Fun]
	return ok && tv.IsType()
}

// isPointerHelper reports whether call is a one-argument function that
// returns a pointer to a string, such as aws.String or ptr.To[string].
func isPointerHelper(info *types.Info, call *ast.CallExpr) bool {
	if len(call.Args) != 1 {
		return false
	}
	ptr, ok := types.Unalias(info.TypeOf(call)).(*types.Pointer)
	if !ok {
		return false
	}
	basic, ok := ptr.Elem().Underlying().(*types.Basic)
	return ok && basic.Info()&types.IsString != 0
}

// positionalField returns the struct field that element index of an
// unkeyed struct literal sets, or "".
func positionalField(info *types.Info, lit *ast.CompositeLit, index int) string {
	t := info.TypeOf(lit)
	if t == nil {
		return ""
	}
	if ptr, ok := t.Underlying().(*types.Pointer); ok {
		t = ptr.Elem()
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok || index >= st.NumFields() {
		return ""
	}
	return st.Field(index).Name()
}

// keyName names a composite literal key: a struct field, or a map key
// that is a constant string.
func keyName(info *types.Info, key ast.Expr) string {
	if id, ok := key.(*ast.Ident); ok {
		if _, isConst := info.ObjectOf(id).(*types.Const); !isConst {
			return id.Name
		}
	}
	s, _ := testcode.ConstString(info, key)
	return s
}

// exprName names the target of an assignment: x, a.b.x, m["x"], *x.
func exprName(info *types.Info, e ast.Expr) string {
	switch e := e.(type) {
	case *ast.Ident:
		return e.Name
	case *ast.SelectorExpr:
		return e.Sel.Name
	case *ast.IndexExpr:
		s, _ := testcode.ConstString(info, e.Index)
		return s
	case *ast.StarExpr:
		return exprName(info, e.X)
	case *ast.ParenExpr:
		return exprName(info, e.X)
	}
	return ""
}
