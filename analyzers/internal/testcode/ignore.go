package testcode

import (
	"fmt"
	"go/ast"
	"go/token"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/testgate/testgate/analyzers/internal/credential"
)

const (
	ignoreDirective     = "//testgate:ignore"
	fileIgnoreDirective = "//testgate:file-ignore"
)

// Names lists the analyzers of testgate's suite, in its order: the names
// a directive may give. (The analyzers package checks it against the
// suite; this package cannot import the analyzers.)
var Names = []string{"testname", "sleep", "secret", "cleanup", "noassert", "extcall", "isolation", "disabled"}

// WithIgnores wraps an analyzer's run function so that its diagnostics
// skip generated files and obey suppression directives. A directive names
// one or more analyzers (comma-separated) and must give a reason:
//
//	//testgate:ignore sleep the backend's rate limiter needs real time
//	//testgate:file-ignore secret recorded fixtures of a fake provider
//
// The first form silences the named analyzers on its own line and on the
// line below (and on every line of a string literal that starts on either),
// the second in its whole file. A directive without a reason
// silences nothing and is itself reported, so that every suppression
// carries its why; so is one that silenced nothing in its analyzer's run,
// which would hide the next real finding there, and a name that is not an
// analyzer's (reported by the analyzer whose name is closest, once).
// Wrapping the run function (rather than filtering in a driver) makes
// generated files and suppression work the same under testgate lint, go
// vet, golangci-lint and nogo.
//
// Generated files (// Code generated ... DO NOT EDIT.) are the generator's
// to fix: no analyzer reports in them.
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
		ds := directivesOf(pass)
		generated := make(map[*token.File]bool)
		filtered := *pass
		filtered.Report = func(d analysis.Diagnostic) {
			tf := pass.Fset.File(d.Pos)
			if tf == nil {
				report(pass, d)
				return
			}
			gen, seen := generated[tf]
			if !seen {
				if f := FileOf(pass, d.Pos); f != nil {
					gen = ast.IsGenerated(f)
				}
				generated[tf] = gen
			}
			if gen || (len(ds) > 0 && ds.silence(pass.Fset.PositionFor(d.Pos, false))) {
				return
			}
			report(pass, d)
		}
		result, err := run(&filtered)
		if err == nil {
			for _, d := range ds {
				if !d.used {
					reportf(pass, d.pos, "%s %s silences no %s finding %s; remove the directive or correct its analyzer name or place", d.form, d.names, pass.Analyzer.Name, d.scope())
				}
			}
		}
		return result, err
	}
}

// report reports d with its messages redacted.
func report(pass *analysis.Pass, d analysis.Diagnostic) {
	d.Message = credential.RedactText(d.Message)
	if len(d.SuggestedFixes) > 0 {
		d.SuggestedFixes = slices.Clone(d.SuggestedFixes)
		for i := range d.SuggestedFixes {
			d.SuggestedFixes[i].Message = credential.RedactText(d.SuggestedFixes[i].Message)
		}
	}
	pass.Report(d)
}

// reportf reports a directive's own problem, which quotes what the
// directive says, redacted like every message.
func reportf(pass *analysis.Pass, pos token.Pos, format string, args ...any) {
	report(pass, analysis.Diagnostic{Pos: pos, Message: fmt.Sprintf(format, args...)})
}

// A directive is one that names the pass's analyzer and gives a reason.
type directive struct {
	pos   token.Pos
	form  string // ignoreDirective or fileIgnoreDirective
	names string // as written
	file  string
	line  int // of the directive; 0 for a file-level one
	// through is the last line of a multi-line string literal that
	// starts on the directive's line or the next, which it covers too.
	through int
	used    bool
}

func (d *directive) scope() string {
	if d.line == 0 {
		return "in this file"
	}
	return "on its line or the next"
}

type directives []*directive

// silence reports whether a directive silences a diagnostic at pos, and
// marks the directives that do as used.
func (ds directives) silence(pos token.Position) bool {
	silenced := false
	for _, d := range ds {
		if d.file == pos.Filename && (d.line == 0 || d.line == pos.Line || d.line+1 == pos.Line || (d.line < pos.Line && pos.Line <= d.through)) {
			d.used = true
			silenced = true
		}
	}
	return silenced
}

