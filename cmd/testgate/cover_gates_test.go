package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/testgate/testgate/coverage"
	"github.com/testgate/testgate/internal/testtree"
)

// isolateTools makes git and go behave the same on every machine: a git
// identity of the test's own, no user or system git configuration, no
// workspace and no GOFLAGS from the environment.
func isolateTools(t *testing.T) {
	t.Helper()
	for k, v := range map[string]string{
		"GIT_CONFIG_GLOBAL": os.DevNull, "GIT_CONFIG_NOSYSTEM": "1",
		"GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.com",
		"GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.com",
		"GOWORK": "off", "GOFLAGS": "",
	} {
		t.Setenv(k, v)
	}
}

// must runs a command in dir and fails the test if it fails.
func must(t *testing.T, dir, name string, args ...string) string {
	t.Helper()
	res := runCommand(t, dir, name, args...)
	if res.code != 0 {
		t.Fatalf("%s %s: exit %d\n%s%s", name, strings.Join(args, " "), res.code, res.stdout, res.stderr)
	}
	return res.stdout
}

// goTestProfile runs go test -coverprofile on every package of the module
// in dir and returns the profile's path, outside dir.
func goTestProfile(t *testing.T, dir string) string {
	t.Helper()
	profile := filepath.Join(t.TempDir(), "c.out")
	must(t, dir, "go", "test", "-coverprofile="+profile, "./...")
	return profile
}

// decodeReport decodes testgate cover -format=json output.
func decodeReport(t *testing.T, res result) *coverage.Report {
	t.Helper()
	var r coverage.Report
	if err := json.Unmarshal([]byte(res.stdout), &r); err != nil {
		t.Fatalf("no JSON report (exit %d): %v\nstdout: %s\nstderr: %s", res.code, err, res.stdout, res.stderr)
	}
	return &r
}

const calcBase = `package calc

// Add adds.
func Add(a, b int) int {
	return a + b
}

// Sub subtracts.
func Sub(a, b int) int { return a - b }
`

// calcRepo makes a git repository whose module, in mod/, changed on a
// branch since main: a changed tested line, an untested new function, a
// renamed file with a changed line, a deleted file, a new package built
// only with a tag, a new file without statements, a changed README, and an
// untracked new file. It returns the module's directory.
func calcRepo(t *testing.T) string {
	t.Helper()
	isolateTools(t)
	repo := t.TempDir()
	mod := filepath.Join(repo, "mod")
	testtree.Write(t, repo, map[string]string{
		"README.md":        "# calc\n",
		"mod/go.mod":       "module example.com/calc\n\ngo 1.22\n",
		"mod/calc.go":      calcBase,
		"mod/old.go":       "package calc\n\nfunc Old() int {\n\treturn 1\n}\n",
		"mod/gone.go":      "package calc\n\nfunc Gone() int { return 2 }\n",
		"mod/calc_test.go": "package calc\n\nimport \"testing\"\n\nfunc TestAddAndSub(t *testing.T) {\n\tif Add(1, 2) != 3 || Sub(3, 2) != 1 {\n\t\tt.Error(\"wrong sums\")\n\t}\n}\n",
	})
	must(t, repo, "git", "init", "-q", "-b", "main")
	must(t, repo, "git", "add", "-A")
	must(t, repo, "git", "commit", "-q", "-m", "calc")
	must(t, repo, "git", "checkout", "-q", "-b", "feature")
	must(t, repo, "git", "mv", "mod/old.go", "mod/renamed.go")
	must(t, repo, "git", "rm", "-q", "mod/gone.go")
	testtree.Write(t, repo, map[string]string{
		"README.md": "# calc\n\nNow with Mul.\n",
		"mod/calc.go": strings.Replace(calcBase, "a + b\n", "a + b + 0\n", 1) + `
// Mul multiplies small numbers.
func Mul(a, b int) int {
	if a == 0 {
		return 0
	}
	return a * b
}
`,
		"mod/doc.go":           "// Package calc calculates.\npackage calc\n",
		"mod/cmd/tool/main.go": "//go:build ignore\n\npackage main\n\nfunc main() {}\n",
	})
	must(t, repo, "git", "add", "-A")
	must(t, repo, "git", "commit", "-q", "-m", "mul")
	// Not committed yet: a changed line and an untracked file.
	testtree.Write(t, repo, map[string]string{
		"mod/renamed.go": "package calc\n\nfunc Old() int {\n\treturn 2\n}\n",
		"mod/extra.go":   "package calc\n\nfunc Extra() int { return 3 }\n",
	})
	return mod
}

