package testcode

import (
	"go/ast"
	"go/parser"
	"slices"
	"testing"
)

func TestImportsAndImportedLookAtDirectImportsOnly(t *testing.T) {
	pass := checkSnippet(t, "", map[string]string{"p.go": `package p

import (
	"net/http"
	"strings"
)

var _, _ = http.Get, strings.ToUpper
`}, nil)
	tests := []struct {
		name  string
		paths []string
		want  string // the path Imported returns, "" for nil
	}{
		{"a direct import", []string{"strings"}, "strings"},
		{"the first listed path that is imported", []string{"os", "net/http", "strings"}, "net/http"},
		{"an import of an import", []string{"io"}, ""},
		{"a path that only ends like an import", []string{"http"}, ""},
		{"no path at all", nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ""
			if imp := Imported(pass.Pkg, tt.paths...); imp != nil {
				got = imp.Path()
			}
			if got != tt.want {
				t.Errorf("Imported(p, %q) = %q, want %q", tt.paths, got, tt.want)
			}
			if imports := Imports(pass.Pkg, tt.paths...); imports != (tt.want != "") {
				t.Errorf("Imports(p, %q) = %t, disagreeing with Imported", tt.paths, imports)
			}
		})
	}
}

func TestFuncPartsReturnsTypeAndBodyOfFunctionsOnly(t *testing.T) {
	f, err := parser.ParseFile(snippetFset, "parts.go", `package p

func declared(a int) { _ = a }

func external(b string)

var literal = func(c bool) { _ = c }
`, 0)
	if err != nil {
		t.Fatal(err)
	}
	lit := f.Decls[2].(*ast.GenDecl).Specs[0].(*ast.ValueSpec).Values[0]
	tests := []struct {
		name      string
		node      ast.Node
		wantParam string // the name of the first parameter, "" for no type
		wantBody  bool
	}{
		{"declaration", f.Decls[0], "a", true},
		{"declaration without a body", f.Decls[1], "b", false},
		{"literal", lit, "c", true},
		{"variable declaration around the literal", f.Decls[2], "", false},
		{"nil", nil, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ftype, body := FuncParts(tt.node)
			gotParam := ""
			if ftype != nil {
				gotParam = ftype.Params.List[0].Names[0].Name
			}
			if gotParam != tt.wantParam || (body != nil) != tt.wantBody {
				t.Errorf("FuncParts gave a type with parameter %q and a body: %t, want %q and %t", gotParam, body != nil, tt.wantParam, tt.wantBody)
			}
		})
	}
}

func TestIsStdTellsStandardPathsByTheirFirstElement(t *testing.T) {
	tests := []struct {
		path string
		want bool
	}{
		{"fmt", true},
		{"net/http", true},
		{"golang.org/x/tools/go/analysis", false},
		{"example.com", false},
		{"internal/some.pkg", true}, // the dot is not in the first element
		{"mymodule/pkg", true},      // the rule's limit: a module path without a dot reads as standard
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			if got := IsStd(tt.path); got != tt.want {
				t.Errorf("IsStd(%q) = %t, want %t", tt.path, got, tt.want)
			}
		})
	}
}

func TestIdentSeesThroughParenthesesOnly(t *testing.T) {
	tests := []struct {
		expr string
		want string // the identifier's name, "" for nil
	}{
		{"x", "x"},
		{"((x))", "x"},
		{"x.y", ""},
		{"(x.y)", ""},
		{"x()", ""},
		{"*x", ""},
		{`"x"`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.expr, func(t *testing.T) {
			e, err := parser.ParseExpr(tt.expr)
			if err != nil {
				t.Fatal(err)
			}
			got := ""
			if id := Ident(e); id != nil {
				got = id.Name
			}
			if got != tt.want {
				t.Errorf("Ident(%s) = %q, want %q", tt.expr, got, tt.want)
			}
		})
	}
}

func TestConstStringGivesTheValueOfConstantStringsOnly(t *testing.T) {
	tests := []struct {
		name, expr string
		want       string
		wantOK     bool
	}{
		{"interpreted literal", `"a\tb"`, "a\tb", true},
		{"raw literal", "`a\\tb`", `a\tb`, true},
		{"concatenation of constants", `"a" + named`, "an", true},
		{"named constant", "named", "n", true},
		{"constant of a string type", "typed", "t", true},
		{"constant conversion", "string(rune(65))", "A", true},
		{"string variable", "variable", "", false},
		{"call returning a string", "strings.ToUpper(named)", "", false},
		{"integer constant", "42", "", false},
		{"untyped nil of a string pointer", "(*string)(nil)", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pass := checkSnippet(t, "", map[string]string{"p.go": `package p

import "strings"

type str string

const named = "n"

const typed str = "t"

var variable = "v"

var _ = strings.ToUpper

var expr = ` + tt.expr + "\n"}, nil)
			spec := pass.Files[0].Decls[len(pass.Files[0].Decls)-1].(*ast.GenDecl).Specs[0].(*ast.ValueSpec)
			got, ok := ConstString(pass.TypesInfo, spec.Values[0])
			if got != tt.want || ok != tt.wantOK {
				t.Errorf("ConstString(%s) = %q, %t, want %q, %t", tt.expr, got, ok, tt.want, tt.wantOK)
			}
		})
	}
}

