package testcode

import (
	"go/ast"
	"go/token"
	"go/types"
	"go/version"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/inspector"
	"golang.org/x/tools/go/types/typeutil"
)

// IsTestFile reports whether f is a _test.go file.
func IsTestFile(pass *analysis.Pass, f *ast.File) bool {
	return strings.HasSuffix(pass.Fset.File(f.FileStart).Name(), "_test.go")
}

// InTestFile reports whether pos lies in a _test.go file.
func InTestFile(pass *analysis.Pass, pos token.Pos) bool {
	tf := pass.Fset.File(pos)
	return tf != nil && strings.HasSuffix(tf.Name(), "_test.go")
}

// TestFiles returns the package's _test.go files.
func TestFiles(pass *analysis.Pass) []*ast.File {
	var files []*ast.File
	for _, f := range pass.Files {
		if IsTestFile(pass, f) {
			files = append(files, f)
		}
	}
	return files
}

// FileOf returns the file of pass that contains pos, or nil.
func FileOf(pass *analysis.Pass, pos token.Pos) *ast.File {
	for _, f := range pass.Files {
		if f.FileStart <= pos && pos <= f.FileEnd {
			return f
		}
	}
	return nil
}

// IsTestingType reports whether t is *testing.T, *testing.B, *testing.F or
// testing.TB: the types through which a test reports and cleans up.
func IsTestingType(t types.Type) bool {
	if ptr, ok := types.Unalias(t).(*types.Pointer); ok {
		return isNamed(ptr.Elem(), "testing", "T", "B", "F")
	}
	return isNamed(t, "testing", "TB")
}

func isNamed(t types.Type, pkgPath string, names ...string) bool {
	named, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return false
	}
	obj := named.Obj()
	if obj.Pkg() == nil || obj.Pkg().Path() != pkgPath {
		return false
	}
	for _, n := range names {
		if obj.Name() == n {
			return true
		}
	}
	return false
}

// IsNamedType reports whether t, or what t points to, is the named type
// pkgPath.name.
func IsNamedType(t types.Type, pkgPath, name string) bool {
	if ptr, ok := types.Unalias(t).(*types.Pointer); ok {
		t = ptr.Elem()
	}
	return isNamed(t, pkgPath, name)
}

// TestingParam returns the first parameter of ftype whose type is one of
// the testing types (see IsTestingType), or nil.
func TestingParam(info *types.Info, ftype *ast.FuncType) *types.Var {
	if ftype.Params == nil {
		return nil
	}
	for _, field := range ftype.Params.List {
		for _, name := range field.Names {
			if v, ok := info.Defs[name].(*types.Var); ok && IsTestingType(v.Type()) {
				return v
			}
		}
	}
	return nil
}

// hasTestPrefix mirrors go test's rule: the name is the prefix alone or the
// prefix followed by a character that is not a lower-case letter.
func hasTestPrefix(name, prefix string) bool {
	if !strings.HasPrefix(name, prefix) {
		return false
	}
	if len(name) == len(prefix) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(name[len(prefix):])
	return !unicode.IsLower(r)
}

// Callee returns the function or method a call statically invokes, or nil
// for calls of function values, conversions and builtins.
func Callee(info *types.Info, call *ast.CallExpr) *types.Func {
	fn, _ := typeutil.Callee(info, call).(*types.Func)
	return fn
}

// IsFunc reports whether fn is the package-level function pkgPath.name
// (one of names).
func IsFunc(fn *types.Func, pkgPath string, names ...string) bool {
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != pkgPath {
		return false
	}
	if fn.Type().(*types.Signature).Recv() != nil {
		return false
	}
	for _, n := range names {
		if fn.Name() == n {
			return true
		}
	}
	return false
}

// IsMethod reports whether fn is a method named one of names whose receiver's
// base type is pkgPath.typeName.
func IsMethod(fn *types.Func, pkgPath, typeName string, names ...string) bool {
	if fn == nil {
		return false
	}
	recv := fn.Type().(*types.Signature).Recv()
	if recv == nil || !IsNamedType(recv.Type(), pkgPath, typeName) {
		return false
	}
	for _, n := range names {
		if fn.Name() == n {
			return true
		}
	}
	return false
}

// IsTestingMethod reports whether fn is a method of testing.T, B, F, TB or
// the common type behind them, named one of names.
func IsTestingMethod(fn *types.Func, names ...string) bool {
	if fn == nil || fn.Pkg() == nil || fn.Pkg().Path() != "testing" {
		return false
	}
	if fn.Type().(*types.Signature).Recv() == nil {
		return false
	}
	for _, n := range names {
		if fn.Name() == n {
			return true
		}
	}
	return false
}

