package coverage

import (
	"cmp"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"slices"
	"sort"
	"strings"
)

// A Function is the coverage of one function declaration.
type Function struct {
	Name       string  `json:"name"` // "F", "T.M" or "(*T).M"
	File       string  `json:"file"` // the file's name in the profile
	Line       int     `json:"line"` // of the func keyword
	Statements int     `json:"statements"`
	Covered    int     `json:"covered"`
	Percent    float64 `json:"percent"` // of statements, unrounded
	Entered    bool    `json:"entered"` // any block of it ran
	// Path is the file's Path (see Locate); never encoded.
	Path string `json:"-"`
}

// A FunctionReport is the verdict on function coverage: the share of
// functions entered at least once.
type FunctionReport struct {
	Functions int     `json:"functions"`
	Entered   int     `json:"entered"`
	Percent   float64 `json:"percent"` // unrounded; 100 without functions
	Threshold float64 `json:"threshold"`
	Pass      bool    `json:"pass"`
	// Least lists the least-covered functions, worst first, when asked for.
	Least []Function `json:"least,omitempty"`
}

// Functions finds the function declarations with a body in the sources of
// the Go files of p and counts the blocks within each, closures included.
// A function counts when the profile has a block within it, so functions
// left out by exclusions or //coverage:ignore do not. It parses every Go
// file of p, in parallel; files whose source cannot be found or does not
// parse are skipped, with a warning. When no function could be counted
// although p has blocks in Go files, a function gate cannot judge: the
// error says what was missing.
func Functions(p *Profile, src *Sources) ([]Function, []Warning, error) {
	found := make([][]Function, len(p.Files))
	parseErrs := make([]error, len(p.Files))
	read := make([]bool, len(p.Files))
	warnings := eachSource(p, src, "their functions are not counted", func(i int, path string, data []byte) {
		read[i] = true
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, path, data, parser.SkipObjectResolution)
		if err != nil {
			parseErrs[i] = err // a stale profile or a file of another build
			return
		}
		file := p.Files[i]
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			c, n, entered := blocksWithin(file, nodeSpan(fset, fd.Body.Lbrace, fd.Body))
			if n == 0 {
				continue
			}
			found[i] = append(found[i], Function{
				Name:       funcName(fd),
				File:       file.Name,
				Line:       position(fset, fd.Pos()).line,
				Statements: c.Statements,
				Covered:    c.Covered,
				Percent:    c.Percent(),
				Entered:    entered,
				Path:       file.Path,
			})
		}
	})
	var fs []Function
	for _, f := range found {
		fs = append(fs, f...)
	}
	for _, err := range parseErrs {
		if err != nil {
			warnings = append(warnings, warningf(UnparsableSource, "%s; its functions are not counted", firstError(err)))
		}
	}
	if len(fs) > 0 {
		return fs, warnings, nil
	}
	var goFiles, unread, unparsed []string
	for i, f := range p.Files {
		if !strings.HasSuffix(f.Name, ".go") || len(f.Blocks) == 0 {
			continue
		}
		goFiles = append(goFiles, f.Name)
		switch {
		case !read[i]:
			unread = append(unread, f.Name)
		case parseErrs[i] != nil:
			unparsed = append(unparsed, f.Name)
		}
	}
	if len(goFiles) == 0 {
		return nil, warnings, nil
	}
	var why []string
	if len(unread) > 0 {
		why = append(why, fmt.Sprintf("the sources of %d are not found (e.g. %s)", len(unread), unread[0]))
	}
	if len(unparsed) > 0 {
		why = append(why, fmt.Sprintf("%d do not parse (e.g. %s)", len(unparsed), unparsed[0]))
	}
	if len(why) == 0 {
		why = append(why, "no function in their sources holds a block of the profile: were the profiles made from these sources?")
	}
	return nil, warnings, fmt.Errorf("cannot judge function coverage: no function of the %d profiled Go files could be counted: %s", len(goFiles), strings.Join(why, "; "))
}

// firstError returns the first of a parser's errors, which name the file
// and line; the rest follow from it.
func firstError(err error) error {
	var list scanner.ErrorList
	if errors.As(err, &list) && len(list) > 0 {
		return list[0]
	}
	return err
}

// blocksWithin counts the statements of the blocks of f within s, the
// blocks, and reports whether any of them ran.
func blocksWithin(f File, s span) (c Counts, n int, ran bool) {
	first := sort.Search(len(f.Blocks), func(i int) bool { return f.Blocks[i].StartLine >= s.start.line })
	for _, b := range f.Blocks[first:] {
		if b.StartLine > s.end.line {
			break
		}
		if !s.contains(b, f.CountsLines) {
			continue
		}
		n++
		c.Statements += b.NumStmt
		if b.Count > 0 {
			c.Covered += b.NumStmt
			ran = true
		}
	}
	return c, n, ran
}

func funcName(d *ast.FuncDecl) string {
	if d.Recv == nil || len(d.Recv.List) == 0 {
		return d.Name.Name
	}
	t := d.Recv.List[0].Type
	star, ok := t.(*ast.StarExpr)
	if ok {
		t = star.X
	}
	switch x := t.(type) {
	case *ast.IndexExpr:
		t = x.X
	case *ast.IndexListExpr:
		t = x.X
	}
	recv := "?"
	if id, ok := t.(*ast.Ident); ok {
		recv = id.Name
	}
	if star != nil {
		return "(*" + recv + ")." + d.Name.Name
	}
	return recv + "." + d.Name.Name
}

// JudgeFunctions fills r.Functions: the share of functions entered at least
// once against threshold, and the least least-covered functions.
func JudgeFunctions(r *Report, fs []Function, threshold float64, least int) {
	fr := &FunctionReport{Functions: len(fs), Threshold: threshold}
	for _, f := range fs {
		if f.Entered {
			fr.Entered++
		}
	}
	fr.Percent = Counts{Statements: fr.Functions, Covered: fr.Entered}.Percent()
	fr.Pass = fr.Percent >= threshold
	if least > 0 {
		fs = slices.Clone(fs)
		slices.SortFunc(fs, func(a, b Function) int {
			return cmp.Or(
				cmp.Compare(a.Percent, b.Percent),
				cmp.Compare(b.Statements-b.Covered, a.Statements-a.Covered),
				cmp.Compare(a.File, b.File),
				cmp.Compare(a.Line, b.Line),
			)
		})
		fr.Least = fs[:min(least, len(fs))]
	}
	r.Functions = fr
	r.Pass = r.Pass && fr.Pass
}
