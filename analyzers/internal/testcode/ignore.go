package testcode

import (
	"go/ast"
	"go/token"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/testgate/testgate/analyzers/internal/credential"
)

const ignoreDirective = "//testgate:ignore"

// WithIgnores wraps an analyzer's run function so that its diagnostics obey
// //testgate:ignore directives. The directive names one or more analyzers
// (comma-separated) and must give a reason:
//
//	//testgate:ignore sleep the backend's rate limiter needs real time
//
// It silences the named analyzers on its own line and on the line below.
// A directive without a reason silences nothing and is itself reported, so
// that every suppression carries its why. Wrapping the run function (rather
// than filtering in a driver) makes suppression work the same under
// testgate lint, go vet and golangci-lint.
//
// Directives count in _test.go files only, the only files testgate's
// analyzers report in; anywhere else they would silence nothing. Not
// scanning the other files spares the analyzers with facts, which run on
// every dependency of the packages under analysis, a pass over every
// comment of those packages, once per analyzer.
//
// The wrapper also passes every message through credential.RedactText:
// messages quote source text (a subtest name, a host, an expression), and
// no output of testgate may show a credential whole, in any driver.
func WithIgnores(run func(*analysis.Pass) (any, error)) func(*analysis.Pass) (any, error) {
	return func(pass *analysis.Pass) (any, error) {
		silenced := ignoredLines(pass)
		filtered := *pass
		filtered.Report = func(d analysis.Diagnostic) {
			if silenced[lineOf(pass.Fset, d.Pos)] {
				return
			}
			d.Message = credential.RedactText(d.Message)
			if len(d.SuggestedFixes) > 0 {
				d.SuggestedFixes = slices.Clone(d.SuggestedFixes)
				for i := range d.SuggestedFixes {
					d.SuggestedFixes[i].Message = credential.RedactText(d.SuggestedFixes[i].Message)
				}
			}
			pass.Report(d)
		}
		return run(&filtered)
	}
}

type fileLine struct {
	file string
	line int
}

// lineOf returns the physical line of pos: a directive and the node it
// silences sit in the same file whatever //line directives say.
func lineOf(fset *token.FileSet, pos token.Pos) fileLine {
	p := fset.PositionFor(pos, false)
	return fileLine{p.Filename, p.Line}
}

// ignoredLines returns the lines of test files on which directives silence
// pass's analyzer, and reports the directives for it that lack a reason.
func ignoredLines(pass *analysis.Pass) map[fileLine]bool {
	var silenced map[fileLine]bool
	for _, f := range pass.Files {
		if !IsTestFile(pass, f) {
			continue
		}
		for line := range IgnoredLines(pass, f) {
			if silenced == nil {
				silenced = make(map[fileLine]bool)
			}
			silenced[fileLine{pass.Fset.File(f.FileStart).Name(), line}] = true
		}
	}
	return silenced
}

// IgnoredLines returns the lines of f on which //testgate:ignore directives
// silence pass's analyzer, and reports the directives for it that lack a
// reason. WithIgnores applies it to the test files of pass.Files; an
// analyzer that reports in a file outside them, such as a test file that a
// build constraint excludes, applies it to that file itself.
func IgnoredLines(pass *analysis.Pass, f *ast.File) map[int]bool {
	name := pass.Analyzer.Name
	var silenced map[int]bool
	for _, group := range f.Comments {
		for _, c := range group.List {
			rest, ok := strings.CutPrefix(c.Text, ignoreDirective)
			if !ok || (rest != "" && rest[0] != ' ' && rest[0] != '\t') {
				continue
			}
			fields := strings.Fields(rest)
			if len(fields) == 0 || !slices.Contains(strings.Split(fields[0], ","), name) {
				continue
			}
			if len(fields) == 1 {
				pass.Reportf(c.Pos(), "%s %s has no reason; add why the finding does not apply after the analyzer name", ignoreDirective, fields[0])
				continue
			}
			if silenced == nil {
				silenced = make(map[int]bool)
			}
			line := lineOf(pass.Fset, c.Pos()).line
			silenced[line] = true
			silenced[line+1] = true
		}
	}
	return silenced
}
