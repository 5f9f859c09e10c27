package report

import (
	"fmt"
	"io"
	"strconv"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/tw"

	"github.com/testgate/testgate/coverage"
	"github.com/testgate/testgate/internal/render"
)

// maxExcluded is how many excluded files the human-readable reports list.
const maxExcluded = 10

// Table writes r for a terminal: every package worst first, the files
// below their thresholds, the excluded files and a one-line verdict.
// Failing rows are marked with ✗. A report with metrics shows them side by
// side, "% Stmts | % Branch | % Funcs | % Lines", for the total, every
// package and the files (all with Report.ListFiles), and under the table
// why a metric is n/a and how lines were counted.
func Table(w io.Writer, r *coverage.Report) error {
	r = printableReport(r)
	if hasMetrics(r) {
		fmt.Fprintln(w, MetricsNote)
	} else {
		fmt.Fprintln(w, Metric)
	}
	if note := linesNote(r); note != "" {
		fmt.Fprintln(w, note)
	}
	if err := unitTables(w, r); err != nil {
		return err
	}
	for _, note := range metricNotes(r) {
		fmt.Fprintln(w, note)
	}
	if len(r.Excluded) > 0 {
		fmt.Fprintf(w, "\nExcluded %s:\n", render.Plural(len(r.Excluded), "file"))
		for _, line := range excludedLines(r.Excluded, maxExcluded) {
			fmt.Fprintf(w, "  %s\n", line)
		}
	}
	if f := r.Functions; f != nil {
		fmt.Fprintf(w, "\n%s\n", functionsLine(f))
		if len(f.Least) > 0 {
			fmt.Fprintln(w, "Least-covered functions")
			if err := functionTable(w, f.Least); err != nil {
				return err
			}
		}
	}
	writeTextSections(w, r, "  ")
	_, err := fmt.Fprintf(w, "\n%s\n", verdict(r))
	return err
}

// unitTables writes the units: one table of every metric, or the
// statement table of the packages and one of the files below their
// thresholds.
func unitTables(w io.Writer, r *coverage.Report) error {
	if hasMetrics(r) {
		return metricTable(w, r)
	}
	if err := table(w, "Package", worstFirst(r.Packages)); err != nil {
		return err
	}
	if files := failing(r.Files); len(files) > 0 {
		fmt.Fprintln(w, "\nFiles below their thresholds")
		return table(w, "File", files)
	}
	return nil
}

func table(w io.Writer, kind string, rs []coverage.Result) error {
	right := tw.CellAlignment{PerColumn: []tw.Align{tw.AlignLeft, tw.AlignLeft, tw.AlignRight, tw.AlignRight, tw.AlignRight, tw.AlignRight}}
	t := tablewriter.NewTable(w, tablewriter.WithConfig(tablewriter.Config{
		Header: tw.CellConfig{Alignment: right},
		Row: tw.CellConfig{
			Alignment:  right,
			Formatting: tw.CellFormatting{AutoWrap: tw.WrapNone},
		},
	}))
	t.Header("", kind, "Statements", "Covered", "Coverage", "Threshold")
	for _, res := range rs {
		mark := ""
		if !res.Pass {
			mark = "✗"
		}
		if err := t.Append([]string{
			mark,
			res.Name,
			strconv.Itoa(res.Statements),
			strconv.Itoa(res.Covered),
			Percent(res.Percent, res.Threshold),
			thresholdCell(res.Threshold),
		}); err != nil {
			return err
		}
	}
	return t.Render()
}

func functionTable(w io.Writer, fs []coverage.Function) error {
	right := tw.CellAlignment{PerColumn: []tw.Align{tw.AlignLeft, tw.AlignLeft, tw.AlignRight, tw.AlignRight, tw.AlignRight}}
	t := tablewriter.NewTable(w, tablewriter.WithConfig(tablewriter.Config{
		Header: tw.CellConfig{Alignment: right},
		Row: tw.CellConfig{
			Alignment:  right,
			Formatting: tw.CellFormatting{AutoWrap: tw.WrapNone},
		},
	}))
	t.Header("Function", "Location", "Statements", "Covered", "Coverage")
	for _, f := range fs {
		if err := t.Append([]string{
			f.Name,
			location(f),
			strconv.Itoa(f.Statements),
			strconv.Itoa(f.Covered),
			Percent(f.Percent, -1),
		}); err != nil {
			return err
		}
	}
	return t.Render()
}
