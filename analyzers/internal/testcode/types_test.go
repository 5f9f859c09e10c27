package testcode

import (
	"go/ast"
	"go/types"
	"testing"

	"golang.org/x/tools/go/analysis"
)

// typesSnippet declares a variable of each type the type predicates are
// asked about, with the look-alikes they must tell apart.
const typesSnippet = `package p

import (
	"net/http"
	"testing"
)

type alias = *testing.T

type ownT testing.T

type Request struct{}

var (
	t      *testing.T
	b      *testing.B
	f      *testing.F
	tb     testing.TB
	m      *testing.M
	valueT testing.T
	ptrTB  *testing.TB
	ptrPtr **testing.T
	aliasT alias
	own    *ownT
	req    *http.Request
	reqVal http.Request
	client *http.Client
	local  *Request
	err    error
	n      int
)
`

// varType returns the type of the package-level variable name.
func varType(t *testing.T, scope *types.Scope, name string) types.Type {
	t.Helper()
	obj := scope.Lookup(name)
	if obj == nil {
		t.Fatalf("no variable %s in the snippet", name)
	}
	return obj.Type()
}

func TestIsTestingTypeAcceptsTheTypesATestReportsThrough(t *testing.T) {
	pass := checkSnippet(t, "", map[string]string{"p.go": typesSnippet}, nil)
	tests := []struct {
		variable string
		want     bool
	}{
		{"t", true},
		{"b", true},
		{"f", true},
		{"tb", true},
		{"aliasT", true},
		{"m", false},
		{"valueT", false},
		{"ptrTB", false},
		{"ptrPtr", false},
		{"own", false},
		{"err", false},
		{"n", false},
	}
	for _, tt := range tests {
		t.Run(tt.variable, func(t *testing.T) {
			typ := varType(t, pass.Pkg.Scope(), tt.variable)
			if got := IsTestingType(typ); got != tt.want {
				t.Errorf("IsTestingType(%s) = %t, want %t", typ, got, tt.want)
			}
		})
	}
}

func TestIsNamedTypeMatchesTheTypeOrAPointerToItByPath(t *testing.T) {
	pass := checkSnippet(t, "", map[string]string{"p.go": typesSnippet}, nil)
	tests := []struct {
		variable, pkgPath, name string
		want                    bool
	}{
		{"req", "net/http", "Request", true},
		{"reqVal", "net/http", "Request", true},
		{"aliasT", "testing", "T", true},
		{"client", "net/http", "Request", false},
		{"local", "net/http", "Request", false},
		{"local", "p", "Request", true},
		{"ptrPtr", "testing", "T", false},
		{"err", "", "error", false},
		{"n", "", "int", false},
	}
	for _, tt := range tests {
		t.Run(tt.variable+" as "+tt.pkgPath+"."+tt.name, func(t *testing.T) {
			typ := varType(t, pass.Pkg.Scope(), tt.variable)
			if got := IsNamedType(typ, tt.pkgPath, tt.name); got != tt.want {
				t.Errorf("IsNamedType(%s, %q, %q) = %t, want %t", typ, tt.pkgPath, tt.name, got, tt.want)
			}
		})
	}
}

func TestTestingParamReturnsTheFirstNamedTestingParameter(t *testing.T) {
	pass := checkSnippet(t, "", map[string]string{"p_test.go": `package p

import "testing"

func single(t *testing.T) {}
func second(n int, tb testing.TB) {}
func two(b *testing.B, t *testing.T) {}
func grouped(x, t *testing.T) {}
func unnamed(*testing.T) {}
func blank(_ *testing.T) {}
func none() {}
func value(t testing.T) {}
func takesM(m *testing.M) {}
`}, nil)
	tests := []struct {
		function string
		want     string // the parameter's name, "" for nil
	}{
		{"single", "t"},
		{"second", "tb"},
		{"two", "b"},
		{"grouped", "x"},
		{"blank", "_"},
		{"unnamed", ""},
		{"none", ""},
		{"value", ""},
		{"takesM", ""},
	}
	for _, tt := range tests {
		t.Run(tt.function, func(t *testing.T) {
			got := ""
			if v := TestingParam(pass.TypesInfo, funcNamed(t, pass, tt.function).Type); v != nil {
				got = v.Name()
			}
			if got != tt.want {
				t.Errorf("TestingParam(%s) = %q, want %q", tt.function, got, tt.want)
			}
		})
	}
	t.Run("type without a parameter list", func(t *testing.T) {
		if v := TestingParam(pass.TypesInfo, &ast.FuncType{}); v != nil {
			t.Errorf("TestingParam = %s, want nil", v)
		}
	})
}

// calleesSnippet calls each kind of callee the call predicates tell apart,
// one call per line of f.
const calleesSnippet = `package p

import (
	"net/http"
	"strings"
	"testing"
)

type local struct{}

func (local) Run() {}
func (local) Do() {}
func (local) Cleanup() {}

func ToUpper(s string) string { return s }

func f(t *testing.T, tb testing.TB, c *http.Client, req *http.Request, l local, fn func(), sb *strings.Builder) {
	strings.ToUpper("")
	ToUpper("")
	sb.String()
	testing.Short()
	t.Run("", nil)
	tb.Cleanup(nil)
	l.Run()
	l.Cleanup()
	l.Do()
	c.Do(req)
	http.Get("")
	fn()
	_ = len("")
	_ = string([]byte(nil))
}
`

// callees returns the callee of each call in f by the call's text.
func callees(t *testing.T) map[string]*types.Func {
	t.Helper()
	pass := checkSnippet(t, "", map[string]string{"p.go": calleesSnippet}, nil)
	found := make(map[string]*types.Func)
	ast.Inspect(funcNamed(t, pass, "f").Body, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok {
			found[types.ExprString(call.Fun)] = Callee(pass.TypesInfo, call)
		}
		return true
	})
	return found
}

