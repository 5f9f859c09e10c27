package report

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/testgate/testgate/coverage"
	"github.com/testgate/testgate/internal/render"
)

// This file renders the sections of the later gates (ignore directives,
// LCOV files, functions, changed lines, baseline) that every human-readable
// reporter shows.

// maxListed is how many uncovered line ranges, ignored blocks and the like
// the human-readable reports list; JSON lists all.
const maxListed = 20

// gateClauses are the verdict's clauses on the later gates: always the
// changed lines when judged, the others when they fail.
func gateClauses(r *coverage.Report) []string {
	var cs []string
	if d := r.Diff; d != nil {
		c := fmt.Sprintf("changed lines %s of %d statements", Percent(d.Percent, d.Threshold), d.Statements)
		switch {
		case d.Note != "":
			c += " (threshold not applied)"
		case d.Pass:
			c += " meet the threshold " + thresholdCell(d.Threshold)
		default:
			c += " are below the threshold " + thresholdCell(d.Threshold)
		}
		cs = append(cs, c)
	}
	if f := r.Functions; f != nil && !f.Pass {
		cs = append(cs, fmt.Sprintf("%s of functions entered is below the threshold %s", Percent(f.Percent, f.Threshold), thresholdCell(f.Threshold)))
	}
	if n := len(r.Unmeasured); n > 0 {
		cs = append(cs, fmt.Sprintf("the figures leave out %s that wrote no coverage", render.Plural(n, "package")))
	}
	if b := r.Baseline; b != nil && !b.Pass {
		var fell []string
		if !b.Total.Pass {
			fell = append(fell, "the total")
		}
		if n := countFailing(b.Packages); n > 0 {
			fell = append(fell, render.Plural(n, "package"))
		}
		cs = append(cs, strings.Join(fell, " and ")+" fell below the baseline")
	}
	return cs
}

func countFailing(rs []coverage.BaselineResult) int {
	n := 0
	for _, r := range rs {
		if !r.Pass {
			n++
		}
	}
	return n
}

// linesNote is the warning that some figures count lines, or "".
func linesNote(r *coverage.Report) string {
	if len(r.LineFiles) == 0 {
		return ""
	}
	return fmt.Sprintf("Note: the figures of %s from LCOV count lines, not statements: %s",
		render.Plural(len(r.LineFiles), "file"), strings.Join(limit(r.LineFiles, maxListed), ", "))
}

// limit returns at most most items, the last one saying how many are left.
func limit(items []string, most int) []string {
	if len(items) <= most {
		return items
	}
	return append(items[:most:most], fmt.Sprintf("... and %d more (all are listed with -format=json)", len(items)-most))
}

func ignoredLines(ig []coverage.Ignored) []string {
	lines := make([]string, len(ig))
	for i, g := range ig {
		lines[i] = fmt.Sprintf("%s:%d (%s): %s", g.File, g.Line, render.Plural(g.Statements, "statement"), g.Reason)
		if g.Reason == "" {
			lines[i] = strings.TrimSuffix(lines[i], ": ")
		}
	}
	return limit(lines, maxListed)
}

func ignoredStatements(ig []coverage.Ignored) int {
	n := 0
	for _, g := range ig {
		n += g.Statements
	}
	return n
}

func functionsLine(f *coverage.FunctionReport) string {
	s := fmt.Sprintf("Functions: %d of %d entered, %s", f.Entered, f.Functions, Percent(f.Percent, f.Threshold))
	switch {
	case f.Threshold == 0:
		return s + " (no threshold)"
	case f.Pass:
		return s + ", meets the threshold " + thresholdCell(f.Threshold)
	}
	return s + ", below the threshold " + thresholdCell(f.Threshold)
}

// location is where a function starts, as file:line.
func location(f coverage.Function) string {
	file := f.Path
	if file == "" {
		file = f.File
	}
	return file + ":" + strconv.Itoa(f.Line)
}

func diffLine(d *coverage.DiffReport) string {
	s := fmt.Sprintf("Changed lines since %s (merge base %s): %d of %d statements covered, %s",
		d.Base, shortCommit(d.MergeBase), d.Covered, d.Statements, Percent(d.Percent, d.Threshold))
	switch {
	case d.Note != "":
		return s + "; passes: " + d.Note
	case d.Pass:
		return s + ", meets the threshold " + thresholdCell(d.Threshold)
	}
	return s + ", below the threshold " + thresholdCell(d.Threshold)
}

func shortCommit(c string) string { return c[:min(len(c), 12)] }

func uncoveredLines(d *coverage.DiffReport) []string {
	lines := make([]string, len(d.Uncovered))
	for i, u := range d.Uncovered {
		lines[i] = u.String()
	}
	return limit(lines, maxListed)
}

func baselineLine(b *coverage.BaselineReport) string {
	return fmt.Sprintf("Baseline (tolerance %s points): total %s", strconv.FormatFloat(b.Tolerance, 'f', -1, 64), change(b.Total))
}

// change shows a figure's move since the baseline: "81.2% → 80.1% (-1.1)".
func change(c coverage.BaselineResult) string {
	return fmt.Sprintf("%s → %s (%+.1f)", Percent(c.Baseline, -1), Percent(c.Percent, -1), c.Percent-c.Baseline)
}

func baselineDrops(b *coverage.BaselineReport) []string {
	var lines []string
	for _, p := range b.Packages {
		if !p.Pass {
			lines = append(lines, p.Name+" "+change(p))
		}
	}
	return limit(lines, maxListed)
}

func unmeasuredTitle(r *coverage.Report) string {
	return fmt.Sprintf("Not in the figures: %s whose tests ran but wrote no coverage:", render.Plural(len(r.Unmeasured), "package"))
}

// writeTextSections writes the later gates' sections for a terminal or a
// log: a title line per section and its items indented by indent.
func writeTextSections(w io.Writer, r *coverage.Report, indent string) {
	list := func(title string, items []string) {
		if len(items) == 0 {
			return
		}
		fmt.Fprintln(w, title)
		for _, it := range items {
			fmt.Fprintf(w, "%s%s\n", indent, it)
		}
	}
	if len(r.Unmeasured) > 0 {
		fmt.Fprintln(w)
		list(unmeasuredTitle(r), excludedLines(r.Unmeasured, maxListed))
	}
	if len(r.Ignored) > 0 {
		fmt.Fprintln(w)
		list(fmt.Sprintf("Ignored %s by %s:", render.Plural(ignoredStatements(r.Ignored), "statement"), coverage.IgnoreDirective), ignoredLines(r.Ignored))
	}
	if d := r.Diff; d != nil {
		fmt.Fprintf(w, "\n%s\n", diffLine(d))
		list("Changed lines not covered:", uncoveredLines(d))
		list("Changed Go files without coverage data:", limit(d.Outside, maxListed))
		if summary, uncovered := changedBranchLines(d); summary != "" {
			fmt.Fprintln(w, summary)
			list("Changed branches not covered:", uncovered)
		}
	}
	if b := r.Baseline; b != nil {
		fmt.Fprintf(w, "\n%s\n", baselineLine(b))
		list("Packages below the baseline:", baselineDrops(b))
		list("Packages new since the baseline:", limit(b.Added, maxListed))
		list("Packages gone since the baseline:", limit(b.Removed, maxListed))
	}
}
