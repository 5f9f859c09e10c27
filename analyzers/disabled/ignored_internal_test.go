package disabled

import (
	"go/parser"
	"go/token"
	"testing"
)

// Files that only have // +build lines predate Go 1.17; gofmt adds the
// //go:build line, so they cannot be kept as gofmt-clean testdata and are
// parsed here instead.
func TestBuildConstraintReadsEveryForm(t *testing.T) {
	tests := []struct {
		name        string
		header      string
		wantComment string // "" for no constraint
		wantExpr    string
	}{
		{"plus build only", "// +build ignore\n\n", "// +build ignore", "ignore"},
		{"plus build lines are combined", "// +build linux\n// +build never\n\n", "// +build linux", "linux && never"},
		{"go build wins over plus build", "//go:build ignore\n// +build linux\n\n", "//go:build ignore", "ignore"},
		{"no constraint", "// Package p is fine.\n", "", ""},
		{"a constraint after the package clause is no constraint", "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := tt.header + "package p\n\n// +build ignore\n"
			f, err := parser.ParseFile(token.NewFileSet(), "p_test.go", src, parser.ParseComments)
			if err != nil {
				t.Fatal(err)
			}
			c, expr := buildConstraint(f)
			var gotComment, gotExpr string
			if c != nil {
				gotComment = c.Text
			}
			if expr != nil {
				gotExpr = expr.String()
			}
			if gotComment != tt.wantComment || gotExpr != tt.wantExpr {
				t.Errorf("buildConstraint = %q, %q; want %q, %q", gotComment, gotExpr, tt.wantComment, tt.wantExpr)
			}
		})
	}
}
