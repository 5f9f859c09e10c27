package report

import (
	"fmt"
	"io"
	"strconv"

	"github.com/testgate/testgate/coverage"
	"github.com/testgate/testgate/internal/render"
)

// GitHub writes a GitHub Actions ::error annotation for the total, every
// package and every file below its threshold (files carry file= when their
// Path is known), then the verdict as plain log text. Later gates add an
// annotation per failure: the functions' share, every figure below its
// baseline, and every range of uncovered changed lines with file=, line=
// and endLine= (as ::warning when the changed lines pass), and a ::warning
// per changed branch never taken. A report with metrics gets an
// annotation per metric that misses a limit, naming the metric.
func GitHub(w io.Writer, r *coverage.Report) error {
	r = printableReport(r)
	if note := linesNote(r); note != "" {
		workflowCommand(w, "notice", nil, note)
	}
	if hasMetrics(r) {
		githubMetrics(w, r)
	} else {
		githubStatements(w, r)
	}
	for _, note := range metricNotes(r) {
		fmt.Fprintln(w, note)
	}
	githubSections(w, r)
	_, err := fmt.Fprintln(w, verdict(r))
	return err
}

// githubStatements annotates the units below their statement thresholds.
func githubStatements(w io.Writer, r *coverage.Report) {
	if !r.Total.Pass {
		annotate(w, "", fmt.Sprintf("total coverage %s of %d statements is below the threshold %s",
			Percent(r.Total.Percent, r.Total.Threshold), r.Total.Statements, thresholdCell(r.Total.Threshold)))
	}
	for _, p := range failing(r.Packages) {
		annotate(w, "", fmt.Sprintf("package %s: coverage %s of %d statements is below its threshold %s",
			p.Name, Percent(p.Percent, p.Threshold), p.Statements, thresholdCell(p.Threshold)))
	}
	for _, u := range r.Unmeasured {
		workflowCommand(w, "warning", nil, fmt.Sprintf("package %s is not in the figures: %s", u.Name, u.Reason))
	}
	for _, f := range failing(r.Files) {
		annotate(w, f.Path, fmt.Sprintf("file %s: coverage %s of %d statements is below its threshold %s",
			f.Name, Percent(f.Percent, f.Threshold), f.Statements, thresholdCell(f.Threshold)))
	}
}

// githubMetrics annotates every metric that misses a limit, naming it.
func githubMetrics(w io.Writer, r *coverage.Report) {
	for _, msg := range metricAnnotations("total", "", r.Total) {
		annotate(w, "", msg)
	}
	for _, p := range worstMetricFirst(failed(r.Packages)) {
		for _, msg := range metricAnnotations("package", p.Name, p) {
			annotate(w, "", msg)
		}
	}
	for _, f := range worstMetricFirst(failed(r.Files)) {
		for _, msg := range metricAnnotations("file", f.Name, f) {
			annotate(w, f.Path, msg)
		}
	}
}

func githubSections(w io.Writer, r *coverage.Report) {
	if f := r.Functions; f != nil {
		if !f.Pass {
			annotate(w, "", functionsLine(f))
		}
		for _, fn := range f.Least {
			fmt.Fprintf(w, "least-covered function %s at %s: %d of %d statements, %s\n",
				fn.Name, location(fn), fn.Covered, fn.Statements, Percent(fn.Percent, -1))
		}
	}
	if d := r.Diff; d != nil {
		level := "error"
		if d.Pass {
			level = "warning"
		}
		for _, u := range d.Uncovered {
			props := []render.Prop{{Key: "file", Value: u.File}, {Key: "line", Value: strconv.Itoa(u.Start)}, {Key: "endLine", Value: strconv.Itoa(u.End)}}
			workflowCommand(w, level, props, fmt.Sprintf("changed %s not covered by tests", lineWord(u)))
		}
		for _, name := range d.Outside {
			fmt.Fprintf(w, "changed Go file without coverage data: %s\n", name)
		}
		fmt.Fprintln(w, diffLine(d))
		if b := d.Branches; b != nil {
			for _, u := range b.Uncovered {
				props := []render.Prop{{Key: "file", Value: u.File}, {Key: "line", Value: strconv.Itoa(u.Line)}}
				workflowCommand(w, "warning", props, fmt.Sprintf("changed branch (%s) never taken by tests", u.Kind))
			}
			summary, _ := changedBranchLines(d)
			fmt.Fprintln(w, summary)
		}
	}
	if b := r.Baseline; b != nil {
		if !b.Total.Pass {
			annotate(w, "", "total coverage fell below the baseline: "+change(b.Total))
		}
		for _, p := range b.Packages {
			if !p.Pass {
				annotate(w, "", fmt.Sprintf("package %s: coverage fell below the baseline: %s", p.Name, change(p)))
			}
		}
		fmt.Fprintln(w, baselineLine(b))
		for _, name := range b.Added {
			fmt.Fprintf(w, "package new since the baseline: %s\n", name)
		}
		for _, name := range b.Removed {
			fmt.Fprintf(w, "package gone since the baseline: %s\n", name)
		}
	}
	for _, line := range ignoredLines(r.Ignored) {
		fmt.Fprintf(w, "ignored by %s: %s\n", coverage.IgnoreDirective, line)
	}
}

func lineWord(l coverage.UncoveredLines) string {
	if l.Start == l.End {
		return fmt.Sprintf("line %d is", l.Start)
	}
	return fmt.Sprintf("lines %d-%d are", l.Start, l.End)
}

// annotate writes an ::error annotation, on file when it is not "".
func annotate(w io.Writer, file, msg string) {
	var props []render.Prop
	if file != "" {
		props = append(props, render.Prop{Key: "file", Value: file})
	}
	workflowCommand(w, "error", props, msg)
}

// workflowCommand writes one annotation of level with props, titled
// testgate cover. A failed write shows again in the verdict's, whose error
// GitHub returns.
func workflowCommand(w io.Writer, level string, props []render.Prop, msg string) {
	_ = render.WorkflowCommand(w, level, append(props, render.Prop{Key: "title", Value: "testgate cover"}), msg)
}
