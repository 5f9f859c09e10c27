package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/testgate/testgate/internal/repo"
	"github.com/testgate/testgate/internal/testtree"
	"github.com/testgate/testgate/lint"
)

func lintModule(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata", "lintmod"))
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestLintRejectsAnUnknownFormatNamingIt(t *testing.T) {
	var stdout, stderr bytes.Buffer
	code := runLint([]string{"-format=xml", "./..."}, &stdout, &stderr)
	if code != exitBadUsage || !strings.Contains(stderr.String(), `"xml"`) {
		t.Errorf("runLint(-format=xml) = %d, stderr %q; want %d and the format named", code, stderr.String(), exitBadUsage)
	}
}

// The tests below run the built binary on testdata/lintmod, whose tests
// have one bad name (line 8) and one time.Sleep (line 17).

// TestLintFormatsMatchTheirGoldenFiles pins every -format of testgate lint
// on the module, with its directory written $ROOT, the repository's root
// $REPO and the build's version $VERSION; text goes to stderr, as the
// multichecker writes it.
func TestLintFormatsMatchTheirGoldenFiles(t *testing.T) {
	dir := lintModule(t)
	for _, format := range lint.Formats {
		t.Run(format, func(t *testing.T) {
			golden, err := filepath.Abs(filepath.Join("testdata", "lint-"+format+".golden"))
			if err != nil {
				t.Fatal(err)
			}
			t.Chdir(dir)
			var stdout, stderr bytes.Buffer
			if code := runLint([]string{"-format=" + format, "./..."}, &stdout, &stderr); code != exitLintReported {
				t.Fatalf("testgate lint -format=%s exit code = %d, want 3\nstderr:\n%s", format, code, stderr.String())
			}
			out := stdout.Bytes()
			if format == "text" {
				out = stderr.Bytes()
			}
			if format == "sarif" {
				testtree.ValidateSARIF(t, out)
			}
			out = bytes.ReplaceAll(out, []byte(filepath.ToSlash(dir)), []byte("$ROOT"))
			out = bytes.ReplaceAll(out, []byte(filepath.ToSlash(repo.Root(dir))), []byte("$REPO"))
			out = bytes.ReplaceAll(out, []byte(`"version": "`+version()+`"`), []byte(`"version": "$VERSION"`))
			testtree.Golden(t, golden, out)
		})
	}
}

func TestLintGitHubHonoursAnalyzerSelection(t *testing.T) {
	res := runTestgate(t, lintModule(t), "lint", "-sleep", "-format=github", "./...")
	if res.code != exitLintReported {
		t.Fatalf("testgate lint -sleep -format=github exit code = %d, want 3\nstderr:\n%s", res.code, res.stderr)
	}
	lines := strings.Split(strings.TrimSpace(res.stdout), "\n")
	if len(lines) != 1 || !strings.HasPrefix(lines[0], "::warning file=testdata/lintmod/greet/greet_test.go,line=17,col=2,") || !strings.Contains(lines[0], "title=testgate sleep::") {
		t.Errorf("testgate lint -sleep -format=github printed\n%s\nwant one sleep annotation at testdata/lintmod/greet/greet_test.go:17:2, from the repository root", res.stdout)
	}
}

func TestLintWithoutFindingsExitsZero(t *testing.T) {
	// testgate only reads _test.go files; without them there is nothing to report.
	res := runTestgate(t, lintModule(t), "lint", "-format=sarif", "-test=false", "./...")
	if res.code != exitOK {
		t.Fatalf("exit code = %d, want 0\nstderr:\n%s", res.code, res.stderr)
	}
	testtree.ValidateSARIF(t, []byte(res.stdout))
	if !strings.Contains(res.stdout, `"results": []`) {
		t.Errorf("SARIF results are not empty:\n%s", res.stdout)
	}
}

func TestLintTextAndJSONStayMulticheckerCompatible(t *testing.T) {
	dir := lintModule(t)
	text := runTestgate(t, dir, "lint", "./...")
	if text.code != exitLintReported || !strings.Contains(text.stderr, "greet_test.go:8:6: test name Test1") {
		t.Errorf("testgate lint exit %d, stderr:\n%s\nwant exit 3 and the bad test name at greet_test.go:8:6", text.code, text.stderr)
	}
	onlySleep := runTestgate(t, dir, "lint", "-format=text", "-sleep", "./...")
	if onlySleep.code != exitLintReported || strings.Contains(onlySleep.stderr, "Test1") {
		t.Errorf("testgate lint -format=text -sleep exit %d, stderr:\n%s\nwant exit 3 and only sleep's report", onlySleep.code, onlySleep.stderr)
	}

	res := runTestgate(t, dir, "lint", "-json", "./...")
	if res.code != exitOK {
		t.Fatalf("testgate lint -json exit code = %d, want 0 as a multichecker's\nstderr:\n%s", res.code, res.stderr)
	}
	var byPkg map[string]map[string][]struct {
		Posn    string `json:"posn"`
		Message string `json:"message"`
	}
	if err := json.Unmarshal([]byte(res.stdout), &byPkg); err != nil {
		t.Fatalf("testgate lint -json output is not {pkg: {analyzer: [diagnostic]}}: %v\n%s", err, res.stdout)
	}
	diags := byPkg["example.com/lintmod/greet [example.com/lintmod/greet.test]"]["testname"]
	if len(diags) != 1 || !strings.HasSuffix(diags[0].Posn, "greet_test.go:8:6") {
		t.Errorf("testname diagnostics of the test variant = %+v, want one at greet_test.go:8:6", diags)
	}
}

func TestLintFixExitsThreeWhileUnfixableReportsRemain(t *testing.T) {
	dir := t.TempDir()
	testtree.Write(t, dir, map[string]string{
		"go.mod":     "module example.com/fixme\n\ngo 1.26\n",
		"env/env.go": "// Package env reads the environment.\npackage env\n\nimport \"os\"\n\n// Mode returns $MODE.\nfunc Mode() string { return os.Getenv(\"MODE\") }\n",
		"env/env_test.go": `package env

import (
	"os"
	"testing"
	"time"
)

func TestModeReadsTheEnvironment(t *testing.T) {
	os.Setenv("MODE", "fast")
	time.Sleep(time.Millisecond)
	if Mode() != "fast" {
		t.Error("Mode() != fast")
	}
}
`,
	})
	res := runTestgate(t, dir, "lint", "-fix", "./...")
	fixed, err := os.ReadFile(filepath.Join(dir, "env", "env_test.go"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(fixed), `t.Setenv("MODE", "fast")`) {
		t.Errorf("lint -fix did not apply the cleanup fix:\n%s", fixed)
	}
	if res.code != exitLintReported || !strings.Contains(res.stderr, "time.Sleep in test") || strings.Contains(res.stderr, "Setenv") {
		t.Errorf("lint -fix = exit %d, stderr:\n%s\nwant exit 3 and only the sleep report left", res.code, res.stderr)
	}
	if res := runTestgate(t, dir, "lint", "-fix", "-sleep=false", "./..."); res.code != exitOK {
		t.Errorf("lint -fix with nothing left = exit %d, want 0:\n%s", res.code, res.stderr)
	}
}

// leakyModule is a module whose test quotes a made-up GitHub token in two
// subtest names, beside a fixable finding.
func leakyModule(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	testtree.Write(t, dir, map[string]string{
		"go.mod":   "module example.com/leaky\n\ngo 1.26\n",
		"leaky.go": "package leaky\n",
		"leaky_test.go": "package leaky\n\nimport (\n\t\"os\"\n\t\"testing\"\n)\n\n" +
			"func TestTokensInNames(t *testing.T) {\n" +
			"\tt.Run(\"" + leakedToken + "\", func(t *testing.T) {})\n" +
			"\tdir, _ := os.MkdirTemp(\"\", \"work\")\n" +
			"\tt.Run(\"" + leakedToken + "\", func(t *testing.T) { t.Log(dir) })\n" +
			"}\n",
	})
	return dir
}

//testgate:ignore secret a made-up token that no output may print whole
var leakedToken = "ghp_RWXhZ0i0tdMtsIxqtUW5RiAypuqUwUqURNJz"

func TestLintNeverPrintsACredentialWhole(t *testing.T) {
	dir := leakyModule(t)
	for _, args := range [][]string{
		{"lint", "./..."},
		{"lint", "-json", "./..."},
		{"lint", "-format=sarif", "./..."},
		{"lint", "-format=github", "./..."},
		{"lint", "-c=2", "./..."},
		{"lint", "-fix", "-diff", "./..."},
	} {
		res := runTestgate(t, dir, args...)
		out := res.stdout + res.stderr
		if strings.Contains(out, leakedToken) || !strings.Contains(out, "ghp_…") {
			t.Errorf("testgate %s exited %d and printed:\n%s\nwant the token shown only as ghp_…", strings.Join(args, " "), res.code, out)
		}
	}
	if data, err := os.ReadFile(filepath.Join(dir, "leaky_test.go")); err != nil || !strings.Contains(string(data), leakedToken) {
		t.Errorf("-diff changed the source or it is unreadable (%v): redaction is for output only", err)
	}
}
