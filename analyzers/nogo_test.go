package analyzers_test

import (
	"bytes"
	"encoding/gob"
	"fmt"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
	"golang.org/x/tools/go/types/objectpath"

	"github.com/testgate/testgate/analyzers"
)

// testdataPackages are the packages of each analyzer's testdata that its
// own analysistest test runs on.
var testdataPackages = map[string][]string{
	"testname":  {"names", "subtests"},
	"sleep":     {"a", "testmain"},
	"secret":    {"providers", "named", "pem", "urls", "inline", "hexvectors", "ignore"},
	"cleanup":   {"server", "files", "tempdir", "env", "timers", "ignore"},
	"noassert":  {"a", "b", "helpers"},
	"extcall":   {"extcall", "swapped", "apiclient", "mockhttp"},
	"isolation": {"isolation", "parallel", "envhelp"},
	// Not "ignored": build-excluded test files reach an analyzer only
	// through Pass.IgnoredFiles, which nogo leaves nil.
	"disabled": {"skip", "hidden", "commented"},
}

// TestAnalyzersRunUnderNogo runs each analyzer on its testdata the way
// rules_go's nogo does, and compares the diagnostics with those of
// x/tools' checker (what analysistest asserts). nogo builds a Pass without
// ReadFile, OtherFiles, IgnoredFiles, Module and TypeErrors, and hands
// facts from package to package serialized; an analyzer that relied on
// any of that would panic or go quiet under Bazel.
func TestAnalyzersRunUnderNogo(t *testing.T) {
	if testing.Short() {
		t.Skip("loads the standard library from source for each analyzer")
	}
	for _, a := range analyzers.All() {
		t.Run(a.Name, func(t *testing.T) {
			patterns, ok := testdataPackages[a.Name]
			if !ok {
				t.Fatalf("no testdata packages listed for %s", a.Name)
			}
			pkgs := loadTestdata(t, filepath.Join(a.Name, "testdata"), patterns)
			want := checkerDiagnostics(t, a, pkgs)
			got := nogoDiagnostics(t, a, pkgs)
			if len(want) == 0 {
				t.Fatal("the checker reported nothing: the comparison proves nothing")
			}
			for _, d := range want {
				if !slices.Contains(got, d) {
					t.Errorf("missing under nogo: %s", d)
				}
			}
			for _, d := range got {
				if !slices.Contains(want, d) {
					t.Errorf("only under nogo: %s", d)
				}
			}
		})
	}
}

// loadTestdata loads packages of a GOPATH-style testdata tree as
// analysistest does.
func loadTestdata(t *testing.T, dir string, patterns []string) []*packages.Package {
	t.Helper()
	abs, err := filepath.Abs(dir)
	if err != nil {
		t.Fatal(err)
	}
	cfg := &packages.Config{
		Mode:  packages.LoadAllSyntax | packages.NeedModule,
		Dir:   abs,
		Tests: true,
		Env:   append(os.Environ(), "GOPATH="+abs, "GO111MODULE=off", "GOWORK=off"),
	}
	pkgs, err := packages.Load(cfg, patterns...)
	if err != nil {
		t.Fatal(err)
	}
	if packages.PrintErrors(pkgs) > 0 {
		t.Fatal("testdata has errors")
	}
	return pkgs
}

// checkerDiagnostics returns the diagnostics x/tools' checker reports on
// the root packages, as "file:line:col: message", without repeats (a
// package and its test variant share files).
func checkerDiagnostics(t *testing.T, a *analysis.Analyzer, pkgs []*packages.Package) []string {
	t.Helper()
	graph, err := checker.Analyze([]*analysis.Analyzer{a}, pkgs, nil)
	if err != nil {
		t.Fatal(err)
	}
	var diags []string
	for act := range graph.All() {
		if !act.IsRoot {
			continue
		}
		if act.Err != nil {
			t.Fatalf("%s: %v", act, act.Err)
		}
		for _, d := range act.Diagnostics {
			diags = addDiagnostic(diags, act.Package.Fset, d)
		}
	}
	return diags
}

func addDiagnostic(diags []string, fset *token.FileSet, d analysis.Diagnostic) []string {
	s := fmt.Sprintf("%s: %s", fset.Position(d.Pos), d.Message)
	if slices.Contains(diags, s) {
		return diags
	}
	return append(diags, s)
}