func TestCoverDiffBaseGatesTheChangedLines(t *testing.T) {
	mod := calcRepo(t)
	profile := goTestProfile(t, mod)

	res := coverHere(t, mod, "-format=json", "-total=0", "-diff-base=main", profile)
	if res.code != 1 {
		t.Errorf("exit %d, want 1: 1 of 6 changed statements is covered\n%s", res.code, res.stderr)
	}
	d := decodeReport(t, res).Diff
	if d == nil {
		t.Fatalf("no diff section:\n%s", res.stdout)
	}
	// Add's changed line ran; Mul (3 statements), Old and Extra did not.
	if d.Base != "main" || len(d.MergeBase) != 40 || d.Statements != 6 || d.Covered != 1 || d.Pass {
		t.Errorf("diff = %+v, want 1 of 6 statements against main, failing", d)
	}
	wantUncovered := []coverage.UncoveredLines{{File: "mod/calc.go", Start: 12, End: 16}, {File: "mod/extra.go", Start: 3, End: 3}, {File: "mod/renamed.go", Start: 4, End: 4}}
	if !reflect.DeepEqual(d.Uncovered, wantUncovered) {
		t.Errorf("uncovered = %v, want %v", d.Uncovered, wantUncovered)
	}
	if want := []string{"mod/cmd/tool/main.go"}; !reflect.DeepEqual(d.Outside, want) {
		t.Errorf("outside = %v, want %v (not the README, doc.go or the deleted file)", d.Outside, want)
	}

	table := coverHere(t, mod, "-total=0", "-diff-base=main", profile)
	for _, want := range []string{
		"Changed lines since main (merge base ",
		"1 of 6 statements covered, 16.7%, below the threshold 80%",
		"Changed lines not covered:\n  mod/calc.go:12-16\n  mod/extra.go:3\n  mod/renamed.go:4\n",
		"changed lines 16.7% of 6 statements are below the threshold 80%",
	} {
		if !strings.Contains(table.stdout, want) {
			t.Errorf("table lacks %q:\n%s", want, table.stdout)
		}
	}
	github := coverHere(t, mod, "-format=github", "-total=0", "-diff-base=main", profile)
	if want := "::error file=mod/calc.go,line=12,endLine=16,title=testgate cover::changed lines 12-16 are not covered by tests\n"; !strings.Contains(github.stdout, want) {
		t.Errorf("github output lacks %q:\n%s", want, github.stdout)
	}
}

func TestCoverDiffBasePassesBelowTheMinimumStatements(t *testing.T) {
	mod := calcRepo(t)
	profile := goTestProfile(t, mod)
	testtree.Write(t, mod, map[string]string{".testgate.yml": "coverage:\n  threshold:\n    total: 0\n  diff:\n    threshold: 90\n    min-statements: 7\n"})
	res := coverHere(t, mod, "-format=json", "-diff-base=main", profile)
	d := decodeReport(t, res).Diff
	if res.code != 0 || !d.Pass || d.Threshold != 90 || d.MinStatements != 7 {
		t.Errorf("exit %d, diff %+v; want a pass under the configured minimum", res.code, d)
	}
	if want := "6 changed statements are fewer than coverage.diff.min-statements (7)"; !strings.HasPrefix(d.Note, want) {
		t.Errorf("note = %q, want it to start %q", d.Note, want)
	}
}

func TestCoverDiffBaseRejectsAnUnknownRevision(t *testing.T) {
	mod := calcRepo(t)
	profile := goTestProfile(t, mod)
	res := coverHere(t, mod, "-diff-base=origin/nope", profile)
	if res.code != 2 || !strings.Contains(res.stderr, "testgate cover: -diff-base origin/nope: git merge-base --end-of-options origin/nope HEAD:") {
		t.Errorf("exit %d, stderr %q; want 2 and the failing git command", res.code, res.stderr)
	}
}

