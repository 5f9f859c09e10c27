package testcode

import (
	"go/types"
	"testing"
)

var parallelism = map[Parallelism]string{Serial: "Serial", Parallel: "Parallel", ParallelAncestor: "ParallelAncestor"}

// parallelSnippet marks, in each kind of test, the points ParallelAt is
// asked about.
var parallelSnippet = map[string]string{
	"p.go": `package p

import "testing"

func mark(label string) {}

// NotInATestFile has the signature of a test, outside a _test.go file.
func NotInATestFile(t *testing.T) {
	t.Parallel()
	mark("function of a non-test file")
}
`,
	"p_test.go": `package p

import (
	"testing"
	"testing/synctest"
)

type fake struct{}

func (fake) Parallel() {}

func TestSerial(t *testing.T) {
	fake{}.Parallel()
	mark("serial test calling another type's Parallel")
	t.Run("child", func(t *testing.T) {
		mark("subtest of a serial test")
	})
}

func TestParallel(t *testing.T) {
	mark("parallel test, before its t.Parallel")
	t.Parallel()
	t.Run("child", func(t *testing.T) {
		mark("subtest of a parallel test")
		t.Run("grandchild", func(t *testing.T) {
			mark("subtest of a subtest of a parallel test")
		})
	})
	go func() {
		mark("literal without a testing parameter in a parallel test")
	}()
	later(t.Name(), func(t *testing.T) {
		mark("literal handed to a function without its test")
	})
}

func later(name string, f func(*testing.T)) {}

func TestParallelAfterSubtest(t *testing.T) {
	t.Run("child", func(t *testing.T) {
		mark("subtest started before its parent's t.Parallel")
	})
	t.Parallel()
}

func TestParallelSubtest(t *testing.T) {
	t.Run("child", func(t *testing.T) {
		t.Parallel()
		mark("parallel subtest")
	})
	mark("serial parent of a parallel subtest")
}

func TestBubble(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		mark("synctest bubble of a parallel test")
	})
}

func helper(tb testing.TB) {
	mark("helper")
}

var _ = func() {
	mark("outside any function with a testing parameter")
}
`,
}

func TestParallelAtTellsWhetherCodeRunsInAParallelTest(t *testing.T) {
	pass := checkSnippet(t, "", parallelSnippet, nil)
	ix := NewTests(pass, inspectorRoot(pass))
	at := marks(t, pass)
	tests := []struct {
		mark string
		want Parallelism
	}{
		{"serial test calling another type's Parallel", Serial},
		{"subtest of a serial test", Serial},
		{"parallel test, before its t.Parallel", Parallel},
		{"subtest of a parallel test", ParallelAncestor},
		{"subtest of a subtest of a parallel test", ParallelAncestor},
		{"literal without a testing parameter in a parallel test", Parallel},
		{"literal handed to a function without its test", Serial},
		{"subtest started before its parent's t.Parallel", Serial},
		{"parallel subtest", Parallel},
		{"serial parent of a parallel subtest", Serial},
		{"synctest bubble of a parallel test", ParallelAncestor},
		{"helper", Serial},
		{"outside any function with a testing parameter", Serial},
		{"function of a non-test file", Serial},
	}
	if len(tests) != len(at) {
		t.Errorf("the table asks about %d marks of the %d in the snippet", len(tests), len(at))
	}
	for _, tt := range tests {
		t.Run(tt.mark, func(t *testing.T) {
			cur, ok := at[tt.mark]
			if !ok {
				t.Fatalf("no mark %q in the snippet", tt.mark)
			}
			if got := ix.ParallelAt(cur); got != tt.want {
				t.Errorf("ParallelAt = %s, want %s", parallelism[got], parallelism[tt.want])
			}
		})
	}
}

func TestParallelOfKnowsTheTestingParametersOfTestFilesOnly(t *testing.T) {
	pass := checkSnippet(t, "", parallelSnippet, nil)
	ix := NewTests(pass, inspectorRoot(pass))
	param := func(function string) *types.Var {
		return pass.Pkg.Scope().Lookup(function).(*types.Func).Signature().Params().At(0)
	}
	tests := []struct {
		name      string
		v         *types.Var
		wantKnown bool
		want      Parallelism
	}{
		{"parallel test", param("TestParallel"), true, Parallel},
		{"serial test", param("TestSerial"), true, Serial},
		{"helper", param("helper"), true, Serial},
		{"function of a non-test file", param("NotInATestFile"), false, Serial},
		{"variable of no function", types.NewVar(0, pass.Pkg, "t", nil), false, Serial},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ix.Known(tt.v); got != tt.wantKnown {
				t.Errorf("Known = %t, want %t", got, tt.wantKnown)
			}
			if got := ix.ParallelOf(tt.v); got != tt.want {
				t.Errorf("ParallelOf = %s, want %s", parallelism[got], parallelism[tt.want])
			}
		})
	}
}