// nogoDiagnostics runs a, and what it requires, on every package of the
// graph in dependency order, as nogo runs it on each Go target of a build,
// and returns the diagnostics on the root packages.
func nogoDiagnostics(t *testing.T, a *analysis.Analyzer, roots []*packages.Package) []string {
	t.Helper()
	d := &nogoDriver{facts: make(map[factKey][]byte), results: make(map[resultKey]any)}
	for _, f := range a.FactTypes {
		gob.Register(f)
	}
	isRoot := make(map[*packages.Package]bool)
	for _, p := range roots {
		isRoot[p] = true
	}
	var diags []string
	var err error
	packages.Visit(roots, nil, func(p *packages.Package) {
		if err != nil || (len(a.FactTypes) == 0 && !isRoot[p]) {
			return // the checker, like nogo's facts-only runs, needs no other package
		}
		var reported []analysis.Diagnostic
		if _, err = d.run(a, p, &reported); err != nil {
			return
		}
		if isRoot[p] {
			for _, diag := range reported {
				diags = addDiagnostic(diags, p.Fset, diag)
			}
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	return diags
}

// A nogoDriver keeps what nogo keeps between packages: the facts, as
// bytes, and, within one package, the results of required analyzers.
type nogoDriver struct {
	facts   map[factKey][]byte
	results map[resultKey]any
}

// A factKey names a fact as it travels between build actions: by the
// package's path, the object's path within it ("" for a package fact)
// and the fact's type.
type factKey struct {
	pkg, obj string
	typ      reflect.Type
}

type resultKey struct {
	a   *analysis.Analyzer
	pkg *packages.Package
}

// run runs a on p with a Pass built as nogo builds it; diagnostics of a
// itself go to reported.
func (d *nogoDriver) run(a *analysis.Analyzer, p *packages.Package, reported *[]analysis.Diagnostic) (any, error) {
	if res, ok := d.results[resultKey{a, p}]; ok {
		return res, nil
	}
	resultOf := make(map[*analysis.Analyzer]any)
	for _, req := range a.Requires {
		res, err := d.run(req, p, nil)
		if err != nil {
			return nil, err
		}
		resultOf[req] = res
	}
	pass := &analysis.Pass{
		Analyzer:   a,
		Fset:       p.Fset,
		Files:      p.Syntax,
		Pkg:        p.Types,
		TypesInfo:  p.TypesInfo,
		TypesSizes: p.TypesSizes,
		ResultOf:   resultOf,
		// ReadFile, OtherFiles, IgnoredFiles, Module and TypeErrors stay
		// nil, as nogo leaves them.
		Report: func(diag analysis.Diagnostic) {
			if reported != nil {
				*reported = append(*reported, diag)
			}
		},
		ImportObjectFact: func(obj types.Object, fact analysis.Fact) bool {
			path, err := objectpath.For(obj)
			return err == nil && obj.Pkg() != nil && d.importFact(factKey{obj.Pkg().Path(), string(path), reflect.TypeOf(fact)}, fact)
		},
		ExportObjectFact: func(obj types.Object, fact analysis.Fact) {
			if obj.Pkg() != p.Types {
				panic(fmt.Sprintf("%s exports a fact about %s of another package", a.Name, obj))
			}
			if path, err := objectpath.For(obj); err == nil {
				d.exportFact(factKey{p.PkgPath, string(path), reflect.TypeOf(fact)}, fact)
			}
		},
		ImportPackageFact: func(pkg *types.Package, fact analysis.Fact) bool {
			return d.importFact(factKey{pkg.Path(), "", reflect.TypeOf(fact)}, fact)
		},
		ExportPackageFact: func(fact analysis.Fact) {
			d.exportFact(factKey{p.PkgPath, "", reflect.TypeOf(fact)}, fact)
		},
		AllObjectFacts:  func() []analysis.ObjectFact { return nil },
		AllPackageFacts: func() []analysis.PackageFact { return nil },
	}
	if len(p.Errors) > 0 && !a.RunDespiteErrors {
		return nil, nil // nogo skips analyzers on ill-typed packages
	}
	res, err := a.Run(pass)
	if err != nil {
		return nil, fmt.Errorf("%s on %s: %w", a.Name, p.ID, err)
	}
	d.results[resultKey{a, p}] = res
	return res, nil
}

func (d *nogoDriver) exportFact(key factKey, fact analysis.Fact) {
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(fact); err != nil {
		panic(fmt.Sprintf("encoding fact %T: %v", fact, err))
	}
	d.facts[key] = buf.Bytes()
}

// importFact decodes a fact from its bytes each time, as a build action
// reads it from its dependencies' fact files.
func (d *nogoDriver) importFact(key factKey, fact analysis.Fact) bool {
	data, ok := d.facts[key]
	if !ok {
		return false
	}
	if err := gob.NewDecoder(bytes.NewReader(data)).Decode(fact); err != nil {
		panic(fmt.Sprintf("decoding fact %T: %v", fact, err))
	}
	return true
}
