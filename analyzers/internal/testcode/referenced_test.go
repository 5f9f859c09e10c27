package testcode

import (
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"testing"
)

func TestReferencedFindsTheObjectOfNamesAndQualifiedNames(t *testing.T) {
	src := `package p

import "strings"

type T struct{ Field int }

var v T

func f() {
	_ = v
	_ = (strings.ToUpper)
	_ = v.Field
	_ = T{}
}
`
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	info := &types.Info{Uses: make(map[*ast.Ident]types.Object)}
	if _, err := (&types.Config{Importer: importer.Default()}).Check("p", fset, []*ast.File{file}, info); err != nil {
		t.Fatal(err)
	}
	var got []string
	ast.Inspect(file, func(n ast.Node) bool {
		assign, ok := n.(*ast.AssignStmt)
		if !ok {
			return true
		}
		if obj := Referenced(info, assign.Rhs[0]); obj != nil {
			got = append(got, obj.Name())
		} else {
			got = append(got, "<nil>")
		}
		return false
	})
	want := []string{"v", "ToUpper", "Field", "<nil>"}
	if len(got) != len(want) {
		t.Fatalf("Referenced = %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("Referenced of right-hand side %d = %s, want %s", i, got[i], want[i])
		}
	}
}
