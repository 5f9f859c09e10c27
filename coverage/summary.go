package coverage

import (
	"path"
	"slices"
	"strings"
)

// Counts are the statements of a unit and how many of them ran.
type Counts struct {
	Statements int
	Covered    int
}

// Percent is the share of statements covered, unrounded; a unit without
// statements counts as 100.
func (c Counts) Percent() float64 {
	if c.Statements == 0 {
		return 100
	}
	return float64(c.Covered) * 100 / float64(c.Statements)
}

func (c *Counts) add(d Counts) {
	c.Statements += d.Statements
	c.Covered += d.Covered
}

// A Unit is a named file or package with its counts.
type Unit struct {
	Name string
	Path string // a file's Path (see Locate); "" for packages
	Counts
}

// A Summary holds the coverage of every file and package and the total.
type Summary struct {
	Total    Counts
	Packages []Unit // sorted by Name
	Files    []Unit // sorted by Name
	Excluded []Excluded
	Ignored  []Ignored
	// LineFiles names the files whose figures count lines (from LCOV)
	// rather than statements.
	LineFiles []string
}

// Summarize counts the statements of every block, weighted as go test
// -cover does, per file, per package (the directory of the file's import
// path) and in total.
func Summarize(p *Profile) *Summary {
	s := &Summary{
		Packages: []Unit{},
		Files:    make([]Unit, 0, len(p.Files)),
		Excluded: p.Excluded,
		Ignored:  p.Ignored,
	}
	pkgs := make(map[string]int) // package name → index in s.Packages
	for _, f := range p.Files {
		var c Counts
		for _, b := range f.Blocks {
			c.Statements += b.NumStmt
			if b.Count > 0 {
				c.Covered += b.NumStmt
			}
		}
		s.Files = append(s.Files, Unit{Name: f.Name, Path: f.Path, Counts: c})
		if f.CountsLines {
			s.LineFiles = append(s.LineFiles, f.Name)
		}
		s.Total.add(c)
		pkg := PackageOf(f.Name)
		i, ok := pkgs[pkg]
		if !ok {
			i = len(s.Packages)
			pkgs[pkg] = i
			s.Packages = append(s.Packages, Unit{Name: pkg})
		}
		s.Packages[i].add(c)
	}
	slices.SortFunc(s.Packages, func(a, b Unit) int { return strings.Compare(a.Name, b.Name) })
	return s
}

// PackageOf returns the package of a profile file name: the directory part
// of its import path.
func PackageOf(name string) string {
	return path.Dir(name)
}