// GoVersionAtLeast reports whether the Go version in force for file is at
// least v (such as "go1.24"). An unknown version counts as new enough, as
// it does for the go command's own vet checks.
func GoVersionAtLeast(pass *analysis.Pass, file *ast.File, v string) bool {
	fileVersion := ""
	if file != nil && pass.TypesInfo.FileVersions != nil {
		fileVersion = pass.TypesInfo.FileVersions[file]
	}
	if fileVersion == "" && pass.Pkg != nil {
		fileVersion = pass.Pkg.GoVersion()
	}
	return fileVersion == "" || version.Compare(fileVersion, v) >= 0
}

// EnclosingFunc returns the cursor of the innermost function declaration or
// literal around cur, and whether there is one.
func EnclosingFunc(cur inspector.Cursor) (inspector.Cursor, bool) {
	for c := range cur.Parent().Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		return c, true
	}
	return inspector.Cursor{}, false
}

// funcLitCall returns the call that a function literal is passed to as an
// argument, if any.
func funcLitCall(lit inspector.Cursor) (*ast.CallExpr, bool) {
	call, ok := lit.Parent().Node().(*ast.CallExpr)
	if !ok || call.Fun == lit.Node() {
		return nil, false
	}
	return call, true
}

// InSynctestBubble reports whether cur is inside a function literal passed
// to testing/synctest.Test (or the older synctest.Run), where time is fake.
func InSynctestBubble(info *types.Info, cur inspector.Cursor) bool {
	for lit := range cur.Enclosing((*ast.FuncLit)(nil)) {
		if call, ok := funcLitCall(lit); ok && IsFunc(Callee(info, call), "testing/synctest", "Test", "Run") {
			return true
		}
	}
	return false
}

// InGoroutine reports whether cur runs on a goroutine other than the one
// executing the enclosing test: inside a function literal started with a go
// statement or handed to a WaitGroup's or errgroup's Go method.
func InGoroutine(info *types.Info, cur inspector.Cursor) bool {
	for lit := range cur.Enclosing((*ast.FuncLit)(nil)) {
		parent := lit.Parent()
		if call, ok := parent.Node().(*ast.CallExpr); ok {
			if call.Fun == lit.Node() {
				if _, isGo := parent.Parent().Node().(*ast.GoStmt); isGo {
					return true
				}
				continue
			}
			if fn := Callee(info, call); fn != nil && fn.Name() == "Go" && fn.Type().(*types.Signature).Recv() != nil {
				return true
			}
		}
	}
	return false
}

// InCleanup reports whether cur runs at the end of its function: inside a
// defer statement or a function literal passed to t.Cleanup.
func InCleanup(info *types.Info, cur inspector.Cursor) bool {
	for c := range cur.Enclosing((*ast.DeferStmt)(nil), (*ast.FuncLit)(nil)) {
		switch c.Node().(type) {
		case *ast.DeferStmt:
			return true
		case *ast.FuncLit:
			if call, ok := funcLitCall(c); ok && IsTestingMethod(Callee(info, call), "Cleanup") {
				return true
			}
		}
	}
	return false
}

// InHTTPHandler reports whether cur is inside an HTTP handler: a function
// with the signature func(http.ResponseWriter, *http.Request), such as a
// ServeHTTP method or a literal handed to httptest.NewServer.
func InHTTPHandler(info *types.Info, cur inspector.Cursor) bool {
	for c := range cur.Enclosing((*ast.FuncDecl)(nil), (*ast.FuncLit)(nil)) {
		var sig *types.Signature
		switch n := c.Node().(type) {
		case *ast.FuncDecl:
			if fn, ok := info.Defs[n.Name].(*types.Func); ok {
				sig = fn.Signature()
			}
		case *ast.FuncLit:
			sig, _ = info.TypeOf(n).(*types.Signature)
		}
		if isHandlerSignature(sig) {
			return true
		}
	}
	return false
}

func isHandlerSignature(sig *types.Signature) bool {
	if sig == nil || sig.Params().Len() != 2 {
		return false
	}
	return isNamed(sig.Params().At(0).Type(), "net/http", "ResponseWriter") &&
		IsNamedType(sig.Params().At(1).Type(), "net/http", "Request")
}

// Referenced returns the object that e, a name or a qualified name
// (pkg.Name, x.Field, x.Method) in parentheses or not, refers to, or nil.
func Referenced(info *types.Info, e ast.Expr) types.Object {
	switch x := ast.Unparen(e).(type) {
	case *ast.Ident:
		return info.Uses[x]
	case *ast.SelectorExpr:
		return info.Uses[x.Sel]
	}
	return nil
}
