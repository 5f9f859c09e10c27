package render

import (
	"bytes"
	"path/filepath"
	"testing"
)

func TestPluralCountsNouns(t *testing.T) {
	for n, want := range map[int]string{0: "0 files", 1: "1 file", 2: "2 files"} {
		if got := Plural(n, "file"); got != want {
			t.Errorf("Plural(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestRelPathKeepsFilesOutsideTheRootAbsolute(t *testing.T) {
	root := filepath.FromSlash("/work/repo")
	tests := []struct {
		file, want string
		below      bool
	}{
		{"/work/repo/a/b.go", "a/b.go", true},
		{"/work/repo/../x.go", "/work/x.go", false},
		{"/work/repository/x.go", "/work/repository/x.go", false},
	}
	for _, tt := range tests {
		got, below := RelPath(root, filepath.Clean(filepath.FromSlash(tt.file)))
		if got != tt.want || below != tt.below {
			t.Errorf("RelPath(%q) = %q, %v; want %q, %v", tt.file, got, below, tt.want, tt.below)
		}
	}
}

func TestWorkflowCommandEscapesPropertiesAndData(t *testing.T) {
	var buf bytes.Buffer
	if err := WorkflowCommand(&buf, "error", []Prop{{"file", "a,b:c%.go"}, {"title", "t"}}, "50%\r\nnext"); err != nil {
		t.Fatal(err)
	}
	if got, want := buf.String(), "::error file=a%2Cb%3Ac%25.go,title=t::50%25%0D%0Anext\n"; got != want {
		t.Errorf("WorkflowCommand = %q, want %q", got, want)
	}
}

func TestMarkdownKeepsNamesLiteral(t *testing.T) {
	if got, want := Markdown("x_test*[a]|<b>`"), `x\_test\*\[a\]\|&lt;b&gt;`+"\\`"; got != want {
		t.Errorf("Markdown = %q, want %q", got, want)
	}
	if got, want := MarkdownCell("a|b\nc"), `a\|b<br>c`; got != want {
		t.Errorf("MarkdownCell = %q, want %q", got, want)
	}
}

func TestShellQuotesOnlyWhatTheShellWouldRead(t *testing.T) {
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"-shuffle=9", "./..."}, "-shuffle=9 ./..."},
		{[]string{"-run=^(TestA|TestB)$", "example.com/m/p"}, "'-run=^(TestA|TestB)$' example.com/m/p"},
		{[]string{"-ldflags=-X main.v=1", ""}, "'-ldflags=-X main.v=1' ''"},
		{[]string{"it's"}, `'it'\''s'`},
	}
	for _, tc := range cases {
		if got := Shell(tc.args); got != tc.want {
			t.Errorf("Shell(%q) = %s, want %s", tc.args, got, tc.want)
		}
	}
}