func TestCalleeIsTheStaticallyCalledFunctionOrNil(t *testing.T) {
	found := callees(t)
	tests := []struct {
		call string
		want string // the callee's full name, "" for nil
	}{
		{"strings.ToUpper", "strings.ToUpper"},
		{"ToUpper", "p.ToUpper"},
		{"sb.String", "(*strings.Builder).String"},
		{"t.Run", "(*testing.T).Run"},
		{"tb.Cleanup", "(testing.TB).Cleanup"},
		{"fn", ""},
		{"len", ""},
		{"string", ""},
	}
	for _, tt := range tests {
		t.Run(tt.call, func(t *testing.T) {
			fn, ok := found[tt.call]
			if !ok {
				t.Fatalf("no call of %s in the snippet", tt.call)
			}
			got := ""
			if fn != nil {
				got = fn.FullName()
			}
			if got != tt.want {
				t.Errorf("Callee(%s(...)) = %q, want %q", tt.call, got, tt.want)
			}
		})
	}
}

func TestCallPredicatesTellFunctionsAndMethodsApartByPackage(t *testing.T) {
	found := callees(t)
	tests := []struct {
		name string
		call string
		is   func(fn *types.Func) bool
		want bool
	}{
		{"IsFunc: package function", "strings.ToUpper", func(fn *types.Func) bool { return IsFunc(fn, "strings", "ToLower", "ToUpper") }, true},
		{"IsFunc: another name", "strings.ToUpper", func(fn *types.Func) bool { return IsFunc(fn, "strings", "ToLower") }, false},
		{"IsFunc: same name in another package", "ToUpper", func(fn *types.Func) bool { return IsFunc(fn, "strings", "ToUpper") }, false},
		{"IsFunc: method of the package", "sb.String", func(fn *types.Func) bool { return IsFunc(fn, "strings", "String") }, false},
		{"IsFunc: function value", "fn", func(fn *types.Func) bool { return IsFunc(fn, "p", "fn") }, false},
		{"IsFunc: builtin", "len", func(fn *types.Func) bool { return IsFunc(fn, "", "len") }, false},
		{"IsMethod: method of the type", "c.Do", func(fn *types.Func) bool { return IsMethod(fn, "net/http", "Client", "Get", "Do") }, true},
		{"IsMethod: another method", "c.Do", func(fn *types.Func) bool { return IsMethod(fn, "net/http", "Client", "Get") }, false},
		{"IsMethod: same name on another type", "l.Do", func(fn *types.Func) bool { return IsMethod(fn, "net/http", "Client", "Do") }, false},
		{"IsMethod: package function", "http.Get", func(fn *types.Func) bool { return IsMethod(fn, "net/http", "Client", "Get") }, false},
		{"IsMethod: function value", "fn", func(fn *types.Func) bool { return IsMethod(fn, "p", "local", "fn") }, false},
		{"IsTestingMethod: method of T", "t.Run", func(fn *types.Func) bool { return IsTestingMethod(fn, "Run") }, true},
		{"IsTestingMethod: method of TB", "tb.Cleanup", func(fn *types.Func) bool { return IsTestingMethod(fn, "Skip", "Cleanup") }, true},
		{"IsTestingMethod: another method", "t.Run", func(fn *types.Func) bool { return IsTestingMethod(fn, "Cleanup") }, false},
		{"IsTestingMethod: same name on another type", "l.Cleanup", func(fn *types.Func) bool { return IsTestingMethod(fn, "Cleanup") }, false},
		{"IsTestingMethod: package function", "testing.Short", func(fn *types.Func) bool { return IsTestingMethod(fn, "Short") }, false},
		{"IsTestingMethod: function value", "fn", func(fn *types.Func) bool { return IsTestingMethod(fn, "fn") }, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fn, ok := found[tt.call]
			if !ok {
				t.Fatalf("no call of %s in the snippet", tt.call)
			}
			if got := tt.is(fn); got != tt.want {
				t.Errorf("for %s(...) got %t, want %t", tt.call, got, tt.want)
			}
		})
	}
}

func TestGoVersionAtLeastReadsTheFileThenThePackageVersion(t *testing.T) {
	files := map[string]string{
		"old.go": "package p\n",
		"new.go": "//go:build go1.25\n\npackage p\n",
	}
	versioned := checkSnippet(t, "go1.22", files, nil)
	unversioned := checkSnippet(t, "", files, nil)
	withoutFileVersions := *versioned
	withoutFileVersions.TypesInfo = &types.Info{}
	tests := []struct {
		name string
		pass *analysis.Pass
		file string // "" for none
		v    string
		want bool
	}{
		{"file at the package's version", versioned, "old.go", "go1.22", true},
		{"file older than asked", versioned, "old.go", "go1.23", false},
		{"file raised by its build constraint", versioned, "new.go", "go1.25", true},
		{"file raised, still older than asked", versioned, "new.go", "go1.26", false},
		{"no file: the package's version", versioned, "", "go1.22", true},
		{"no file, package older than asked", versioned, "", "go1.23", false},
		{"no file versions recorded", &withoutFileVersions, "new.go", "go1.23", false},
		{"unknown version counts as new enough", unversioned, "old.go", "go1.99", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var file *ast.File
			for _, f := range tt.pass.Files {
				if tt.pass.Fset.File(f.FileStart).Name() == tt.file {
					file = f
				}
			}
			if got := GoVersionAtLeast(tt.pass, file, tt.v); got != tt.want {
				t.Errorf("GoVersionAtLeast(%s, %s) = %t, want %t", tt.file, tt.v, got, tt.want)
			}
		})
	}
}
