// Package render holds the text helpers that testgate's reports share:
// counted nouns, relative paths, GitHub Actions workflow commands and
// Markdown escaping, so that the coverage, lint and check reports write
// them the same way.
package render

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"
)

// Plural returns n with noun, plural unless n is 1: "1 file", "3 files".
func Plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// RelPath returns filename relative to root, with slashes, when it lies
// below root, and filename itself otherwise.
func RelPath(root, filename string) (string, bool) {
	rel, err := filepath.Rel(root, filename)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return filepath.ToSlash(filename), false
	}
	return filepath.ToSlash(rel), true
}

// A Prop is a property of a workflow command, such as file or line.
type Prop struct{ Key, Value string }

// WorkflowCommand writes a GitHub Actions workflow command such as
// "::error file=a.go,title=...::message", escaping what the syntax
// reserves as @actions/core does.
func WorkflowCommand(w io.Writer, level string, props []Prop, message string) error {
	parts := make([]string, len(props))
	for i, p := range props {
		parts[i] = p.Key + "=" + propertyEscaper.Replace(p.Value)
	}
	_, err := fmt.Fprintf(w, "::%s %s::%s\n", level, strings.Join(parts, ","), dataEscaper.Replace(message))
	return err
}

var (
	dataEscaper     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	propertyEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
	markdownEscaper = strings.NewReplacer(
		`\`, `\\`, "|", `\|`, "*", `\*`, "_", `\_`, "`", "\\`", "<", "&lt;", ">", "&gt;", "[", `\[`, "]", `\]`,
	)
)

// Markdown escapes s for Markdown text and table cells, so that names such
// as "x_test_helper.go" stay literal.
func Markdown(s string) string {
	return markdownEscaper.Replace(s)
}

// MarkdownCell escapes s for a table cell, where a line break would end
// the row.
func MarkdownCell(s string) string {
	return strings.ReplaceAll(Markdown(s), "\n", "<br>")
}

// Shell joins args into a command line for a POSIX shell, quoting the
// arguments that need it: -run=^(TestA|TestB)$ becomes '-run=^(TestA|TestB)$'.
func Shell(args []string) string {
	quoted := make([]string, len(args))
	for i, a := range args {
		quoted[i] = a
		if a == "" || strings.ContainsFunc(a, needsQuote) {
			quoted[i] = "'" + strings.ReplaceAll(a, "'", `'\''`) + "'"
		}
	}
	return strings.Join(quoted, " ")
}

func needsQuote(r rune) bool {
	switch {
	case 'a' <= r && r <= 'z', 'A' <= r && r <= 'Z', '0' <= r && r <= '9':
		return false
	}
	return !strings.ContainsRune("-_./=:,@%+", r)
}
