// Package report renders a coverage.Report: a table for the terminal,
// Markdown for a pull-request comment or $GITHUB_STEP_SUMMARY, JSON for
// other tools, and GitHub Actions annotations. Every reporter writes to an
// io.Writer and lists the worst units first, failing ones before passing
// ones; JSON keeps the report's order (by name) for stable diffs.
package report

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/testgate/testgate/coverage"
	"github.com/testgate/testgate/internal/render"
)

// A Renderer writes a report to w in one format.
type Renderer func(w io.Writer, r *coverage.Report) error

var formats = map[string]Renderer{
	"table":    Table,
	"markdown": Markdown,
	"json":     JSON,
	"github":   GitHub,
}

// Lookup returns the reporter of a -format name.
func Lookup(format string) (Renderer, error) {
	if f, ok := formats[format]; ok {
		return f, nil
	}
	return nil, fmt.Errorf("unknown format %q: want one of %s", format, strings.Join(Formats(), ", "))
}

// Formats lists the format names Lookup accepts.
func Formats() []string {
	names := make([]string, 0, len(formats))
	for name := range formats {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}

// Metric says which number the figures are, in every human-readable report.
const Metric = "Statement coverage, every block counted as go test -cover counts it"

// worstFirst returns the results ordered failing first, then by rising
// coverage, then by name.
func worstFirst(rs []coverage.Result) []coverage.Result {
	return worstFirstBy(rs, func(r coverage.Result) float64 { return r.Percent })
}

// worstFirstBy returns the results ordered failing first, then by rising
// key, then by name.
func worstFirstBy(rs []coverage.Result, key func(coverage.Result) float64) []coverage.Result {
	rs = slices.Clone(rs)
	slices.SortStableFunc(rs, func(a, b coverage.Result) int {
		if a.Pass != b.Pass {
			if a.Pass {
				return 1
			}
			return -1
		}
		return cmp.Or(cmp.Compare(key(a), key(b)), strings.Compare(a.Name, b.Name))
	})
	return rs
}

// failing returns the results that fail, worst first.
func failing(rs []coverage.Result) []coverage.Result {
	return worstFirst(failed(rs))
}

// failed returns the results that fail, in their order.
func failed(rs []coverage.Result) []coverage.Result {
	var out []coverage.Result
	for _, r := range rs {
		if !r.Pass {
			out = append(out, r)
		}
	}
	return out
}

// verdict is the one-line conclusion of r.
func verdict(r *coverage.Report) string {
	t := r.Total
	total := fmt.Sprintf("total %s of %d statements", Percent(t.Percent, t.Threshold), t.Statements)
	switch {
	case t.Threshold == 0:
		total += " (no total threshold)"
	case t.Percent >= t.Threshold:
		total += " meets the threshold " + thresholdCell(t.Threshold)
	default:
		total += " is below the threshold " + thresholdCell(t.Threshold)
	}
	var below []string
	pkgs, files := len(failing(r.Packages)), len(failing(r.Files))
	if pkgs > 0 {
		below = append(below, render.Plural(pkgs, "package"))
	}
	if files > 0 {
		below = append(below, render.Plural(files, "file"))
	}
	word := "PASS"
	if !r.Pass {
		word = "FAIL"
	}
	clauses := append([]string{total}, metricClauses(r)...)
	switch {
	case pkgs+files == 1:
		clauses = append(clauses, below[0]+" is below its threshold")
	case pkgs+files > 1:
		clauses = append(clauses, strings.Join(below, " and ")+" are below their thresholds")
	}
	clauses = append(clauses, gateClauses(r)...)
	return fmt.Sprintf("%s: %s", word, strings.Join(clauses, "; "))
}

// Percent formats a coverage percentage with one decimal, as go test -cover
// does, or with as many more as it takes for the rounded figure not to
// contradict the unrounded comparison with threshold: 79.96% against 80%
// shows as 79.96%, not 80.0%.
func Percent(p, threshold float64) string {
	pass := p >= threshold
	for prec := 1; ; prec++ {
		s := strconv.FormatFloat(p, 'f', prec, 64)
		shown, _ := strconv.ParseFloat(s, 64)
		if (shown >= threshold) == pass || prec == 6 {
			return s + "%"
		}
	}
}

// thresholdCell shows a unit's threshold, or "-" when it has none.
func thresholdCell(t float64) string {
	if t == 0 {
		return "-"
	}
	return strconv.FormatFloat(t, 'f', -1, 64) + "%"
}

func excludedLines(ex []coverage.Excluded, most int) []string {
	lines := make([]string, len(ex))
	for i, e := range ex {
		lines[i] = fmt.Sprintf("%s (%s)", e.Name, e.Reason)
	}
	return limit(lines, most)
}
