package coverage

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/testgate/testgate/internal/testtree"
)

// gitDiff is git diff -U0 -M output (with core.quotePath=false) for a
// deleted file, changed and added lines, a renamed and changed file, an
// added line that starts with "++", a name with a space and a new file
// whose name holds a tab.
const gitDiff = "diff --git a/del.go b/del.go\n" +
	"deleted file mode 100644\nindex 286c5f5..0000000\n--- a/del.go\n+++ /dev/null\n@@ -1 +0,0 @@\n-gone\n" +
	"diff --git a/keep.txt b/keep.txt\nindex d68dd40..6fe8acc 100644\n--- a/keep.txt\n+++ b/keep.txt\n" +
	"@@ -2 +2 @@ a\n-b\n+B\n@@ -4,0 +5 @@ d\n+e\n" +
	"diff --git a/ren.go b/moved.go\nsimilarity index 81%\nrename from ren.go\nrename to moved.go\nindex f00c965..088bd5d 100644\n" +
	"--- a/ren.go\n+++ b/moved.go\n@@ -10 +10 @@\n-10\n+ten\n" +
	"diff --git a/old.go b/old.go\nindex b77b4eb..35de0bd 100644\n--- a/old.go\n+++ b/old.go\n@@ -2,0 +3 @@ y\n+++ plus\n" +
	"diff --git a/sp ace.go b/sp ace.go\nindex 1a9cc2b..e563bc2 100644\n--- a/sp ace.go\t\n+++ b/sp ace.go\t\n@@ -1,0 +2 @@ p\n+q\n" +
	"diff --git \"a/tab\\there.go\" \"b/tab\\there.go\"\nnew file mode 100644\nindex 0000000..07f33c4\n--- /dev/null\n+++ \"b/tab\\there.go\"\n" +
	"@@ -0,0 +1,2 @@\n+new\n+file\n" +
	"diff --git a/img.png b/img.png\nindex 1..2 100644\nBinary files a/img.png and b/img.png differ\n"

func TestParseDiffKeepsAddedAndChangedLinesOfTheNewSide(t *testing.T) {
	got, err := ParseDiff(strings.NewReader(gitDiff))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]LineRange{
		"keep.txt":     {{2, 2}, {5, 5}},
		"moved.go":     {{10, 10}},
		"old.go":       {{3, 3}}, // "+++ plus" is an added line, not a header
		"sp ace.go":    {{2, 2}},
		"tab\there.go": {{1, 2}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ParseDiff =\n%v\nwant\n%v", got, want)
	}
}

func TestParseDiffMergesAdjacentHunksAndSkipsNoNewlineMarkers(t *testing.T) {
	diff := "diff --git a/a.go b/a.go\n--- a/a.go\n+++ b/a.go\n" +
		"@@ -1,2 +1,2 @@\n-x\n-y\n+X\n+Y\n\\ No newline at end of file\n@@ -3 +3 @@\n-q\n+Q\n@@ -4 +3,0 @@\n-gone\n@@ -5 +4,2 @@\n-z\n+Z\n+W\n" +
		"diff --git a/b.go b/b.go\n--- a/b.go\n+++ b/b.go\n@@ -1 +1 @@\n-a\n+A\n@@ -5 +5 @@\n-b\n+B\n"
	got, err := ParseDiff(strings.NewReader(diff))
	if err != nil {
		t.Fatal(err)
	}
	if want := map[string][]LineRange{"a.go": {{1, 5}}, "b.go": {{1, 1}, {5, 5}}}; !reflect.DeepEqual(got, want) {
		t.Errorf("ParseDiff = %v, want %v", got, want)
	}
}

func TestParseDiffRejectsMalformedInput(t *testing.T) {
	tests := []struct{ name, diff, want string }{
		{"bad new range", "+++ b/a.go\n@@ -1 +x @@\n", `line 2: malformed hunk header "@@ -1 +x @@"`},
		{"no ranges", "+++ b/a.go\n@@ @@\n", `line 2: malformed hunk header "@@ @@"`},
		{"unterminated quote", "+++ \"b/a.go\n", `line 1: bad quoted file name "b/a.go`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := ParseDiff(strings.NewReader(tt.diff)); err == nil || err.Error() != tt.want {
				t.Errorf("error = %v, want %q", err, tt.want)
			}
		})
	}
}

