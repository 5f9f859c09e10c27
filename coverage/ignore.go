package coverage

import (
	"bytes"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"slices"
	"strings"
)

// IgnoreDirective is the comment that leaves a function or block out of the
// figures: "//coverage:ignore reason" on the line that opens it.
const IgnoreDirective = "//coverage:ignore"

// An Ignored is a function or block left out of the figures by an
// IgnoreDirective.
type Ignored struct {
	File       string `json:"file"` // the file's name in the profile
	Line       int    `json:"line"`
	Statements int    `json:"statements"` // left out, nested directives not counted twice
	Reason     string `json:"reason"`
}

// ExcludeIgnored drops the blocks of every function or block whose opening
// line carries an [IgnoreDirective], and records each directive in
// [Profile.Ignored]. It reads the source of every Go file but parses only
// the files that contain the directive. A directive that opens nothing, or
// that gives no reason when requireReason is set, is an error naming the
// file and line; so are sources that do not parse. Files whose source
// cannot be found keep all their blocks, with one warning.
func ExcludeIgnored(p *Profile, src *Sources, requireReason bool) (*Profile, error) {
	type found struct {
		ignored []Ignored
		spans   []span
		errs    []error
	}
	results := make([]found, len(p.Files))
	warnings := eachSource(p, src, "//coverage:ignore directives in them are not applied", func(i int, path string, data []byte) {
		if !bytes.Contains(data, []byte(IgnoreDirective)) {
			return
		}
		r := &results[i]
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, path, data, parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			r.errs = append(r.errs, fmt.Errorf("reading %s directives: %w", IgnoreDirective, err))
			return
		}
		openers := blockOpeners(fset, f)
		for _, d := range directives(fset, f) {
			where := fmt.Sprintf("%s:%d", displayPath(src, p.Files[i].Name, path), d.line)
			s, ok := openers[d.line]
			switch {
			case !ok:
				r.errs = append(r.errs, fmt.Errorf("%s: %s is not on a line that opens a function or block: put it after the opening {", where, IgnoreDirective))
			case d.reason == "" && requireReason:
				r.errs = append(r.errs, fmt.Errorf("%s: %s has no reason: say why the code needs no test, e.g. %s unreachable: the caller validated x (or set coverage.ignore.require-reason: false)", where, IgnoreDirective, IgnoreDirective))
			default:
				r.ignored = append(r.ignored, Ignored{File: p.Files[i].Name, Line: d.line, Reason: d.reason})
				r.spans = append(r.spans, s)
			}
		}
	})

	var errs []error
	for _, r := range results {
		errs = append(errs, r.errs...)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	out := &Profile{
		Mode:     p.Mode,
		Files:    slices.Clone(p.Files),
		Excluded: slices.Clone(p.Excluded),
		Ignored:  slices.Clone(p.Ignored),
		Warnings: slices.Clone(p.Warnings),
	}
	for i, r := range results {
		if len(r.ignored) == 0 {
			continue
		}
		f := &out.Files[i]
		f.Blocks = slices.Clone(f.Blocks)
		for j, s := range r.spans {
			f.Blocks = slices.DeleteFunc(f.Blocks, func(b Block) bool {
				if s.contains(b, f.CountsLines) {
					r.ignored[j].Statements += b.NumStmt
					return true
				}
				return false
			})
		}
		out.Ignored = append(out.Ignored, r.ignored...)
	}
	out.Warnings = append(out.Warnings, warnings...)
	return out, nil
}

type directive struct {
	line   int
	reason string
}

// directives returns the IgnoreDirective comments of f.
func directives(fset *token.FileSet, f *ast.File) []directive {
	var ds []directive
	for _, g := range f.Comments {
		for _, c := range g.List {
			rest, ok := strings.CutPrefix(c.Text, IgnoreDirective)
			if !ok || rest != "" && rest[0] != ' ' && rest[0] != '\t' {
				continue // e.g. //coverage:ignored, another word
			}
			ds = append(ds, directive{position(fset, c.Slash).line, strings.TrimSpace(rest)})
		}
	}
	return ds
}

// blockOpeners maps each line that opens a block (a function body, the
// body of a statement, a case clause) to that block. Of several blocks
// opened on one line it takes the outermost one still open at the line's
// end, so that in "if err := f(func() {}); err != nil {" the if's body
// wins; else the outermost one.
func blockOpeners(fset *token.FileSet, f *ast.File) map[int]span {
	byLine := make(map[int][]span) // in preorder: outermost first
	add := func(open token.Pos, n ast.Node) {
		s := nodeSpan(fset, open, n)
		byLine[s.start.line] = append(byLine[s.start.line], s)
	}
	ast.Inspect(f, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.BlockStmt:
			add(n.Lbrace, n)
		case *ast.CaseClause:
			add(n.Colon, n)
		case *ast.CommClause:
			add(n.Colon, n)
		}
		return true
	})
	openers := make(map[int]span, len(byLine))
	for line, spans := range byLine {
		i := slices.IndexFunc(spans, func(s span) bool { return s.end.line > line })
		openers[line] = spans[max(i, 0)]
	}
	return openers
}

// displayPath names a source file for a message: relative to the working
// directory when possible.
func displayPath(src *Sources, name, path string) string {
	if rel, ok := src.Rel(name); ok {
		return rel
	}
	return path
}
