package report

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/tw"

	"github.com/testgate/testgate/coverage"
	"github.com/testgate/testgate/internal/render"
)

// This file renders the four metrics of a report that JudgeMetrics judged:
// one row per unit, one column per metric, as Istanbul's text table.

// MetricsNote says which numbers a report with metrics shows.
const MetricsNote = "Statements as go test -cover counts them; branches, functions and lines as the coverage package defines them (go doc github.com/testgate/testgate/coverage)"

// metricHeaders are the column titles of the metrics.
var metricHeaders = map[coverage.Metric]string{
	coverage.StatementMetric: "% Stmts",
	coverage.BranchMetric:    "% Branch",
	coverage.FunctionMetric:  "% Funcs",
	coverage.LineMetric:      "% Lines",
}

// singular names one item of each metric.
var singular = map[coverage.Metric]string{
	coverage.StatementMetric: "statement",
	coverage.BranchMetric:    "branch",
	coverage.FunctionMetric:  "function",
	coverage.LineMetric:      "line",
}

// hasMetrics reports whether r's units carry the four metrics.
func hasMetrics(r *coverage.Report) bool { return r.Total.Metrics != nil }

// metricRows returns the rows of the metrics table: the total, the
// packages worst first, then the files (all of them when r.ListFiles,
// else those failing), worst first.
func metricRows(r *coverage.Report) (rows []coverage.Result, kinds []string) {
	total := r.Total
	total.Name = "All files"
	rows = append(rows, total)
	kinds = append(kinds, "total")
	for _, p := range worstMetricFirst(r.Packages) {
		rows, kinds = append(rows, p), append(kinds, "package")
	}
	files := r.Files
	if !r.ListFiles {
		files = failed(files)
	}
	for _, f := range worstMetricFirst(files) {
		rows, kinds = append(rows, f), append(kinds, "file")
	}
	return rows, kinds
}

// worstMetricFirst orders units failing first, each by the figure of its
// first failing metric (else its statements), rising, then by name.
func worstMetricFirst(rs []coverage.Result) []coverage.Result {
	key := func(r coverage.Result) float64 {
		for _, m := range coverage.AllMetrics() {
			if mr := r.Metrics.Get(m); mr != nil && !mr.Pass {
				return mr.Percent
			}
		}
		return r.Percent
	}
	return worstFirstBy(rs, key)
}

// metricCell shows one metric of a unit: its figure with one decimal (or
// as many as the verdict needs), and what it misses when it fails.
func metricCell(mr *coverage.MetricResult) string {
	if mr == nil {
		return "n/a"
	}
	threshold := -1.0
	if mr.Threshold != nil {
		threshold = *mr.Threshold
	}
	s := strings.TrimSuffix(Percent(mr.Percent, threshold), "%")
	switch mr.Failure() {
	case "below":
		s += " < " + strings.TrimSuffix(thresholdCell(threshold), "%")
	case "too many uncovered":
		s += fmt.Sprintf(" (%d uncovered > %d)", mr.Uncovered(), *mr.MaxUncovered)
	}
	return s
}

// metricTable writes the metrics table for a terminal.
func metricTable(w io.Writer, r *coverage.Report) error {
	metrics := r.ShownMetrics()
	align := []tw.Align{tw.AlignLeft, tw.AlignLeft}
	header := []any{"", "File"}
	for _, m := range metrics {
		align = append(align, tw.AlignRight)
		header = append(header, metricHeaders[m])
	}
	t := tablewriter.NewTable(w, tablewriter.WithConfig(tablewriter.Config{
		// As written: the header's usual upper-casing would mangle "% Stmts".
		Header: tw.CellConfig{Alignment: tw.CellAlignment{PerColumn: align}, Formatting: tw.CellFormatting{AutoFormat: tw.Off}},
		Row: tw.CellConfig{
			Alignment:  tw.CellAlignment{PerColumn: align},
			Formatting: tw.CellFormatting{AutoWrap: tw.WrapNone},
		},
	}))
	t.Header(header...)
	rows, _ := metricRows(r)
	for _, res := range rows {
		if err := t.Append(metricRow(res, metrics, "✗")); err != nil {
			return err
		}
	}
	return t.Render()
}

func metricRow(res coverage.Result, metrics []coverage.Metric, mark string) []string {
	if res.Pass {
		mark = ""
	}
	row := []string{mark, res.Name}
	for _, m := range metrics {
		row = append(row, metricCell(res.Metrics.Get(m)))
	}
	return row
}