func TestJudgeDiffCountsStatementsOfBlocksTouchingChangedLines(t *testing.T) {
	dir := t.TempDir()
	src := NewSources(dir, Module{Path: "example.com/m", Dir: filepath.Join(dir, "mod")})
	p := mustParse(t, `mode: set
example.com/m/a.go:3.10,5.2 2 1
example.com/m/a.go:7.10,9.2 3 0
example.com/m/a.go:11.10,14.2 4 0
example.com/m/a.go:20.1,20.9 0 0
example.com/m/b.go:1.1,2.1 5 0
example.com/m/lex.rl:4.1,6.1 1 0
`)
	p.Excluded = []Excluded{{Name: "example.com/m/gen/gen.go", Reason: ReasonGenerated}}
	c := &Changes{Base: "main", MergeBase: "abc", Root: dir, Files: map[string][]LineRange{
		"mod/a.go":          {{4, 4}, {8, 8}, {12, 13}, {20, 20}},
		"mod/lex.rl":        {{5, 5}},
		"mod/gen/gen.go":    {{1, 10}},
		"mod/doc.go":        {{1, 3}}, // no statements, so not in the profile
		"mod/new/new.go":    {{1, 30}},
		"mod/new/x_test.go": {{1, 30}},
		"mod/testdata/x.go": {{1, 3}},
		"README.md":         {{1, 1}},
	}}
	r := &Report{Pass: true}
	JudgeDiff(r, p, src, c, DiffPolicy{Threshold: 20})
	d := r.Diff
	if d.Statements != 10 || d.Covered != 2 || d.Percent != 20 || !d.Pass || !r.Pass {
		t.Errorf("diff = %d of %d statements, %v%%, pass %v; want 2 of 10 (b.go untouched, the 0-statement block skipped), 20%%, pass", d.Covered, d.Statements, d.Percent, d.Pass)
	}
	want := []UncoveredLines{{"mod/a.go", 8, 8}, {"mod/a.go", 12, 13}, {"mod/lex.rl", 5, 5}}
	if !reflect.DeepEqual(d.Uncovered, want) {
		t.Errorf("uncovered = %v, want %v", d.Uncovered, want)
	}
	if want := []string{"mod/new/new.go"}; !reflect.DeepEqual(d.Outside, want) {
		t.Errorf("outside = %v, want %v (not a test, testdata, an excluded file or one beside profiled files)", d.Outside, want)
	}

	r = &Report{Pass: true}
	JudgeDiff(r, p, src, c, DiffPolicy{Threshold: 20.01})
	if r.Diff.Pass || r.Pass {
		t.Error("20% of changed statements passed a threshold of 20.01%")
	}
}

func TestJudgeDiffPassesBelowTheMinimumAndSaysWhy(t *testing.T) {
	dir := t.TempDir()
	src := NewSources(dir, Module{Path: "example.com/m", Dir: dir})
	p := mustParse(t, "mode: set\nexample.com/m/a.go:1.1,3.1 2 0\n")
	tests := []struct {
		name  string
		files map[string][]LineRange
		min   int
		pass  bool
		note  string
	}{
		{"below the minimum", map[string][]LineRange{"a.go": {{2, 2}}}, 3, true, "2 changed statements are fewer than coverage.diff.min-statements (3)"},
		{"at the minimum", map[string][]LineRange{"a.go": {{2, 2}}}, 2, false, ""},
		{"no changed statement", map[string][]LineRange{"doc.md": {{2, 2}}}, 0, true, "no changed line holds a statement"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := &Report{Pass: true}
			JudgeDiff(r, p, src, &Changes{Root: dir, Files: tt.files}, DiffPolicy{Threshold: 80, MinStatements: tt.min})
			if r.Diff.Pass != tt.pass || !strings.Contains(r.Diff.Note, tt.note) || (tt.note == "") != (r.Diff.Note == "") {
				t.Errorf("pass %v, note %q; want %v and a note containing %q", r.Diff.Pass, r.Diff.Note, tt.pass, tt.note)
			}
		})
	}
}

