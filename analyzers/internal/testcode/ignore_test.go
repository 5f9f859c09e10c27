package testcode

import (
	"go/ast"
	"go/constant"
	"go/parser"
	"go/token"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
)

// ignoreSnippet holds marks under directives for the sleep analyzer (the
// name checkSnippet gives the pass's analyzer) and beside them.
var ignoreSnippet = map[string]string{
	"p.go": "package p\n\nfunc mark(label string) {}\n",
	"p_test.go": `package p

func marks() {
	mark("plain")
	//testgate:ignore sleep the line below waits for real time
	mark("below a directive")
	mark("two lines below a directive")
	mark("on a directive's line") //testgate:ignore sleep a trailing directive covers its own line
	//testgate:ignore secret another analyzer's directive
	mark("below another analyzer's directive")
	//testgate:ignore sleep a directive covers the literal below to its end
	mark(` + "`literal\nover\nlines`" + `)
	//testgate:ignore sleep a directive covers a concatenation of constants too
	mark("concatenation " +
		"over " +
		"lines")
	//testgate:ignore sleep no literal starts within a line of the directive

	mark(` + "`literal\nstarting\nlater`" + `)
}
`,
}

// reportMarks is a run function that reports each mark at the end of its
// argument, the last line of a multi-line literal, with its first line as
// the message.
func reportMarks(pass *analysis.Pass) (any, error) {
	for _, f := range pass.Files {
		ast.Inspect(f, func(n ast.Node) bool {
			if call, ok := n.(*ast.CallExpr); ok {
				if id := Ident(call.Fun); id != nil && id.Name == "mark" {
					label := constant.StringVal(pass.TypesInfo.Types[call.Args[0]].Value)
					first, _, _ := strings.Cut(label, "\n")
					pass.Reportf(call.Args[0].End()-1, "%s", first)
				}
			}
			return true
		})
	}
	return nil, nil
}

func TestWithIgnoresSilencesTheLinesADirectiveCovers(t *testing.T) {
	var reported []analysis.Diagnostic
	pass := checkSnippet(t, "", ignoreSnippet, &reported)
	if _, err := WithIgnores(reportMarks)(pass); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range reported {
		got = append(got, d.Message)
	}
	want := []string{
		"plain",
		"two lines below a directive",
		"below another analyzer's directive",
		"literal",
		"//testgate:ignore sleep silences no sleep finding on its line or the next; remove the directive or correct its analyzer name or place",
	}
	if !slices.Equal(got, want) {
		t.Errorf("WithIgnores let through\n%q\nwant\n%q", got, want)
	}
}

func TestWithIgnoresRedactsMessagesAndTheirFixes(t *testing.T) {
	// A variable, not a constant, so that the concatenations below are not
	// constants the secret analyzer judges again.
	//testgate:ignore secret made up: the token the wrapper must redact
	leak := "Authorization: Bearer Zx8Kq2LmN4pR7sT1vW3y"
	const redacted = "Authorization: Bearer Zx8K…"
	fixes := []analysis.SuggestedFix{{Message: "drop " + leak}}
	var reported []analysis.Diagnostic
	pass := checkSnippet(t, "", map[string]string{"p_test.go": "package p\n"}, &reported)
	run := func(pass *analysis.Pass) (any, error) {
		pass.Report(analysis.Diagnostic{Pos: pass.Files[0].Package, Message: leak, SuggestedFixes: fixes})
		pass.Report(analysis.Diagnostic{Pos: token.NoPos, Message: "at no position: " + leak})
		return nil, nil
	}
	if _, err := WithIgnores(run)(pass); err != nil {
		t.Fatal(err)
	}
	if len(reported) != 2 {
		t.Fatalf("WithIgnores reported %d diagnostics, want 2", len(reported))
	}
	if got := reported[0].Message; got != redacted {
		t.Errorf("message = %q, want %q", got, redacted)
	}
	if got := reported[0].SuggestedFixes[0].Message; got != "drop "+redacted {
		t.Errorf("fix message = %q, want %q", got, "drop "+redacted)
	}
	if got := reported[1].Message; got != "at no position: "+redacted {
		t.Errorf("message of a diagnostic at no position = %q, want %q", got, "at no position: "+redacted)
	}
	if fixes[0].Message != "drop "+leak {
		t.Errorf("redacting changed the analyzer's own fix to %q", fixes[0].Message)
	}
}

func TestIgnoredAtAppliesTheDirectivesOfAFileOutsideThePass(t *testing.T) {
	var reported []analysis.Diagnostic
	pass := checkSnippet(t, "", ignoreSnippet, &reported)
	// A test file that a build constraint keeps out of the pass.
	excluded, err := parser.ParseFile(snippetFset, "excluded_test.go", `//go:build never

package p

func excluded() {
	//testgate:ignore sleep the line below waits for real time
	mark("below a directive")
	mark("two lines below a directive")
	//testgate:ignore sleep
	mark("below a directive without a reason")
}
`, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	fileIgnored, err := parser.ParseFile(snippetFset, "fixtures_test.go", `//testgate:file-ignore sleep recorded fixtures

package p

func fixture() {
	mark("anywhere in the file")
}
`, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	line := func(f *ast.File, n int) token.Pos { return snippetFset.File(f.FileStart).LineStart(n) }
	tests := []struct {
		name string
		file *ast.File
		line int
		want bool
	}{
		{"line below a directive", excluded, 7, true},
		{"two lines below a directive", excluded, 8, false},
		{"below a directive without a reason", excluded, 10, false},
		{"line of a file-level directive's file", fileIgnored, 6, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := IgnoredAt(pass, tt.file, line(tt.file, tt.line)); got != tt.want {
				t.Errorf("IgnoredAt line %d = %t, want %t", tt.line, got, tt.want)
			}
		})
	}
	if len(reported) == 0 {
		t.Error("IgnoredAt did not report the directive without a reason")
	}
	for _, d := range reported {
		if !strings.Contains(d.Message, "has no reason") {
			t.Errorf("IgnoredAt reported %q, want only the directive without a reason", d.Message)
		}
	}
}