// directivesOf returns the directives of pass's test files that name its
// analyzer with a reason. It reports those that name it without a reason,
// and the names in any that no analyzer has, when pass's analyzer is the
// one whose name is closest.
func directivesOf(pass *analysis.Pass) directives {
	var ds directives
	for _, f := range pass.Files {
		if IsTestFile(pass, f) {
			ds = append(ds, fileDirectives(pass, f)...)
		}
	}
	return ds
}

// IgnoredAt reports whether a directive in f silences pass's analyzer at
// pos. WithIgnores applies the directives of the test files of pass.Files
// itself; an analyzer that reports in a file outside them, such as a test
// file that a build constraint excludes, asks this for that file.
func IgnoredAt(pass *analysis.Pass, f *ast.File, pos token.Pos) bool {
	return fileDirectives(pass, f).silence(pass.Fset.PositionFor(pos, false))
}

// fileDirectives returns f's directives for pass's analyzer, reporting the
// faulty ones as directivesOf says. Positions are physical: a directive
// and the node it silences sit in the same file whatever //line
// directives say.
func fileDirectives(pass *analysis.Pass, f *ast.File) directives {
	name := pass.Analyzer.Name
	var ds directives
	for _, group := range f.Comments {
		for _, c := range group.List {
			form, rest, ok := cutDirective(c.Text)
			if !ok {
				continue
			}
			fields := strings.Fields(rest)
			if len(fields) == 0 {
				continue
			}
			listed := strings.Split(fields[0], ",")
			for _, n := range listed {
				if n != name && !slices.Contains(Names, n) && closest(n) == name {
					reportf(pass, c.Pos(), "%s names %q, which is no testgate analyzer (did you mean %s?); testgate has %s", form, n, name, strings.Join(Names, ", "))
				}
			}
			if !slices.Contains(listed, name) {
				continue
			}
			if len(fields) == 1 {
				reportf(pass, c.Pos(), "%s %s has no reason; add why the finding does not apply after the analyzer name", form, fields[0])
				continue
			}
			at := pass.Fset.PositionFor(c.Pos(), false)
			d := &directive{pos: c.Pos(), form: form, names: fields[0], file: at.Filename, line: at.Line}
			if form == fileIgnoreDirective {
				d.line = 0
			}
			if d.line > 0 {
				d.through = literalEnd(pass.Fset, f, d.line)
			}
			ds = append(ds, d)
		}
	}
	return ds
}

// cutDirective returns the form of a suppression directive comment and
// what follows it.
func cutDirective(text string) (form, rest string, ok bool) {
	for _, form := range []string{ignoreDirective, fileIgnoreDirective} {
		rest, ok := strings.CutPrefix(text, form)
		if ok && (rest == "" || rest[0] == ' ' || rest[0] == '\t') {
			return form, rest, true
		}
	}
	return "", "", false
}

// closest returns the analyzer of the suite whose name is closest to
// name, the first in suite order among equals: the one that reports name.
func closest(name string) string {
	best, bestDist := "", -1
	for _, n := range Names {
		if d := editDistance(name, n); bestDist < 0 || d < bestDist {
			best, bestDist = n, d
		}
	}
	return best
}

// editDistance is the Levenshtein distance between a and b.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// literalEnd returns the last line of the multi-line string literal (or
// constant concatenation) that starts on line or the line below it, or 0,
// so that a directive above a multi-line literal covers what is reported
// inside it.
func literalEnd(fset *token.FileSet, f *ast.File, line int) int {
	end := 0
	ast.Inspect(f, func(n ast.Node) bool {
		if n == nil || end > 0 {
			return false
		}
		start, last := fset.PositionFor(n.Pos(), false).Line, fset.PositionFor(n.End(), false).Line
		if last < line || start > line+1 {
			return false
		}
		lit, isLit := n.(*ast.BasicLit)
		bin, isBin := n.(*ast.BinaryExpr)
		if (isLit && lit.Kind == token.STRING || isBin && bin.Op == token.ADD) && start >= line && last > start {
			end = last
			return false
		}
		return true
	})
	return end
}
