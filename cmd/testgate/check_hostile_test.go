package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/testgate/testgate/internal/testtree"
)

var crashModule = filepath.Join("..", "..", "testdata", "crashmod")

func TestCheckNamesTheTestsWhoseBinaryDiedAndLeavesTheirPackagesOutOpenly(t *testing.T) {
	res := checkIn(t, crashModule, "-timeout=2s", "./...")
	if res.code != exitFailed {
		t.Fatalf("check exit code = %d, want %d\nstdout:\n%s\nstderr:\n%s", res.code, exitFailed, res.stdout, res.stderr)
	}
	for _, want := range []string{
		"--- FAIL: example.com/crashmod/exit.TestServerStarts (did not finish: its test binary exited mid-test, as os.Exit and log.Fatal do)",
		"server: port 8080 in use",
		"--- FAIL: example.com/crashmod/fatal.TestConfigLoads (did not finish: its test binary exited mid-test",
		"config: open /etc/app.yml: no such file",
		"--- FAIL: example.com/crashmod/hang.TestWorkerAnswers (did not finish: go test -timeout ended it)",
		"waiting for the worker",
		"panic: test timed out after 2s",
		"Not in the figures: 2 packages whose tests ran but wrote no coverage:",
		"example.com/crashmod/exit (TestServerStarts did not finish: its test binary exited mid-test",
		"the figures leave out 2 packages that wrote no coverage",
		"check: FAIL: tests failed",
	} {
		if !strings.Contains(res.stdout, want) {
			t.Errorf("check output lacks %q:\n%s", want, res.stdout)
		}
	}
}

func TestCheckPassesAModuleWithoutStatementsAndSaysWhy(t *testing.T) {
	dir := t.TempDir()
	testtree.Write(t, dir, map[string]string{
		"go.mod":              "module example.com/kinds\n\ngo 1.26\n",
		"kinds/kinds.go":      "// Package kinds only declares.\npackage kinds\n\ntype Kind int\n\nconst (\n\tSmall Kind = iota\n\tLarge\n)\n",
		"kinds/kinds_test.go": "package kinds\n\nimport \"testing\"\n\nfunc TestLargeComesAfterSmall(t *testing.T) {\n\tif Large <= Small {\n\t\tt.Error(\"Large <= Small\")\n\t}\n}\n",
	})
	res := checkIn(t, dir)
	if res.code != exitOK || !strings.Contains(res.stdout, "nothing to measure: go test says each package tested has [no statements]") || !strings.HasSuffix(res.stdout, "check: PASS\n") {
		t.Errorf("check of a module without statements = exit %d, want 0 saying why:\n%s\n%s", res.code, res.stdout, res.stderr)
	}
}

func TestCheckGatesTheUsersCoverprofileAndLeavesItThere(t *testing.T) {
	out := t.TempDir()
	cases := []struct {
		name, want string
		args       []string
	}{
		{"absolute", filepath.Join(out, "abs.out"), []string{"-coverprofile", filepath.Join(out, "abs.out")}},
		{"relative to -outputdir", filepath.Join(out, "rel.out"), []string{"-outputdir=" + out, "-coverprofile=rel.out"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			res := checkIn(t, checkModule, append(tc.args, "-total", "50", "./calc")...)
			if res.code != exitOK || !strings.Contains(res.stdout, "example.com/checkmod/calc") {
				t.Fatalf("check %v = exit %d, want 0 with calc's coverage:\n%s\n%s", tc.args, res.code, res.stdout, res.stderr)
			}
			data, err := os.ReadFile(tc.want)
			if err != nil || !strings.Contains(string(data), "example.com/checkmod/calc/calc.go:") {
				t.Errorf("profile %s = %q, %v; want calc's coverage left where asked", tc.want, data, err)
			}
		})
	}
}

func TestCheckCallsPackagesThatAreNotThereBadUsage(t *testing.T) {
	outside := t.TempDir()
	cases := []struct {
		name, dir  string
		args       []string
		wantStderr string
	}{
		{"missing directory", checkModule, []string{"./calc", "./nope"}, "testgate check: package ./nope: stat "},
		{"directory without Go files", checkModule, []string{"."}, "testgate check: package .: no Go files in "},
		{"import path no module provides", checkModule, []string{"example.com/elsewhere"}, "no required module provides package example.com/elsewhere"},
		{"outside any module", outside, nil, "testgate check: pattern ./...: directory prefix . does not contain main module"},
		{"a flag without its value", checkModule, []string{"-run"}, "testgate check: flag needs an argument: -run"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			res := checkIn(t, tc.dir, tc.args...)
			if res.code != exitBadUsage || !strings.Contains(res.stderr, tc.wantStderr) || res.stdout != "" {
				t.Errorf("check %q = exit %d, stdout %q, stderr %q; want exit 2 and only %q", tc.args, res.code, res.stdout, res.stderr, tc.wantStderr)
			}
		})
	}
}

