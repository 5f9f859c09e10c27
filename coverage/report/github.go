package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/testgate/testgate/coverage"
)

// GitHub writes a GitHub Actions ::error annotation for the total, every
// package and every file below its threshold (files carry file= when their
// Path is known), then the verdict as plain log text.
func GitHub(w io.Writer, r *coverage.Report) error {
	if !r.Total.Pass {
		annotate(w, "", fmt.Sprintf("total coverage %s of %d statements is below the threshold %s",
			Percent(r.Total.Percent, r.Total.Threshold), r.Total.Statements, thresholdCell(r.Total.Threshold)))
	}
	for _, p := range failing(r.Packages) {
		annotate(w, "", fmt.Sprintf("package %s: coverage %s of %d statements is below its threshold %s",
			p.Name, Percent(p.Percent, p.Threshold), p.Statements, thresholdCell(p.Threshold)))
	}
	for _, f := range failing(r.Files) {
		annotate(w, f.Path, fmt.Sprintf("file %s: coverage %s of %d statements is below its threshold %s",
			f.Name, Percent(f.Percent, f.Threshold), f.Statements, thresholdCell(f.Threshold)))
	}
	_, err := fmt.Fprintln(w, verdict(r))
	return err
}

// annotate writes one workflow command, escaped as GitHub's toolkit does.
func annotate(w io.Writer, file, msg string) {
	props := "title=" + escapeProperty("testgate cover")
	if file != "" {
		props = "file=" + escapeProperty(file) + "," + props
	}
	fmt.Fprintf(w, "::error %s::%s\n", props, escapeData(msg))
}

var (
	dataEscaper     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	propertyEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

func escapeData(s string) string     { return dataEscaper.Replace(s) }
func escapeProperty(s string) string { return propertyEscaper.Replace(s) }