// markdownMetricTable writes the metrics table in Markdown.
func markdownMetricTable(w io.Writer, r *coverage.Report) {
	metrics := r.ShownMetrics()
	fmt.Fprint(w, "| | File |")
	for _, m := range metrics {
		fmt.Fprintf(w, " %s |", metricHeaders[m])
	}
	fmt.Fprintf(w, "\n|---|---|%s\n", strings.Repeat("--:|", len(metrics)))
	rows, _ := metricRows(r)
	for _, res := range rows {
		cells := metricRow(res, metrics, "❌")
		for i, c := range cells {
			cells[i] = render.Markdown(c)
		}
		fmt.Fprintf(w, "| %s |\n", strings.Join(cells, " | "))
	}
}

// metricNotes are the lines under a metrics table: why a metric shows n/a,
// how lines were counted, what -skip-error-returns set aside.
func metricNotes(r *coverage.Report) []string {
	var notes []string
	if hasMetrics(r) {
		for _, m := range r.ShownMetrics() {
			if why := r.Total.Metrics.Reasons[m.String()]; why != "" {
				notes = append(notes, fmt.Sprintf("%s: n/a: %s", capitalize(m.String()), why))
			}
		}
		if rules := r.Measured.LineRules; len(rules) > 0 {
			var parts []string
			for _, rule := range []string{coverage.LinesFromStatements, coverage.LinesFromBlocks, coverage.LinesFromLCOV} {
				if n := rules[rule]; n > 0 {
					parts = append(parts, fmt.Sprintf("%s: %s", render.Plural(n, "file"), rule))
				}
			}
			notes = append(notes, "Lines: "+strings.Join(parts, "; "))
		}
	}
	if e := r.ErrorReturns; e != nil {
		notes = append(notes, fmt.Sprintf("Set aside %s in %s that only return an error (-skip-error-returns)",
			render.Plural(e.Statements, "statement"), render.Plural(e.Blocks, "block")))
	}
	return notes
}

func capitalize(s string) string { return strings.ToUpper(s[:1]) + s[1:] }

// metricClauses are the verdict's clauses on the total's metrics besides
// its statement threshold: every metric that misses a limit.
func metricClauses(r *coverage.Report) []string {
	if !hasMetrics(r) {
		return nil
	}
	var cs []string
	for _, m := range coverage.AllMetrics() {
		mr := r.Total.Metrics.Get(m)
		if mr == nil {
			continue
		}
		switch mr.Failure() {
		case "below":
			if m != coverage.StatementMetric { // the statements' clause says it
				cs = append(cs, fmt.Sprintf("%s %s of %s is below the threshold %s", m, Percent(mr.Percent, *mr.Threshold), pluralMetric(mr.Total, m), thresholdCell(*mr.Threshold)))
			}
		case "too many uncovered":
			cs = append(cs, fmt.Sprintf("%s uncovered exceed the limit of %d", pluralMetric(mr.Uncovered(), m), *mr.MaxUncovered))
		}
	}
	return cs
}

func pluralMetric(n int, m coverage.Metric) string {
	if n == 1 {
		return "1 " + singular[m]
	}
	return strconv.Itoa(n) + " " + m.String()
}

// metricAnnotations are the GitHub annotations of a unit's failing
// metrics: what, whose, the figure and the limit it misses.
func metricAnnotations(kind, name string, res coverage.Result) []string {
	var msgs []string
	who := kind + " " + name + ": "
	if kind == "total" {
		who = "total "
	}
	for _, m := range coverage.AllMetrics() {
		mr := res.Metrics.Get(m)
		if mr == nil {
			continue
		}
		switch mr.Failure() {
		case "below":
			msgs = append(msgs, fmt.Sprintf("%s%s coverage %s of %s is below the threshold %s",
				who, singular[m], Percent(mr.Percent, *mr.Threshold), pluralMetric(mr.Total, m), thresholdCell(*mr.Threshold)))
		case "too many uncovered":
			msgs = append(msgs, fmt.Sprintf("%s%s uncovered exceed the limit of %d",
				who, pluralMetric(mr.Uncovered(), m), *mr.MaxUncovered))
		}
	}
	return msgs
}

// changedBranchLines are the lines about changed branches.
func changedBranchLines(d *coverage.DiffReport) (summary string, uncovered []string) {
	b := d.Branches
	if b == nil {
		return "", nil
	}
	summary = fmt.Sprintf("Changed branches: %d of %d covered, %s", b.Covered, b.Total, Percent(b.Percent, -1))
	for _, u := range b.Uncovered {
		uncovered = append(uncovered, u.String())
	}
	return summary, limit(uncovered, maxListed)
}