func TestCoverBaselineWritesThenCatchesADrop(t *testing.T) {
	profile, _ := shopProfile(t)
	shop := shopDir(t) // before coverHere changes the working directory
	dir := t.TempDir()
	baseline := filepath.Join(dir, "baseline.json")
	res := coverHere(t, shop, "-total=0", "-write-baseline="+baseline, profile)
	if res.code != 0 {
		t.Fatalf("writing the baseline: exit %d\n%s", res.code, res.stderr)
	}
	b, err := coverage.ReadBaseline(baseline)
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Packages) != 5 || b.Total < 69.23 || b.Total > 69.24 {
		t.Errorf("baseline = %+v, want 5 packages and the total 69.23%%", b)
	}

	res = coverHere(t, shop, "-format=json", "-total=0", "-baseline="+baseline, profile)
	if r := decodeReport(t, res); res.code != 0 || r.Baseline == nil || !r.Baseline.Pass || len(r.Baseline.Packages) != 5 {
		t.Errorf("the same profile against its own baseline: exit %d, %+v; want a pass comparing 5 packages", res.code, r.Baseline)
	}

	// The baseline remembers a better clock package and a package that is
	// gone; the shop's lexer is new to it.
	b.Packages["example.com/shop/clock"] += 0.6
	b.Packages["example.com/shop/gone"] = 50
	delete(b.Packages, "example.com/shop/lexer")
	if err := b.WriteFile(baseline); err != nil {
		t.Fatal(err)
	}
	res = coverHere(t, shop, "-total=0", "-baseline="+baseline, profile)
	if res.code != 1 {
		t.Errorf("exit %d, want 1: clock fell by 0.6 points, over the default tolerance of 0.5", res.code)
	}
	for _, want := range []string{
		"Packages below the baseline:\n  example.com/shop/clock",
		"Packages new since the baseline:\n  example.com/shop/lexer\n",
		"Packages gone since the baseline:\n  example.com/shop/gone\n",
		"1 package fell below the baseline",
	} {
		if !strings.Contains(res.stdout, want) {
			t.Errorf("table lacks %q:\n%s", want, res.stdout)
		}
	}
	cfg := filepath.Join(dir, "tolerant.yml")
	testtree.Write(t, dir, map[string]string{"tolerant.yml": "coverage:\n  threshold:\n    total: 0\n  baseline:\n    tolerance: 1\n"})
	if res := coverHere(t, shop, "-config="+cfg, "-baseline="+baseline, profile); res.code != 0 {
		t.Errorf("with a tolerance of 1 point: exit %d, want 0\n%s", res.code, res.stdout)
	}
}

func TestCoverBaselineRejectsAMissingFile(t *testing.T) {
	profile, _ := shopProfile(t)
	shop := shopDir(t) // before coverHere changes the working directory
	res := coverHere(t, shop, "-baseline=nope.json", profile)
	if res.code != 2 || !strings.Contains(res.stderr, "reading the baseline: open nope.json") {
		t.Errorf("exit %d, stderr %q; want 2 naming the file", res.code, res.stderr)
	}
}

// ignoreModule is a module whose untested error path carries a
// //coverage:ignore directive.
func ignoreModule(t *testing.T, directive string) string {
	t.Helper()
	isolateTools(t)
	dir := t.TempDir()
	testtree.Write(t, dir, map[string]string{
		"go.mod": "module example.com/parse\n\ngo 1.22\n",
		"parse.go": `package parse

import "strconv"

// Port parses a port number.
func Port(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil { ` + directive + `
		return -1
	}
	return n
}
`,
		"parse_test.go": "package parse\n\nimport \"testing\"\n\nfunc TestPort(t *testing.T) {\n\tif Port(\"80\") != 80 {\n\t\tt.Error(\"Port(80)\")\n\t}\n}\n",
	})
	return dir
}

func TestCoverIgnoreDirectiveDropsTheBlockAndSaysWhere(t *testing.T) {
	dir := ignoreModule(t, "//coverage:ignore validated by the flag package")
	profile := goTestProfile(t, dir)
	res := coverHere(t, dir, "-format=json", "-total=100", profile)
	r := decodeReport(t, res)
	want := []coverage.Ignored{{File: "example.com/parse/parse.go", Line: 8, Statements: 1, Reason: "validated by the flag package"}}
	if res.code != 0 || r.Total.Statements != 3 || !reflect.DeepEqual(r.Ignored, want) {
		t.Errorf("exit %d, total %+v, ignored %+v; want 0, 3 of 3 statements and %+v\n%s", res.code, r.Total, r.Ignored, want, res.stderr)
	}
	table := coverHere(t, dir, "-total=100", profile)
	if want := "Ignored 1 statement by //coverage:ignore:\n  example.com/parse/parse.go:8 (1 statement): validated by the flag package\n"; !strings.Contains(table.stdout, want) {
		t.Errorf("table lacks %q:\n%s", want, table.stdout)
	}
}

func TestCoverIgnoreDirectiveWithoutReasonIsAnErrorUnlessAllowed(t *testing.T) {
	dir := ignoreModule(t, "//coverage:ignore")
	profile := goTestProfile(t, dir)
	res := coverHere(t, dir, "-total=100", profile)
	if want := "testgate cover: parse.go:8: //coverage:ignore has no reason"; res.code != 2 || !strings.HasPrefix(res.stderr, want) {
		t.Errorf("exit %d, stderr %q; want 2 and %q", res.code, res.stderr, want)
	}
	testtree.Write(t, dir, map[string]string{".testgate.yml": "coverage:\n  ignore:\n    require-reason: false\n"})
	if res := coverHere(t, dir, "-total=100", profile); res.code != 0 {
		t.Errorf("with require-reason: false: exit %d, want 0\n%s%s", res.code, res.stdout, res.stderr)
	}
}