func TestReadsEnvFindsCallsOfOsGetenvAndLookupEnv(t *testing.T) {
	tests := []struct {
		name, body string
		want       bool
	}{
		{"helper process guard", `if os.Getenv("GO_WANT_HELPER_PROCESS") != "1" { return }`, true},
		{"LookupEnv", `_, ok := os.LookupEnv("HOME"); _ = ok`, true},
		{"in a nested literal", `f := func() string { return os.Getenv("HOME") }; _ = f`, true},
		{"the whole environment", `_ = os.Environ()`, false},
		{"a function value, not called", `_ = os.Getenv`, false},
		{"a package function of the same name", `_ = Getenv("HOME")`, false},
		{"a method of the same name", `_ = env{}.Getenv("HOME")`, false},
		{"the name in a string", `_ = strings.ToUpper("os.Getenv")`, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pass := checkSnippet(t, "", map[string]string{"p.go": `package p

import (
	"os"
	"strings"
)

var _, _ = os.Getenv, strings.ToUpper

func Getenv(key string) string { return key }

type env struct{}

func (env) Getenv(key string) string { return key }

func body() {
	` + tt.body + `
}
`}, nil)
			if got := ReadsEnv(pass.TypesInfo, funcNamed(t, pass, "body").Body); got != tt.want {
				t.Errorf("ReadsEnv(%s) = %t, want %t", tt.body, got, tt.want)
			}
		})
	}
}

func TestFuncDeclsYieldsDeclarationsWithABody(t *testing.T) {
	pass := checkSnippet(t, "", map[string]string{"p.go": `package p

func plain() {}

func generic[T any](v T) T { return v }

type receiver struct{}

func (receiver) method() {}

// external has its body in assembly.
func external()

var literal = func() {}
`}, nil)
	root := inspectorRoot(pass)
	var got []string
	for cur, fn := range FuncDecls(pass.TypesInfo, root) {
		if decl := cur.Node().(*ast.FuncDecl); decl.Name.Name != fn.Name() {
			t.Errorf("FuncDecls paired the declaration of %s with function %s", decl.Name.Name, fn.Name())
		}
		got = append(got, fn.Name())
	}
	if want := []string{"plain", "generic", "method"}; !slices.Equal(got, want) {
		t.Errorf("FuncDecls yielded %q, want %q", got, want)
	}
	var first []string
	for _, fn := range FuncDecls(pass.TypesInfo, root) {
		first = append(first, fn.Name())
		break
	}
	if !slices.Equal(first, []string{"plain"}) {
		t.Errorf("FuncDecls went on after the loop stopped: yielded %q", first)
	}
}

// go test runs an example when the last comment of its body is an output
// comment (go/doc's exampleOutput), and only compiles it otherwise.
func TestExampleRunsWhenTheLastCommentOfItsBodyIsAnOutputComment(t *testing.T) {
	pass := checkSnippet(t, "", map[string]string{"p_test.go": `package p

import "fmt"

func ExampleOutput() {
	fmt.Println("a")
	// Output: a
}

func ExampleUnordered() {
	fmt.Println("a")
	fmt.Println("b")
	// Unordered output:
	// b
	// a
}

func ExampleLowerCase() {
	fmt.Println("a")
	// output: a
}

func ExampleNoOutput() {
	fmt.Println("a")
}

func ExampleMentionsOutput() {
	// The output: not checked.
	fmt.Println("a")
}

func ExampleOutputNotLast() {
	fmt.Println("a")
	// Output: a

	// A note after the output comment, which go test takes for the output.
}

// Output: a
func ExampleOutputInDocComment() {
	fmt.Println("a")
}
`}, nil)
	tests := []struct {
		name string
		want bool
	}{
		{"ExampleOutput", true},
		{"ExampleUnordered", true},
		{"ExampleLowerCase", true},
		{"ExampleNoOutput", false},
		{"ExampleMentionsOutput", false},
		{"ExampleOutputNotLast", false},
		{"ExampleOutputInDocComment", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ExampleRuns(pass, funcNamed(t, pass, tt.name)); got != tt.want {
				t.Errorf("ExampleRuns(%s) = %t, want %t", tt.name, got, tt.want)
			}
		})
	}
	t.Run("declaration outside the pass's files", func(t *testing.T) {
		f, err := parser.ParseFile(snippetFset, "other_test.go", "package p\n\nfunc ExampleElsewhere() {\n\t// Output:\n}\n", parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		if ExampleRuns(pass, f.Decls[0].(*ast.FuncDecl)) {
			t.Error("ExampleRuns = true for a declaration in no file of the pass, want false")
		}
	})
}
