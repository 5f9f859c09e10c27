package report

import (
	"fmt"
	"io"

	"github.com/testgate/testgate/coverage"
	"github.com/testgate/testgate/internal/render"
)

// Markdown writes r as GitHub-flavoured Markdown for a pull-request comment
// or $GITHUB_STEP_SUMMARY: the verdict as a heading, the packages worst
// first, the files below their thresholds and the excluded files folded.
func Markdown(w io.Writer, r *coverage.Report) error {
	r = printableReport(r)
	icon := "✅"
	if !r.Pass {
		icon = "❌"
	}
	fmt.Fprintf(w, "### %s testgate cover\n\n%s\n\n", icon, verdict(r))
	if note := linesNote(r); note != "" {
		fmt.Fprintf(w, "> **%s**\n\n", render.Markdown(note))
	}
	if hasMetrics(r) {
		markdownMetricTable(w, r)
	} else {
		markdownTable(w, "Package", worstFirst(r.Packages))
		if files := failing(r.Files); len(files) > 0 {
			fmt.Fprintf(w, "\n**Files below their thresholds**\n\n")
			markdownTable(w, "File", files)
		}
	}
	if notes := metricNotes(r); len(notes) > 0 {
		fmt.Fprintln(w)
		for _, note := range notes {
			fmt.Fprintf(w, "> %s\n>\n", render.Markdown(note))
		}
	}
	writeMarkdownSections(w, r)
	if len(r.Excluded) > 0 {
		fmt.Fprintf(w, "\n<details><summary>Excluded %s</summary>\n\n", render.Plural(len(r.Excluded), "file"))
		for _, line := range excludedLines(r.Excluded, maxExcluded) {
			fmt.Fprintf(w, "- %s\n", render.Markdown(line))
		}
		fmt.Fprintf(w, "\n</details>\n")
	}
	note := Metric
	if hasMetrics(r) {
		note = MetricsNote
	}
	_, err := fmt.Fprintf(w, "\n<sub>%s</sub>\n", note)
	return err
}

func markdownTable(w io.Writer, kind string, rs []coverage.Result) {
	fmt.Fprintf(w, "| | %s | Statements | Covered | Coverage | Threshold |\n|---|---|--:|--:|--:|--:|\n", kind)
	for _, res := range rs {
		mark := ""
		if !res.Pass {
			mark = "❌"
		}
		fmt.Fprintf(w, "| %s | %s | %d | %d | %s | %s |\n", mark, render.Markdown(res.Name),
			res.Statements, res.Covered, Percent(res.Percent, res.Threshold), thresholdCell(res.Threshold))
	}
}

// writeMarkdownSections writes the later gates' sections: changed lines,
// functions, baseline and ignored blocks.
func writeMarkdownSections(w io.Writer, r *coverage.Report) {
	list := func(title string, items []string) {
		if len(items) == 0 {
			return
		}
		fmt.Fprintf(w, "\n%s\n\n", title)
		for _, it := range items {
			fmt.Fprintf(w, "- %s\n", render.Markdown(it))
		}
	}
	list(unmeasuredTitle(r), excludedLines(r.Unmeasured, maxListed))
	if d := r.Diff; d != nil {
		fmt.Fprintf(w, "\n**%s**\n", render.Markdown(diffLine(d)))
		list("Changed lines not covered:", uncoveredLines(d))
		list("Changed Go files without coverage data:", limit(d.Outside, maxListed))
		if summary, uncovered := changedBranchLines(d); summary != "" {
			fmt.Fprintf(w, "\n%s\n", render.Markdown(summary))
			list("Changed branches not covered:", uncovered)
		}
	}
	if f := r.Functions; f != nil {
		fmt.Fprintf(w, "\n**%s**\n", render.Markdown(functionsLine(f)))
		if len(f.Least) > 0 {
			fmt.Fprintf(w, "\n| Function | Location | Statements | Covered | Coverage |\n|---|---|--:|--:|--:|\n")
			for _, fn := range f.Least {
				fmt.Fprintf(w, "| %s | %s | %d | %d | %s |\n", render.Markdown(fn.Name), render.Markdown(location(fn)),
					fn.Statements, fn.Covered, Percent(fn.Percent, -1))
			}
		}
	}
	if b := r.Baseline; b != nil {
		fmt.Fprintf(w, "\n**%s**\n", render.Markdown(baselineLine(b)))
		list("Packages below the baseline:", baselineDrops(b))
		list("Packages new since the baseline:", limit(b.Added, maxListed))
		list("Packages gone since the baseline:", limit(b.Removed, maxListed))
	}
	if len(r.Ignored) > 0 {
		fmt.Fprintf(w, "\n<details><summary>Ignored %s by %s</summary>\n\n", render.Plural(ignoredStatements(r.Ignored), "statement"), coverage.IgnoreDirective)
		for _, line := range ignoredLines(r.Ignored) {
			fmt.Fprintf(w, "- %s\n", render.Markdown(line))
		}
		fmt.Fprintf(w, "\n</details>\n")
	}
}
