package testcode

import (
	"go/ast"
	"testing"

	"golang.org/x/tools/go/ast/inspector"
)

func TestEnclosingFuncIsTheInnermostFunctionAroundANode(t *testing.T) {
	pass := checkSnippet(t, "", map[string]string{"p.go": `package p

func mark(label string) int { return 0 }

var top = mark("package level")

func declared() {
	mark("in a declaration")
	f := func() {
		mark("in a literal")
	}
	_ = f
}
`}, nil)
	at := marks(t, pass)
	var literal inspector.Cursor
	for cur := range inspectorRoot(pass).Preorder((*ast.FuncLit)(nil)) {
		literal = cur
	}
	tests := []struct {
		name string
		cur  inspector.Cursor
		want string // "declared", "literal" or "" for none
	}{
		{"package level", at["package level"], ""},
		{"in a declaration", at["in a declaration"], "declared"},
		{"in a literal", at["in a literal"], "literal"},
		{"a literal itself", literal, "declared"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ""
			if fn, ok := EnclosingFunc(tt.cur); ok {
				switch n := fn.Node().(type) {
				case *ast.FuncDecl:
					got = n.Name.Name
				case *ast.FuncLit:
					got = "literal"
				}
			}
			if got != tt.want {
				t.Errorf("EnclosingFunc = %q, want %q", got, tt.want)
			}
		})
	}
}