func TestCheckBoundsWhatItKeepsAndPrintsOfTestOutput(t *testing.T) {
	dir := t.TempDir()
	testtree.Write(t, dir, map[string]string{
		"go.mod":  "module example.com/loud\n\ngo 1.26\n",
		"loud.go": "// Package loud adds.\npackage loud\n\nfunc Add(a, b int) int { return a + b }\n",
		"loud_test.go": `package loud

import (
	"fmt"
	"strings"
	"testing"
)

func TestAddReportsAHugeMismatch(t *testing.T) {
	if Add(1, 2) == 3 {
		t.Error("got " + strings.Repeat("y", 5_000_000))
	}
}

func TestAddOfEveryPairFails(t *testing.T) {
	for i := range 3000 {
		t.Run(fmt.Sprintf("pair %d", i), func(t *testing.T) {
			t.Errorf("Add(%d, 1) = %d: %s", i, Add(i, 1), strings.Repeat("z", 300))
		})
	}
}
`,
	})
	// In source order the huge failure comes first, before the bound on
	// the summary leaves the pairs out: the order is what this test sets.
	res := checkIn(t, dir, "-format=markdown", "-shuffle=off")
	if res.code != exitFailed {
		t.Fatalf("exit code = %d, want %d\n%s", res.code, exitFailed, res.stderr)
	}
	if n := len(res.stdout); n > 1<<20 {
		t.Errorf("summary is %d bytes, want at most 1 MiB, what GitHub's job summary takes", n)
	}
	for _, want := range []string{"more bytes)", "more failures: go test shows them all", "**check: FAIL: tests failed"} {
		if !strings.Contains(res.stdout, want) {
			t.Errorf("summary lacks %q", want)
		}
	}
}

func TestLintAndCheckPrintEachLoadErrorOnce(t *testing.T) {
	dir := t.TempDir()
	testtree.Write(t, dir, map[string]string{
		"go.mod":      "module example.com/broken\n\ngo 1.26\n",
		"a/a.go":      "package a\n\nfunc F() int { return undefined }\n",
		"a/a_test.go": "package a\n\nimport \"testing\"\n\nfunc TestFReturnsOne(t *testing.T) {\n\tif F() != 1 {\n\t\tt.Error(\"F() != 1\")\n\t}\n}\n",
		"b/b.go":      "package b\n\nimport \"example.com/broken/a\"\n\nfunc G() int { return a.F() }\n",
	})
	lint := runTestgate(t, dir, "lint", "./...")
	want := filepath.Join(dir, "a", "a.go") + ":3:23: undefined: undefined\n"
	if lint.code != exitLintError || lint.stderr != want {
		t.Errorf("lint of a broken module = exit %d, stderr:\n%s\nwant exit 1 and only:\n%s", lint.code, lint.stderr, want)
	}
	check := checkIn(t, dir)
	_, section, _ := strings.Cut(check.stdout, "== lint\n")
	section, _, _ = strings.Cut(section, "\n== coverage")
	if section != "0 reports\n"+want || !strings.Contains(check.stdout, "check: FAIL: tests failed, packages did not load for the analyzers") {
		t.Errorf("check's lint section = %q, want \"0 reports\" and the error once, and a verdict that does not claim reports:\n%s", section, check.stdout)
	}
}

func TestCheckJSONListsNoProblemsAsAnEmptyList(t *testing.T) {
	res := checkIn(t, checkModule, "-format=json", "-total=50", "./calc")
	if res.code != exitOK || !strings.Contains(res.stdout, `"problems": [],`) || !strings.Contains(res.stdout, `"coverage": "75.0% of statements"`) {
		t.Errorf("check -format=json of a passing run = exit %d, want problems as [] and calc's coverage:\n%s\n%s", res.code, res.stdout, res.stderr)
	}
}
