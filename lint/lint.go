// Package lint runs testgate's analyzers on packages, as testgate lint and
// testgate check do, and writes their findings as text, SARIF 2.1.0,
// GitHub Actions annotations or a Markdown table.
//
// Only the packages named are parsed and type-checked from source; their
// dependencies come from the compiler's export data, as in go vet. Facts
// therefore flow between the packages named (./... names the whole
// module), not from the standard library or other modules: the analyzers
// treat a helper they know nothing about as the safe case (it may fail the
// test, it does not dial), and loading every dependency from source would
// cost four times as much.
package lint

import (
	"cmp"
	"fmt"
	"go/token"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// Options say which analyzers run on which packages.
type Options struct {
	Analyzers []*analysis.Analyzer
	Patterns  []string // package patterns, as go list takes them
	Tests     bool     // analyze the packages' test variants too
	// BuildFlags are passed to go list, e.g. -tags, so that the analyzers
	// see the files the tests are built from.
	BuildFlags []string
	// Dir is where the patterns are resolved; "" is the current directory.
	Dir string
}

// A Finding is one diagnostic at its resolved position.
type Finding struct {
	Analyzer string
	Posn     token.Position
	End      token.Position // invalid when the analyzer gave no end
	Message  string
}

// A Result is what one run of the analyzers produced.
type Result struct {
	Findings       []Finding // de-duplicated, sorted by position
	Problems       []string  // package errors and analyzer failures, as text
	AnalyzerFailed bool
	// Graph is the checker's result, which prints the multichecker's JSON.
	Graph *checker.Graph
}

// Run loads the packages matching opts.Patterns and runs the analyzers on
// them. A file that belongs to a package and to its test variant is
// analyzed twice; its findings are reported once. An error means nothing
// could be analyzed; packages that fail to load are Problems.
func Run(opts Options) (*Result, error) {
	mode := packages.LoadSyntax | packages.NeedModule
	cfg := &packages.Config{Mode: mode, Tests: opts.Tests, BuildFlags: opts.BuildFlags, Dir: opts.Dir}
	pkgs, err := packages.Load(cfg, opts.Patterns...)
	if err != nil {
		return nil, fmt.Errorf("loading %s: %w", strings.Join(opts.Patterns, " "), err)
	}
	if len(pkgs) == 0 {
		return nil, fmt.Errorf("%s matched no packages", strings.Join(opts.Patterns, " "))
	}
	res := &Result{Problems: loadErrors(pkgs)}
	keepRootImports(pkgs)
	graph, err := checker.Analyze(opts.Analyzers, pkgs, nil)
	if err != nil {
		return nil, fmt.Errorf("analyzing: %w", err)
	}
	res.Graph = graph
	seen := make(map[Finding]bool)
	for act := range graph.All() {
		if act.Err != nil && (act.Package.IllTyped || strings.HasPrefix(act.Err.Error(), "failed prerequisites")) {
			continue // the load errors, reported once each, are the cause
		}
		if act.Err != nil {
			res.AnalyzerFailed = true
			res.Problems = append(res.Problems, fmt.Sprintf("%s: %v", act.Analyzer.Name, act.Err))
			continue
		}
		if !act.IsRoot {
			continue
		}
		for _, d := range act.Diagnostics {
			f := Finding{act.Analyzer.Name, act.Package.Fset.Position(d.Pos), act.Package.Fset.Position(d.End), d.Message}
			if !seen[f] {
				seen[f] = true
				res.Findings = append(res.Findings, f)
			}
		}
	}
	slices.SortFunc(res.Findings, func(a, b Finding) int {
		return cmp.Or(
			cmp.Compare(a.Posn.Filename, b.Posn.Filename),
			cmp.Compare(a.Posn.Offset, b.Posn.Offset),
			cmp.Compare(a.Analyzer, b.Analyzer),
			cmp.Compare(a.Message, b.Message),
		)
	})
	return res, nil
}

// Exit codes of a multichecker, which testgate lint keeps in every format.
const (
	ExitError    = 1 // a package did not load or an analyzer failed
	ExitReported = 3 // the analyzers reported something
)

// ExitCode returns the multichecker's exit status for the run: analyzer
// failures outrank reports, and reports outrank load errors.
func (r *Result) ExitCode() int {
	switch {
	case r.AnalyzerFailed:
		return ExitError
	case len(r.Findings) > 0:
		return ExitReported
	case len(r.Problems) > 0:
		return ExitError
	}
	return 0
}

// Failed reports whether the run found anything: a finding, a package
// that did not load or an analyzer that failed.
func (r *Result) Failed() bool {
	return len(r.Findings) > 0 || len(r.Problems) > 0 || r.AnalyzerFailed
}

// loadErrors returns the errors of pkgs and their dependencies, one line
// each and each once: a package and its test variant share most, and go
// list's compiler output ("# pkg" and the compiler's lines) repeats the
// parse and type errors that the package has as well.
func loadErrors(pkgs []*packages.Package) []string {
	var lines []string
	seen := make(map[string]bool)
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		typed := slices.ContainsFunc(p.Errors, func(e packages.Error) bool { return e.Kind != packages.ListError })
		for _, e := range p.Errors {
			if typed && e.Kind == packages.ListError {
				continue
			}
			text := e.Msg
			if e.Pos != "" && e.Pos != "-" {
				text = e.Pos + ": " + e.Msg
			}
			for line := range strings.Lines(text) {
				line = strings.TrimSpace(line)
				if line != "" && !strings.HasPrefix(line, "# ") && !seen[line] {
					seen[line] = true
					lines = append(lines, line)
				}
			}
		}
	})
	return lines
}

// keepRootImports drops from each package's Imports the dependencies that
// were loaded from export data (placeholders without syntax or types), so
// that the checker runs fact-using analyzers only on packages it has
// source for, in dependency order.
//
// The checker builds an action for every package reachable through
// Imports and, for an analyzer that uses facts, runs it on each; on a
// placeholder it would fail for want of types. TestCheckerFollowsImports
// pins that behaviour, on which this rests.
func keepRootImports(roots []*packages.Package) {
	loaded := make(map[*packages.Package]bool, len(roots))
	for _, p := range roots {
		loaded[p] = true
	}
	for _, p := range roots {
		for path, imp := range p.Imports {
			if !loaded[imp] {
				delete(p.Imports, path)
			}
		}
	}
}