func TestJudgeDiffPlacesRelativeLCOVNamesAtTheRepositoryRoot(t *testing.T) {
	dir := t.TempDir()
	p, err := ParseLCOV("c.info", strings.NewReader("SF:pkg/a.go\nDA:3,0\nDA:4,1\nend_of_record\n"))
	if err != nil {
		t.Fatal(err)
	}
	r := &Report{Pass: true}
	JudgeDiff(r, p, NewSources(dir), &Changes{Root: dir, Files: map[string][]LineRange{"pkg/a.go": {{3, 4}}}}, DiffPolicy{Threshold: 80})
	if want := []UncoveredLines{{"pkg/a.go", 3, 3}}; r.Diff.Statements != 2 || !reflect.DeepEqual(r.Diff.Uncovered, want) {
		t.Errorf("diff = %+v, want 2 lines and %v uncovered", r.Diff, want)
	}
}

// gitRepo makes a git repository in a new temporary directory with an
// identity of its own, so that commits work on a clean machine.
func gitRepo(t *testing.T) (dir string, run func(args ...string) string) {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir = t.TempDir()
	run = func(args ...string) string {
		t.Helper()
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GIT_CONFIG_GLOBAL=/dev/null", "GIT_CONFIG_NOSYSTEM=1",
			"GIT_AUTHOR_NAME=Test", "GIT_AUTHOR_EMAIL=test@example.com", "GIT_COMMITTER_NAME=Test", "GIT_COMMITTER_EMAIL=test@example.com")
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		return string(out)
	}
	run("init", "-q", "-b", "main")
	return dir, run
}

func TestGitChangesSeesCommitsWorkingTreeAndUntrackedFiles(t *testing.T) {
	dir, git := gitRepo(t)
	testtree.Write(t, dir, map[string]string{
		"a.go":       "package m\n\nfunc A() {}\n",
		"old.go":     "package m\n\n// one\n// two\n// three\n// four\n// five\n",
		"gone.go":    "package m\n",
		".gitignore": "*.log\n",
	})
	git("add", "-A")
	git("commit", "-q", "-m", "base")
	git("checkout", "-q", "-b", "feature")
	testtree.Write(t, dir, map[string]string{"a.go": "package m\n\nfunc A() {}\n\nfunc B() {}\n"})
	git("mv", "old.go", "renamed.go")
	git("rm", "-q", "gone.go")
	git("commit", "-q", "-am", "feature")
	// Uncommitted: a changed line, an untracked file, an ignored one.
	testtree.Write(t, dir, map[string]string{
		"renamed.go": "package m\n\n// one\n// TWO\n// three\n// four\n// five\n",
		"sub/new.go": "package sub\n\nfunc N() {}\n",
		"debug.log":  "noise\n",
	})

	c, err := GitChanges(filepath.Join(dir, "sub"), "main")
	if err != nil {
		t.Fatal(err)
	}
	realDir, _ := filepath.EvalSymlinks(dir)
	if c.Root != realDir || c.Base != "main" || len(c.MergeBase) < 40 {
		t.Errorf("root %q, base %q, merge base %q; want %q, main and a commit", c.Root, c.Base, c.MergeBase, realDir)
	}
	want := map[string][]LineRange{
		"a.go":       {{4, 5}},
		"renamed.go": {{4, 4}},
		"sub/new.go": {{1, 1<<31 - 1}},
	}
	if !reflect.DeepEqual(c.Files, want) {
		t.Errorf("changes = %v, want %v", c.Files, want)
	}
}