func TestCoverFunctionCoverageListsTheLeastCoveredInEveryFormat(t *testing.T) {
	profile, _ := shopProfile(t)
	shop := shopDir(t) // before coverHere changes the working directory
	// Functions of the shop with blocks in their own file: Total, Discount,
	// (*Cart).Add, (*Cart).Sum, Elapsed, Now, Double, Empty and the
	// price package's function; Discount, Double and Empty never ran.
	res := coverHere(t, shop, "-format=json", "-total=0", "-func=2", profile)
	r := decodeReport(t, res)
	f := r.Functions
	if res.code != 0 || f == nil {
		t.Fatalf("exit %d, functions %+v\n%s", res.code, f, res.stderr)
	}
	if f.Functions != 9 || f.Entered != 6 || f.Threshold != 0 || len(f.Least) != 2 {
		t.Errorf("functions = %+v, want 6 of 9 entered and 2 listed", f)
	}
	if got := fmt.Sprintf("%s %s:%d", f.Least[0].Name, f.Least[0].File, f.Least[0].Line); got != "Discount example.com/shop/shop.go:15" {
		t.Errorf("least covered = %s, want Discount at shop.go:15 (3 statements, none ran)", got)
	}

	formats := map[string]string{
		"table":    "│ Discount │ testdata/cover/shop/shop.go:15 ",
		"markdown": "| Discount | testdata/cover/shop/shop.go:15 | 3 | 0 | 0.0% |",
		"github":   "least-covered function Discount at testdata/cover/shop/shop.go:15: 0 of 3 statements, 0.0%\n",
		"json":     `"name": "Discount"`,
	}
	for format, want := range formats {
		res := coverHere(t, shop, "-format="+format, "-total=0", "-func=2", "-function=66.7", profile)
		if res.code != 1 || !strings.Contains(res.stdout, want) {
			t.Errorf("-format=%s: exit %d, want 1 (6 of 9 is below 66.7%%) and output with %q:\n%s", format, res.code, want, res.stdout)
		}
	}
	if res := coverHere(t, shop, "-total=0", "-function=66.6", profile); res.code != 0 || !strings.Contains(res.stdout, "Functions: 6 of 9 entered, 66.7%, meets the threshold 66.6%") {
		t.Errorf("-function=66.6: exit %d\n%s", res.code, res.stdout)
	}
}

func TestCoverJSONKeepsItsShapeWithoutTheNewFeatures(t *testing.T) {
	profile, _ := shopProfile(t)
	shop := shopDir(t) // before coverHere changes the working directory
	res := coverHere(t, shop, "-format=json", "-total=0", profile)
	var got map[string]json.RawMessage
	if err := json.Unmarshal([]byte(res.stdout), &got); err != nil {
		t.Fatal(err)
	}
	var keys []string
	for k := range got {
		keys = append(keys, k)
	}
	if slices.Sort(keys); strings.Join(keys, ",") != "excluded,files,packages,pass,total" {
		t.Errorf("JSON keys = %v, want exactly pass, total, packages, files, excluded", keys)
	}
}

func TestCoverWritesABadge(t *testing.T) {
	profile, _ := shopProfile(t)
	shop := shopDir(t) // before coverHere changes the working directory
	badge := filepath.Join(t.TempDir(), "coverage.svg")
	res := coverHere(t, shop, "-total=60", "-badge="+badge, profile)
	svg, err := os.ReadFile(badge)
	if err != nil {
		t.Fatalf("exit %d, no badge: %v\n%s", res.code, err, res.stderr)
	}
	// 69.2% is within 10 points above the threshold: yellow.
	if !strings.HasPrefix(string(svg), "<svg ") || !strings.Contains(string(svg), "<title>coverage: 69.2%</title>") || !strings.Contains(string(svg), `fill="#dfb317"`) {
		t.Errorf("badge =\n%s\nwant a yellow SVG badge of 69.2%%", svg)
	}
	if res := coverHere(t, shop, "-badge="+filepath.Join(badge, "nested.svg"), profile); res.code != 2 || !strings.Contains(res.stderr, "writing the badge") {
		t.Errorf("badge into a file's path: exit %d, stderr %q; want 2", res.code, res.stderr)
	}
}

