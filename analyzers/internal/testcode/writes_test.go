package testcode

import (
	"go/ast"
	"go/parser"
	"go/types"
	"slices"
	"testing"
)

func TestWritesCountsEachVariablesWritesAndKeepsTheLastValue(t *testing.T) {
	pass := checkSnippet(t, "", map[string]string{"p.go": `package p

type S struct{ f int }

func two() (int, error) { return 0, nil }

func use(p *int) {}

func f() {
	defined := 1
	var declared = 2
	var zero int
	assigned := 0
	assigned = 3
	assigned = 4
	n, err := two()
	left, right := 5, 6
	counter := 0
	counter++
	sum := 0
	sum += 7
	for k, v := range []int{8} {
		_, _ = k, v
	}
	var s S
	s.f = 9
	var arr [2]int
	arr[0] = 10
	taken := 11
	_ = &taken
	pointee := new(int)
	*pointee = 12
	passed := new(int)
	use(passed)
	use(&taken)
	_ = []any{defined, declared, zero, assigned, n, err, left, right, counter, sum, s, arr, pointee}
}
`}, nil)
	index := Writes(pass.TypesInfo, inspectorRoot(pass))
	byName := make(map[string]*VarWrites)
	for v, w := range index {
		byName[v.Name()] = w
	}
	tests := []struct {
		variable  string
		value     string // the last write's right-hand side
		index     int
		writes    int
		assigned  int
		addressed bool
		passedTo  int
	}{
		{"defined", "1", -1, 1, 0, false, 0},
		{"declared", "2", -1, 1, 0, false, 0},
		{"zero", "<nil>", -1, 1, 0, false, 0},
		{"assigned", "4", -1, 3, 2, false, 0},
		{"n", "two()", 0, 1, 0, false, 0},
		{"err", "two()", 1, 1, 0, false, 0},
		{"left", "5", -1, 1, 0, false, 0},
		{"right", "6", -1, 1, 0, false, 0},
		{"counter", "<nil>", -1, 2, 0, false, 0},
		{"sum", "<nil>", -1, 2, 0, false, 0},
		{"k", "<nil>", -1, 1, 0, false, 0},
		{"v", "<nil>", -1, 1, 0, false, 0},
		{"s", "<nil>", -1, 1, 0, true, 0},
		{"arr", "<nil>", -1, 1, 0, true, 0},
		{"taken", "11", -1, 1, 0, true, 0},
		{"pointee", "new(int)", -1, 1, 0, true, 0},
		{"passed", "new(int)", -1, 1, 0, false, 1},
	}
	for _, tt := range tests {
		t.Run(tt.variable, func(t *testing.T) {
			w := byName[tt.variable]
			if w == nil {
				t.Fatalf("Writes has no entry for %s", tt.variable)
			}
			got := [...]any{exprText(w.Value), w.Index, w.Writes, w.Assigned, w.Addressed, len(w.PassedTo)}
			want := [...]any{tt.value, tt.index, tt.writes, tt.assigned, tt.addressed, tt.passedTo}
			if got != want {
				t.Errorf("Writes of %s: (value, index, writes, assigned, addressed, passed to) = %v, want %v", tt.variable, got, want)
			}
		})
	}
	for v := range index {
		if v.Name() == "f" {
			t.Errorf("Writes indexed the field f as a variable written")
		}
	}
}

func TestBasesYieldsTheSelectedIndexedAndDereferencedExpressions(t *testing.T) {
	tests := []struct {
		expr string
		want []string
	}{
		{"x", []string{"x"}},
		{"x.f[i]", []string{"x.f[i]", "x.f", "x"}},
		{"(*p).f", []string{"(*p).f", "*p", "p"}},
		{"((x)).f", []string{"((x)).f", "x"}},
		{"f(x).y", []string{"f(x).y", "f(x)"}},
		{"m[k][j]", []string{"m[k][j]", "m[k]", "m"}},
	}
	for _, tt := range tests {
		t.Run(tt.expr, func(t *testing.T) {
			e, err := parser.ParseExpr(tt.expr)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for b := range Bases(e) {
				got = append(got, types.ExprString(b))
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("Bases(%s) = %q, want %q", tt.expr, got, tt.want)
			}
		})
	}
	t.Run("stops when the loop does", func(t *testing.T) {
		var got []ast.Expr
		for b := range Bases(&ast.SelectorExpr{X: ast.NewIdent("x"), Sel: ast.NewIdent("f")}) {
			got = append(got, b)
			break
		}
		if len(got) != 1 {
			t.Errorf("Bases yielded %d expressions after the loop stopped at the first", len(got))
		}
	})
}