func TestGitChangesRejectsBadBasesNamingTheCommand(t *testing.T) {
	dir, git := gitRepo(t)
	testtree.Write(t, dir, map[string]string{"a.go": "package m\n"})
	git("add", "-A")
	git("commit", "-q", "-m", "base")
	_, err := GitChanges(dir, "origin/nope")
	if err == nil || !strings.Contains(err.Error(), "git merge-base --end-of-options origin/nope HEAD") || strings.Contains(err.Error(), "shallow") {
		t.Errorf("error = %v, want one naming git merge-base, without the shallow-clone hint in a full clone", err)
	}
	if _, err := GitChanges(t.TempDir(), "main"); err == nil || !strings.Contains(err.Error(), "git rev-parse --show-toplevel") {
		t.Errorf("outside a repository: error = %v, want one naming git rev-parse", err)
	}
	if _, err := GitChanges(dir, ""); err == nil || !strings.Contains(err.Error(), "no revision given") {
		t.Errorf("empty base: error = %v, want one saying no revision was given", err)
	}
	// A base that looks like an option is a revision to git, not a flag.
	if _, err := GitChanges(dir, "--output=pwned"); err == nil || !strings.Contains(err.Error(), "--end-of-options --output=pwned HEAD") {
		t.Errorf("error = %v, want git to read --output=pwned as a revision", err)
	}
	if _, serr := os.Stat(filepath.Join(dir, "pwned")); serr == nil {
		t.Error("git took the base for an option and wrote a file")
	}
}

func TestGitChangesGivesTheShallowCloneHintOnlyInAShallowClone(t *testing.T) {
	origin, git := gitRepo(t)
	testtree.Write(t, origin, map[string]string{"a.go": "package m\n"})
	git("add", "-A")
	git("commit", "-q", "-m", "one")
	testtree.Write(t, origin, map[string]string{"a.go": "package m\n\n// two\n"})
	git("commit", "-q", "-am", "two")
	clone := filepath.Join(t.TempDir(), "clone")
	git("clone", "-q", "--depth=1", "file://"+origin, clone)
	_, err := GitChanges(clone, "HEAD~1")
	if err == nil || !strings.Contains(err.Error(), "in a shallow clone, fetch the base first") {
		t.Errorf("error = %v, want the shallow-clone hint", err)
	}
}

func TestGitChangesIgnoresTheUsersDiffConfiguration(t *testing.T) {
	dir, git := gitRepo(t)
	lines := make([]string, 20)
	for i := range lines {
		lines[i] = fmt.Sprintf("// line %d", i+1)
	}
	testtree.Write(t, dir, map[string]string{"a.go": strings.Join(lines, "\n") + "\n"})
	git("add", "-A")
	git("commit", "-q", "-m", "base")
	lines[2], lines[15] = "// changed 3", "// changed 16"
	testtree.Write(t, dir, map[string]string{"a.go": strings.Join(lines, "\n") + "\n"})
	for _, kv := range [][2]string{{"diff.interHunkContext", "20"}, {"diff.context", "10"}, {"color.diff", "always"}, {"diff.noprefix", "true"}, {"diff.external", "false"}} {
		git("config", kv[0], kv[1])
	}
	c, err := GitChanges(dir, "main")
	if err != nil {
		t.Fatal(err)
	}
	if want := map[string][]LineRange{"a.go": {{3, 3}, {16, 16}}}; !reflect.DeepEqual(c.Files, want) {
		t.Errorf("changes = %v, want %v: only the two changed lines", c.Files, want)
	}
}

func TestParseDiffCountsOnlyAddedLinesOfHunksWithContext(t *testing.T) {
	diff := "diff --git a/a.go b/a.go\n--- a/a.go\n+++ b/a.go\n" +
		"@@ -2,5 +2,5 @@\n ctx\n-old\n+new\n ctx\n ctx\n+added\n-gone\n"
	got, err := ParseDiff(strings.NewReader(diff))
	if err != nil {
		t.Fatal(err)
	}
	if want := map[string][]LineRange{"a.go": {{3, 3}, {6, 6}}}; !reflect.DeepEqual(got, want) {
		t.Errorf("ParseDiff = %v, want %v", got, want)
	}
}
