package disabled

import (
	"go/ast"
	"go/build/constraint"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/testgate/testgate/analyzers/internal/testcode"
)

// neverTags are the build tags that by convention no build sets: a file
// constrained by one of them is switched off, not waiting for a
// configuration.
var neverTags = []string{"ignore", "never", "disabled", "off", "skip", "none", "exclude", "broken"}

// checkIgnoredFiles reports the _test.go files among pass.IgnoredFiles
// that hold tests and that a build constraint keeps out of every build.
// Drivers that do not list ignored files leave it nothing to do.
func checkIgnoredFiles(pass *analysis.Pass) {
	var ignored []string
	for _, name := range pass.IgnoredFiles {
		if strings.HasSuffix(name, "_test.go") {
			ignored = append(ignored, name)
		}
	}
	if len(ignored) == 0 || !reportsIgnoredFiles(pass, filepath.Dir(ignored[0])) {
		return
	}
	for _, name := range ignored {
		checkIgnoredFile(pass, name)
	}
}

// reportsIgnoredFiles reports whether pass is the one pass of its package
// that reports the ignored files. Drivers list them for the package and
// for each of its test variants, and go vet runs only the variant with the
// package's own tests when it has some: so that one, else the external
// test package, else the package alone.
func reportsIgnoredFiles(pass *analysis.Pass, dir string) bool {
	hasTests := false
	for _, f := range testcode.TestFiles(pass) {
		if !strings.HasSuffix(f.Name.Name, "_test") {
			return true
		}
		hasTests = true
	}
	internal, external := liveTestFiles(pass, dir)
	if hasTests {
		return !internal
	}
	return !internal && !external
}

// liveTestFiles reports whether dir holds _test.go files that the build
// keeps, of the package itself and of its external test package.
func liveTestFiles(pass *analysis.Pass, dir string) (internal, external bool) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return false, false
	}
	for _, e := range entries {
		name := filepath.Join(dir, e.Name())
		if !strings.HasSuffix(name, "_test.go") || slices.Contains(pass.IgnoredFiles, name) {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), name, nil, parser.PackageClauseOnly)
		if err != nil {
			continue
		}
		if strings.HasSuffix(f.Name.Name, "_test") {
			external = true
		} else {
			internal = true
		}
	}
	return internal, external
}

func checkIgnoredFile(pass *analysis.Pass, name string) {
	readFile := pass.ReadFile
	if readFile == nil {
		readFile = os.ReadFile
	}
	content, err := readFile(name)
	if err != nil {
		return // a driver that lists a file it does not let us read: nothing to say about it
	}
	f, err := parser.ParseFile(pass.Fset, name, content, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		return // not valid Go: the compiler never sees it, and it is not our job to say so
	}
	c, expr := buildConstraint(f)
	if c == nil || satisfiable(expr) {
		return
	}
	tests := testNames(f)
	if len(tests) == 0 {
		return
	}
	if testcode.IgnoredAt(pass, f, c.Pos()) {
		return
	}
	file, rule := filepath.Base(name), strings.TrimSpace(c.Text)
	if len(tests) == 1 {
		pass.Reportf(c.Pos(), "%s holds %s, which %s keeps out of every build; remove the constraint to run it, or delete the file", file, tests[0], rule)
		return
	}
	pass.Reportf(c.Pos(), "%s holds %d tests (%s, ...) that %s keeps out of every build; remove the constraint to run them, or delete the file", file, len(tests), tests[0], rule)
}

// buildConstraint returns the comment holding f's build constraint and the
// constraint: the //go:build line, or else the // +build lines combined.
func buildConstraint(f *ast.File) (*ast.Comment, constraint.Expr) {
	var plusComment *ast.Comment
	var plus constraint.Expr
	for _, group := range f.Comments {
		if group.Pos() >= f.Package {
			break
		}
		for _, c := range group.List {
			expr, err := constraint.Parse(c.Text)
			if err != nil {
				continue
			}
			if constraint.IsGoBuild(c.Text) {
				return c, expr
			}
			if plus == nil {
				plusComment, plus = c, expr
			} else {
				plus = &constraint.AndExpr{X: plus, Y: expr}
			}
		}
	}
	return plusComment, plus
}

// satisfiable reports whether some build satisfies expr when none sets a
// tag of neverTags: whether any choice of the other tags makes it true.
func satisfiable(expr constraint.Expr) bool {
	var tags []string
	expr.Eval(func(tag string) bool {
		if !slices.Contains(neverTags, tag) && !slices.Contains(tags, tag) {
			tags = append(tags, tag)
		}
		return false
	})
	const maxTags = 16 // beyond this, assume some build sets them right
	if len(tags) > maxTags {
		return true
	}
	for set := 0; set < 1<<len(tags); set++ {
		if expr.Eval(func(tag string) bool {
			i := slices.Index(tags, tag)
			return i >= 0 && set&(1<<i) != 0
		}) {
			return true
		}
	}
	return false
}

// testNames returns the names of the functions of f that go test would run
// as tests, judged by syntax: the file was never type-checked.
func testNames(f *ast.File) []string {
	testing := "testing"
	for _, imp := range f.Imports {
		if imp.Path.Value == `"testing"` && imp.Name != nil {
			testing = imp.Name.Name
		}
	}
	var names []string
	for _, decl := range f.Decls {
		fn, ok := decl.(*ast.FuncDecl)
		if !ok || fn.Recv != nil || !isTestName(fn.Name.Name) || fn.Type.Params == nil || len(fn.Type.Params.List) != 1 {
			continue
		}
		star, ok := fn.Type.Params.List[0].Type.(*ast.StarExpr)
		if !ok {
			continue
		}
		if sel, ok := star.X.(*ast.SelectorExpr); ok && sel.Sel.Name == "T" && isIdent(sel.X, testing) {
			names = append(names, fn.Name.Name)
		}
	}
	return names
}

func isIdent(e ast.Expr, name string) bool {
	id, ok := e.(*ast.Ident)
	return ok && id.Name == name
}
