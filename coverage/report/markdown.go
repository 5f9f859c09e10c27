package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/testgate/testgate/coverage"
)

// Markdown writes r as GitHub-flavoured Markdown for a pull-request comment
// or $GITHUB_STEP_SUMMARY: the verdict as a heading, the packages worst
// first, the files below their thresholds and the excluded files folded.
func Markdown(w io.Writer, r *coverage.Report) error {
	icon := "✅"
	if !r.Pass {
		icon = "❌"
	}
	fmt.Fprintf(w, "### %s testgate cover\n\n%s\n\n", icon, verdict(r))
	markdownTable(w, "Package", worstFirst(r.Packages))
	if files := failing(r.Files); len(files) > 0 {
		fmt.Fprintf(w, "\n**Files below their thresholds**\n\n")
		markdownTable(w, "File", files)
	}
	if len(r.Excluded) > 0 {
		fmt.Fprintf(w, "\n<details><summary>Excluded %s</summary>\n\n", plural(len(r.Excluded), "file"))
		for _, line := range excludedLines(r.Excluded, maxExcluded) {
			fmt.Fprintf(w, "- %s\n", escapeMarkdown(line))
		}
		fmt.Fprintf(w, "\n</details>\n")
	}
	_, err := fmt.Fprintf(w, "\n<sub>%s</sub>\n", Metric)
	return err
}

func markdownTable(w io.Writer, kind string, rs []coverage.Result) {
	fmt.Fprintf(w, "| | %s | Statements | Covered | Coverage | Threshold |\n|---|---|--:|--:|--:|--:|\n", kind)
	for _, res := range rs {
		mark := ""
		if !res.Pass {
			mark = "❌"
		}
		fmt.Fprintf(w, "| %s | %s | %d | %d | %s | %s |\n", mark, escapeMarkdown(res.Name),
			res.Statements, res.Covered, Percent(res.Percent, res.Threshold), thresholdCell(res.Threshold))
	}
}

var markdownEscaper = strings.NewReplacer(
	`\`, `\\`, "|", `\|`, "*", `\*`, "_", `\_`, "`", "\\`", "<", "&lt;", ">", "&gt;", "[", `\[`, "]", `\]`,
)

// escapeMarkdown keeps names such as "x_test_helper.go" literal.
func escapeMarkdown(s string) string {
	return markdownEscaper.Replace(s)
}
