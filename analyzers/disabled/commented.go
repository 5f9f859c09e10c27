package disabled

import (
	"go/ast"
	"go/token"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/tools/go/analysis"
)

// commentedFunc matches the first line of a commented-out test, the
// comment marker removed: at most one space before func, as commenting out
// code leaves it (documentation indents its code by a tab), and possibly a
// comment after the brace.
var commentedFunc = regexp.MustCompile(`^ ?func (Test\w*)\(\w+ \*testing\.T\) *\{\s*(//.*)?$`)

// commentLine is one line of a comment.
type commentLine struct {
	pos  token.Pos
	line int
	text string // without the comment markers
}

// checkCommentedTests reports the tests of f that are commented out: the
// first line of a test function followed by comment lines of its body.
func checkCommentedTests(pass *analysis.Pass, f *ast.File) {
	tf := pass.Fset.File(f.FileStart)
	lines := commentLines(tf, f)
	for i := 0; i < len(lines); i++ {
		m := commentedFunc.FindStringSubmatch(lines[i].text)
		if m == nil || !isTestName(m[1]) {
			continue
		}
		end := closingBrace(tf, lines[i:])
		if end < 0 {
			continue
		}
		pass.Reportf(lines[i].pos, "%s is commented out (lines %d-%d); restore it or delete it (version control keeps it)", m[1], lines[i].line, lines[i+end].line)
		i += end
	}
}

// commentLines returns the lines of f's comments in order.
func commentLines(tf *token.File, f *ast.File) []commentLine {
	var lines []commentLine
	for _, group := range f.Comments {
		for _, c := range group.List {
			if text, ok := strings.CutPrefix(c.Text, "//"); ok {
				lines = append(lines, commentLine{c.Pos(), tf.Line(c.Pos()), text})
				continue
			}
			text := strings.TrimSuffix(strings.TrimPrefix(c.Text, "/*"), "*/")
			pos := c.Pos() + token.Pos(len("/*"))
			for line := range strings.SplitAfterSeq(text, "\n") {
				lines = append(lines, commentLine{pos, tf.Line(pos), strings.TrimRight(line, "\r\n")})
				pos += token.Pos(len(line))
			}
		}
	}
	return lines
}

// closingBrace returns the index of the line that closes the commented-out
// function whose first line is lines[0]: an unindented "}" after at least
// one line of body, every line indented like code and only blank lines
// between them (a blank line ends a comment group, and bodies hold some).
// It returns -1 when there is no such line.
func closingBrace(tf *token.File, lines []commentLine) int {
	for i := 1; i < len(lines); i++ {
		l := lines[i]
		if !onlyBlankBetween(tf, lines[i-1].line, l.line) {
			return -1
		}
		indented := strings.HasPrefix(l.text, "\t") || strings.HasPrefix(l.text, "  ") || strings.HasPrefix(l.text, " \t")
		switch {
		case strings.TrimSpace(l.text) == "}" && !indented:
			if i == 1 {
				return -1
			}
			return i
		case strings.TrimSpace(l.text) == "" || indented:
			// a line of the body, or a blank one
		default:
			return -1 // prose after a function header
		}
	}
	return -1
}

// onlyBlankBetween reports whether the lines strictly between lines a and
// b of tf are empty (gofmt leaves no spaces on a blank line).
func onlyBlankBetween(tf *token.File, a, b int) bool {
	for n := a + 1; n < b; n++ {
		if tf.LineStart(n+1)-tf.LineStart(n) > 2 {
			return false
		}
	}
	return true
}

// isTestName reports whether go test runs a function named name: Test
// alone or followed by a character that is not a lower-case letter.
func isTestName(name string) bool {
	rest, ok := strings.CutPrefix(name, "Test")
	r, _ := utf8.DecodeRuneInString(rest)
	return ok && (rest == "" || !unicode.IsLower(r))
}
