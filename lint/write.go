package lint

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/testgate/testgate/internal/render"
)

// Formats are the report formats of testgate lint besides the
// multichecker's -json.
var Formats = []string{"text", "sarif", "github", "markdown"}

// Write writes the run in format, one of Formats, to w; file names are
// relative to root, and SARIF describes the selected analyzers and the
// tool's version.
func Write(w io.Writer, format string, res *Result, selected []*analysis.Analyzer, root, version string) error {
	switch format {
	case "text":
		return WriteText(w, res.Findings)
	case "sarif":
		return WriteSARIF(w, selected, res, root, version)
	case "github":
		return WriteGitHub(w, res.Findings, root)
	case "markdown":
		return WriteMarkdown(w, res, root)
	}
	return fmt.Errorf("unknown format %q: want one of %s", format, strings.Join(Formats, ", "))
}

// WriteText prints findings as the multichecker does: one
// "file:line:col: message" line each.
func WriteText(w io.Writer, findings []Finding) error {
	for _, f := range findings {
		if _, err := fmt.Fprintf(w, "%s: %s\n", f.Posn, f.Message); err != nil {
			return err
		}
	}
	return nil
}

// WriteGitHub prints one ::warning workflow command per finding, which
// GitHub Actions shows as an annotation on the pull request's diff; file
// names are relative to root.
func WriteGitHub(w io.Writer, findings []Finding, root string) error {
	for _, f := range findings {
		file, _ := render.RelPath(root, f.Posn.Filename)
		props := []render.Prop{
			{Key: "file", Value: file},
			{Key: "line", Value: strconv.Itoa(f.Posn.Line)},
			{Key: "col", Value: strconv.Itoa(f.Posn.Column)},
		}
		if f.End.IsValid() {
			props = append(props, render.Prop{Key: "endLine", Value: strconv.Itoa(f.End.Line)}, render.Prop{Key: "endColumn", Value: strconv.Itoa(f.End.Column)})
		}
		props = append(props, render.Prop{Key: "title", Value: "testgate " + f.Analyzer})
		if err := render.WorkflowCommand(w, "warning", props, f.Message); err != nil {
			return err
		}
	}
	return nil
}

// Location returns "file:line:col" of f with the file relative to root.
func (f Finding) Location(root string) string {
	name, _ := render.RelPath(root, f.Posn.Filename)
	return fmt.Sprintf("%s:%d:%d", name, f.Posn.Line, f.Posn.Column)
}

// WriteMarkdown writes the run as GitHub-flavoured Markdown for a job
// summary or a pull-request comment: the count as a heading, a table of
// the findings (file names relative to root) and the problems.
func WriteMarkdown(w io.Writer, res *Result, root string) error {
	icon := "✅"
	if res.Failed() {
		icon = "❌"
	}
	fmt.Fprintf(w, "### %s testgate lint: %s\n", icon, render.Plural(len(res.Findings), "report"))
	if len(res.Findings) > 0 {
		fmt.Fprintf(w, "\n| Location | Analyzer | Message |\n|---|---|---|\n")
		for _, f := range res.Findings {
			fmt.Fprintf(w, "| %s | %s | %s |\n", render.MarkdownCell(f.Location(root)), f.Analyzer, render.MarkdownCell(f.Message))
		}
	}
	if len(res.Problems) > 0 {
		fmt.Fprintf(w, "\n**%s**\n\n", render.Plural(len(res.Problems), "problem"))
		for _, p := range res.Problems {
			fmt.Fprintf(w, "- %s\n", render.Markdown(p))
		}
	}
	_, err := fmt.Fprintln(w)
	return err
}