func TestCoverReadsLCOVAsLinesAndSaysSo(t *testing.T) {
	dir := t.TempDir()
	lcov := filepath.Join(dir, "coverage.dat")
	testtree.Write(t, dir, map[string]string{"coverage.dat": "TN:\nSF:pkg/calc/calc.go\nDA:3,1\nDA:4,1\nDA:7,0\nend_of_record\n"})
	res := coverHere(t, dir, "-format=json", "-total=60", lcov)
	r := decodeReport(t, res)
	if res.code != 0 || r.Total.Statements != 3 || r.Total.Covered != 2 || !reflect.DeepEqual(r.LineFiles, []string{"pkg/calc/calc.go"}) {
		t.Errorf("exit %d, total %+v, line files %v; want 2 of 3 lines from pkg/calc/calc.go", res.code, r.Total, r.LineFiles)
	}
	for _, format := range []string{"table", "markdown", "github"} {
		res := coverHere(t, dir, "-format="+format, "-total=60", lcov)
		if !strings.Contains(res.stdout, "the figures of 1 file from LCOV count lines, not statements: pkg/calc/calc.go") {
			t.Errorf("-format=%s lacks the note on lines:\n%s", format, res.stdout)
		}
	}
}

func TestCoverMergesBinaryCoverageDataWithUnitProfiles(t *testing.T) {
	isolateTools(t)
	dir := t.TempDir()
	testtree.Write(t, dir, map[string]string{
		"go.mod": "module example.com/tool\n\ngo 1.22\n",
		"main.go": `package main

import "os"

func main() {
	if len(os.Args) > 1 {
		greet()
		return
	}
	lib()
}

func greet() { println("hello") }
`,
		"lib.go":      "package main\n\nfunc lib() int { return 1 }\n",
		"lib_test.go": "package main\n\nimport \"testing\"\n\nfunc TestLib(t *testing.T) {\n\tif lib() != 1 {\n\t\tt.Error(\"lib\")\n\t}\n}\n",
	})
	unit := goTestProfile(t, dir)
	bin := filepath.Join(t.TempDir(), "tool")
	must(t, dir, "go", "build", "-cover", "-o", bin, ".")
	covdir := t.TempDir()
	t.Setenv("GOCOVERDIR", covdir)
	must(t, dir, bin, "hi")

	unitOnly := decodeReport(t, coverHere(t, dir, "-format=json", "-total=0", unit))
	res := coverHere(t, dir, "-format=json", "-total=100", "-coverdir="+covdir, unit)
	merged := decodeReport(t, res)
	// The unit test ran lib only; the program ran main's greeting path.
	// Together everything but main's lib() call ran.
	if unitOnly.Total.Covered >= merged.Total.Covered || merged.Total.Statements != unitOnly.Total.Statements || merged.Total.Covered != merged.Total.Statements-1 {
		t.Errorf("unit only %+v, merged %+v; want the binary's coverage added, all but one statement", unitOnly.Total, merged.Total)
	}
	if res.code != 1 {
		t.Errorf("exit %d, want 1 against a total of 100%%\n%s", res.code, res.stderr)
	}
	if res := coverHere(t, dir, "-total=0", "-coverdir="+covdir); res.code != 0 {
		t.Errorf("-coverdir alone: exit %d, want 0\n%s", res.code, res.stderr)
	}
}

func TestCoverGateFlagsRejectBadValuesWithExitCode2(t *testing.T) {
	dir := t.TempDir()
	testtree.Write(t, dir, map[string]string{
		"c.out":         "mode: set\nm/a.go:1.1,2.1 1 1\n",
		"baseline.json": `{"total": "high"}`,
	})
	tests := []struct {
		name string
		args []string
		want string // in stderr
	}{
		{"negative -func", []string{"-func=-1", "c.out"}, "-func -1: want a number of functions, 0 or more"},
		{"function threshold out of range", []string{"-function=101", "c.out"}, "want a percentage from 0 to 100, got 101"},
		{"missing coverage directory", []string{"-coverdir=nope"}, "coverage directory: stat nope: no such file or directory"},
		{"malformed baseline", []string{"-baseline=baseline.json", "c.out"}, "baseline.json:1: not a baseline written by testgate cover -write-baseline"},
		{"baseline into a missing directory", []string{"-write-baseline=no/dir/b.json", "c.out"}, "writing the baseline: open no/dir/b.json"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := coverHere(t, dir, tt.args...)
			if res.code != 2 || !strings.Contains(res.stderr, tt.want) {
				t.Errorf("exit %d, want 2; stderr lacks %q:\n%s", res.code, tt.want, res.stderr)
			}
		})
	}
}
