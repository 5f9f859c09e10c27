package report

import (
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/testgate/testgate/coverage"
)

// printable returns s with control characters written as Go escapes
// (\x1b, \u202e), so that a file name cannot move the cursor, recolor or
// rewrite a terminal or a log, nor reorder the text around it.
func printable(s string) string {
	if !strings.ContainsFunc(s, unprintable) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if unprintable(r) {
			q := strconv.QuoteRuneToASCII(r)
			b.WriteString(q[1 : len(q)-1])
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// unprintable reports control characters and the format characters
// (bidirectional overrides, zero-width joiners) that change how the text
// around them reads.
func unprintable(r rune) bool {
	return r == unicode.ReplacementChar || unicode.IsControl(r) || unicode.Is(unicode.Cf, r)
}

// printableReport returns a copy of r whose names, from profiles, LCOV
// files and diffs that anyone can write, are printable; the text
// reporters render it.
func printableReport(r *coverage.Report) *coverage.Report {
	c := *r
	c.Packages = printableResults(r.Packages)
	c.Files = printableResults(r.Files)
	c.Excluded = printableExcluded(r.Excluded)
	c.Unmeasured = printableExcluded(r.Unmeasured)
	c.Ignored = slices.Clone(r.Ignored)
	for i := range c.Ignored {
		c.Ignored[i].File = printable(c.Ignored[i].File)
		c.Ignored[i].Reason = printable(c.Ignored[i].Reason)
	}
	c.LineFiles = printableNames(r.LineFiles)
	if r.Functions != nil {
		f := *r.Functions
		f.Least = slices.Clone(f.Least)
		for i := range f.Least {
			fn := &f.Least[i]
			fn.Name, fn.File, fn.Path = printable(fn.Name), printable(fn.File), printable(fn.Path)
		}
		c.Functions = &f
	}
	if r.Diff != nil {
		d := *r.Diff
		d.Base = printable(d.Base)
		d.Uncovered = slices.Clone(d.Uncovered)
		for i := range d.Uncovered {
			d.Uncovered[i].File = printable(d.Uncovered[i].File)
		}
		d.Outside = printableNames(d.Outside)
		if d.Branches != nil {
			b := *d.Branches
			b.Uncovered = slices.Clone(b.Uncovered)
			for i := range b.Uncovered {
				b.Uncovered[i].File = printable(b.Uncovered[i].File)
			}
			d.Branches = &b
		}
		c.Diff = &d
	}
	if r.Baseline != nil {
		b := *r.Baseline
		b.Packages = slices.Clone(b.Packages)
		for i := range b.Packages {
			b.Packages[i].Name = printable(b.Packages[i].Name)
		}
		b.Added, b.Removed = printableNames(b.Added), printableNames(b.Removed)
		c.Baseline = &b
	}
	return &c
}

func printableResults(rs []coverage.Result) []coverage.Result {
	rs = slices.Clone(rs)
	for i := range rs {
		rs[i].Name, rs[i].Path = printable(rs[i].Name), printable(rs[i].Path)
	}
	return rs
}

func printableNames(names []string) []string {
	if names == nil {
		return nil
	}
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = printable(n)
	}
	return out
}

func printableExcluded(ex []coverage.Excluded) []coverage.Excluded {
	if ex == nil {
		return nil
	}
	ex = slices.Clone(ex)
	for i := range ex {
		ex[i].Name, ex[i].Reason = printable(ex[i].Name), printable(ex[i].Reason)
	}
	return ex
}
