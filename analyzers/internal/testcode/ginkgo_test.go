package testcode

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"slices"
	"testing"
)

// importerFunc serves type-checked packages by path.
type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) { return f(path) }

func TestGinkgoNameKnowsGinkgoAndItsForksByPath(t *testing.T) {
	const dsl = `package ginkgo

func It(text string, args ...any) bool { return true }

var Specify = It

const Pending = 1

func Skip(message string) {}
`
	fset := token.NewFileSet()
	imports := map[string]*types.Package{}
	check := func(path, src string, info *types.Info) *ast.File {
		t.Helper()
		file, err := parser.ParseFile(fset, path+".go", src, 0)
		if err != nil {
			t.Fatal(err)
		}
		conf := &types.Config{Importer: importerFunc(func(p string) (*types.Package, error) { return imports[p], nil })}
		pkg, err := conf.Check(path, fset, []*ast.File{file}, info)
		if err != nil {
			t.Fatal(err)
		}
		imports[path] = pkg
		return file
	}
	for _, path := range []string{"github.com/onsi/ginkgo/v2", "github.com/bsm/ginkgo/v2", "github.com/onsi/ginkgo", "example.com/notginkgo"} {
		check(path, dsl, nil)
	}
	info := &types.Info{Uses: make(map[*ast.Ident]types.Object)}
	file := check("p", `package p

import (
	fork "github.com/bsm/ginkgo/v2"
	v1 "github.com/onsi/ginkgo"
	v2 "github.com/onsi/ginkgo/v2"
	other "example.com/notginkgo"
)

func It() {}

var _ = []any{v2.It, v2.Specify, v2.Pending, fork.Skip, v1.It, other.It, It}
`, info)
	var got []string
	ast.Inspect(file, func(n ast.Node) bool {
		lit, ok := n.(*ast.CompositeLit)
		if !ok {
			return true
		}
		for _, elt := range lit.Elts {
			got = append(got, GinkgoName(info, elt))
		}
		return false
	})
	want := []string{"It", "Specify", "Pending", "Skip", "It", "", ""}
	if !slices.Equal(got, want) {
		t.Errorf("GinkgoName of each element = %q, want %q", got, want)
	}
}
