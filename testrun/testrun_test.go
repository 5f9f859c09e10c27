package testrun

import (
	"context"
	"fmt"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/testgate/testgate/internal/testtree"
)

func TestReadCollectsPackagesFailuresAndProgress(t *testing.T) {
	stream := strings.Join([]string{
		`{"Action":"start","Package":"m/a"}`,
		`{"Action":"run","Package":"m/a","Test":"TestOK"}`,
		`{"Action":"output","Package":"m/a","Test":"TestOK","Output":"=== RUN   TestOK\n"}`,
		`{"Action":"pass","Package":"m/a","Test":"TestOK","Elapsed":0}`,
		`{"Action":"pass","Package":"m/a","Elapsed":0.25}`,
		`{"Action":"run","Package":"m/b","Test":"TestBad"}`,
		`{"Action":"output","Package":"m/b","Test":"TestBad","Output":"    b_test.go:9: got 4, want 5\n"}`,
		`{"Action":"fail","Package":"m/b","Test":"TestBad","Elapsed":0.01}`,
		`{"Action":"output","Package":"m/b","Output":"FAIL\n"}`,
		`{"Action":"fail","Package":"m/b","Elapsed":0.5}`,
		`{"ImportPath":"m/c [m/c.test]","Action":"build-output","Output":"c.go:3:1: syntax error\n"}`,
		`{"ImportPath":"m/c [m/c.test]","Action":"build-fail"}`,
		`{"Action":"fail","Package":"m/c","Elapsed":0,"FailedBuild":"m/c [m/c.test]"}`,
		`{"Action":"skip","Package":"m/d","Elapsed":0}`,
		`plain text from the go command is ignored`,
	}, "\n")
	var progress strings.Builder
	res, err := Read(strings.NewReader(stream), &progress)
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	var statuses []string
	for _, p := range res.Packages {
		statuses = append(statuses, p.Status+" "+p.Path)
	}
	if want := []string{"ok m/a", "FAIL m/b", "FAIL m/c", "? m/d"}; !slices.Equal(statuses, want) {
		t.Errorf("packages = %q, want %q", statuses, want)
	}
	if len(res.Failures) != 2 {
		t.Fatalf("failures = %+v, want TestBad and the build failure", res.Failures)
	}
	if f := res.Failures[0]; f.Test != "TestBad" || !strings.Contains(f.Output, "got 4, want 5") {
		t.Errorf("first failure = %+v, want TestBad with its output", f)
	}
	if f := res.Failures[1]; f.Package != "m/c" || !strings.Contains(f.Output, "syntax error") {
		t.Errorf("second failure = %+v, want m/c's build error", f)
	}
	if res.Passed() {
		t.Error("Passed() = true for a run with failures")
	}
	for _, want := range []string{"ok   m/a\t0.25s", "FAIL m/b", "?    m/d\t[no test files]", "elapsed)"} {
		if !strings.Contains(progress.String(), want) {
			t.Errorf("progress lacks %q:\n%s", want, progress.String())
		}
	}
}

func TestReadRejectsCorruptJSONNamingTheLine(t *testing.T) {
	_, err := Read(strings.NewReader("{\"Action\":\"start\"}\n{\"Action\":"), nil)
	if err == nil || !strings.Contains(err.Error(), "line 2") {
		t.Errorf("Read of a truncated stream: err = %v, want one naming line 2", err)
	}
}

func TestSplitArgsSeparatesFlagsFromPackages(t *testing.T) {
	cases := []struct {
		name        string
		args        []string
		flags, pkgs []string
	}{
		{"patterns only", []string{"./...", "example.com/x"}, nil, []string{"./...", "example.com/x"}},
		{"boolean flags", []string{"-race", "-short", "./..."}, []string{"-race", "-short"}, []string{"./..."}},
		{"value flags as two words", []string{"-tags", "integration", "-run", "TestX", "./a"}, []string{"-tags", "integration", "-run", "TestX"}, []string{"./a"}},
		{"value flags with =", []string{"-tags=e2e", "./b"}, []string{"-tags=e2e"}, []string{"./b"}},
		{"test binary args are dropped", []string{"./c", "-args", "-update"}, nil, []string{"./c"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			flags, pkgs := SplitArgs(tc.args)
			if !slices.Equal(flags, tc.flags) || !slices.Equal(pkgs, tc.pkgs) {
				t.Errorf("SplitArgs(%q) = %q, %q; want %q, %q", tc.args, flags, pkgs, tc.flags, tc.pkgs)
			}
		})
	}
}

func TestRunReportsTheFailingTestOfARealModule(t *testing.T) {
	dir, err := filepath.Abs(filepath.Join("..", "testdata", "checkmod"))
	if err != nil {
		t.Fatal(err)
	}
	profile := filepath.Join(t.TempDir(), "cover.out")
	res, err := Run(context.Background(), Options{Dir: dir, Args: []string{"./..."}, CoverProfile: profile})
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	if res.Passed() {
		t.Fatal("Passed() = true, want the flaky package to fail")
	}
	if len(res.Failures) != 1 || res.Failures[0].Test != "TestDoubleOfTwoIsFive" {
		t.Errorf("failures = %+v, want only TestDoubleOfTwoIsFive", res.Failures)
	}
	if !slices.ContainsFunc(res.Packages, func(p Package) bool { return p.Path == "example.com/checkmod/calc" && p.Status == "ok" }) {
		t.Errorf("packages = %+v, want calc passing", res.Packages)
	}
}

func TestRunReportsASetupFailureWithTheGoCommandsReason(t *testing.T) {
	res, err := Run(context.Background(), Options{Dir: t.TempDir(), Args: []string{"./..."}, CoverProfile: filepath.Join(t.TempDir(), "c.out")})
	if err != nil {
		t.Fatalf("Run outside a module: %v", err)
	}
	if res.Passed() || len(res.Failures) == 0 || !strings.Contains(res.Failures[0].Output, "does not contain main module") {
		t.Errorf("Run outside a module = %+v, want a failure carrying go's reason", res)
	}
}

func TestRunFailsClearlyOnAnUnknownFlag(t *testing.T) {
	_, err := Run(context.Background(), Options{Dir: t.TempDir(), Args: []string{"-no-such-flag"}, CoverProfile: filepath.Join(t.TempDir(), "c.out")})
	if err == nil || !strings.Contains(err.Error(), "no-such-flag") {
		t.Errorf("Run with an unknown flag: err = %v, want one naming the flag", err)
	}
}

func TestReadNamesTheTestThatWasRunningWhenItsBinaryExited(t *testing.T) {
	// What go test -json prints for a test that calls os.Exit: output under
	// the test, then only a package-level fail.
	stream := strings.Join([]string{
		`{"Action":"run","Package":"m/a","Test":"TestOK"}`,
		`{"Action":"pass","Package":"m/a","Test":"TestOK"}`,
		`{"Action":"run","Package":"m/a","Test":"TestServer"}`,
		`{"Action":"run","Package":"m/a","Test":"TestServer/starts"}`,
		`{"Action":"output","Package":"m/a","Test":"TestServer/starts","Output":"=== RUN   TestServer/starts\n"}`,
		`{"Action":"output","Package":"m/a","Test":"TestServer/starts","Output":"server: port 8080 in use\n"}`,
		`{"Action":"output","Package":"m/a","Output":"FAIL\tm/a\t0.004s\n"}`,
		`{"Action":"fail","Package":"m/a","Elapsed":0.005}`,
	}, "\n")
	res, err := Read(strings.NewReader(stream), nil)
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	want := Failure{Package: "m/a", Test: "TestServer/starts", Output: "=== RUN   TestServer/starts\nserver: port 8080 in use\n", Unfinished: true}
	if len(res.Failures) != 1 || !reflect.DeepEqual(res.Failures[0], want) {
		t.Errorf("failures = %+v, want only %+v", res.Failures, want)
	}
	if len(res.Packages) != 1 || res.Packages[0].Coverage != "" {
		t.Errorf("packages = %+v, want m/a without coverage", res.Packages)
	}
}

func TestReadRecordsWhatGoTestSaysOfEachPackagesCoverage(t *testing.T) {
	stream := strings.Join([]string{
		`{"Action":"output","Package":"m/a","Output":"coverage: 75.0% of statements\n"}`,
		`{"Action":"output","Package":"m/a","Output":"ok  \tm/a\t0.030s\tcoverage: 75.0% of statements\n"}`,
		`{"Action":"pass","Package":"m/a"}`,
		`{"Action":"output","Package":"m/kinds","Output":"ok  \tm/kinds\t(cached)\tcoverage: [no statements]\n"}`,
		`{"Action":"pass","Package":"m/kinds"}`,
		`{"Action":"output","Package":"m/notests","Output":"\tm/notests\t\tcoverage: 0.0% of statements\n"}`,
		`{"Action":"skip","Package":"m/notests"}`,
		`{"Action":"run","Package":"m/hang","Test":"TestWaits"}`,
		`{"Action":"output","Package":"m/hang","Test":"TestWaits","Output":"coverage: 50.0% of statements\n"}`,
		`{"Action":"output","Package":"m/hang","Test":"TestWaits","Output":"panic: test timed out after 3s\n"}`,
		`{"Action":"fail","Package":"m/hang"}`,
	}, "\n")
	res, err := Read(strings.NewReader(stream), nil)
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	var got []string
	for _, p := range res.Packages {
		got = append(got, p.Path+": "+p.Coverage)
	}
	want := []string{"m/a: 75.0% of statements", "m/kinds: " + NoStatements, "m/notests: 0.0% of statements", "m/hang: 50.0% of statements"}
	if !slices.Equal(got, want) {
		t.Errorf("coverage = %q, want %q", got, want)
	}
}

func TestReadKeepsAPanicThatAGoroutineDumpScrolledAway(t *testing.T) {
	lines := []string{`{"Action":"run","Package":"m/hang","Test":"TestWaits"}`}
	output := func(s string) {
		lines = append(lines, `{"Action":"output","Package":"m/hang","Test":"TestWaits","Output":`+strconv.Quote(s+"\n")+`}`)
	}
	output("    hang_test.go:12: waiting for the worker")
	output("panic: test timed out after 3s")
	output("\trunning tests:")
	output("\t\tTestWaits (3s)")
	output("")
	for i := range 200 {
		output(fmt.Sprintf("goroutine %d [chan receive]:", i))
	}
	lines = append(lines, `{"Action":"fail","Package":"m/hang"}`)
	res, err := Read(strings.NewReader(strings.Join(lines, "\n")), nil)
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	if len(res.Failures) != 1 {
		t.Fatalf("failures = %+v, want TestWaits", res.Failures)
	}
	f := res.Failures[0]
	for _, want := range []string{"waiting for the worker", "panic: test timed out after 3s", "\t\tTestWaits (3s)", "more lines"} {
		if !strings.Contains(f.Output, want) {
			t.Errorf("output lacks %q:\n%s", want, f.Output)
		}
	}
	if f.Test != "TestWaits" || !f.Unfinished || strings.Count(f.Output, "\n") > maxLines {
		t.Errorf("failure = %+v, want TestWaits unfinished in at most %d lines", f, maxLines)
	}
}

func TestTailBoundsLinesAndTheirLength(t *testing.T) {
	var tl tail
	for i := range 1000 {
		tl.WriteString(fmt.Sprintf("line %d\n", i))
	}
	// A 5 MB line arrives from test2json in pieces of about 1 KiB.
	for range 5000 {
		tl.WriteString(strings.Repeat("y", 1000))
	}
	tl.WriteString("\nlast\n")
	out := tl.String()
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != maxLines+1 || lines[0] != "... 972 earlier lines" || lines[len(lines)-1] != "last" {
		t.Errorf("tail kept %d lines, first %q, last %q; want %d lines from \"... 972 earlier lines\" to \"last\"", len(lines), lines[0], lines[len(lines)-1], maxLines+1)
	}
	long := lines[len(lines)-2]
	if len(long) > maxLineBytes+40 || !strings.HasSuffix(long, "(4998976 more bytes)") {
		t.Errorf("the long line was kept as %d bytes ending %q, want it cut to %d bytes saying how much was left out", len(long), long[max(0, len(long)-30):], maxLineBytes)
	}
}

func TestRunShowsWhyEachTestBinaryDiedInARealModule(t *testing.T) {
	dir, err := filepath.Abs(filepath.Join("..", "testdata", "crashmod"))
	if err != nil {
		t.Fatal(err)
	}
	profile := filepath.Join(t.TempDir(), "cover.out")
	res, err := Run(context.Background(), Options{Dir: dir, Args: []string{"-timeout=2s", "./..."}, CoverProfile: profile})
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	got := make(map[string]Failure)
	for _, f := range res.Failures {
		got[f.Package+"."+f.Test] = f
	}
	for name, want := range map[string]string{
		"example.com/crashmod/exit.TestServerStarts":  "server: port 8080 in use",
		"example.com/crashmod/fatal.TestConfigLoads":  "config: open /etc/app.yml: no such file",
		"example.com/crashmod/hang.TestWorkerAnswers": "panic: test timed out after 2s",
	} {
		if f, ok := got[name]; !ok || !f.Unfinished || !strings.Contains(f.Output, want) {
			t.Errorf("failure %s = %+v, want it unfinished with %q", name, f, want)
		}
	}
	if len(res.Failures) != 3 {
		t.Errorf("failures = %+v, want the three tests that did not finish", res.Failures)
	}
	for _, p := range res.Packages {
		wroteNone := p.Path == "example.com/crashmod/exit" || p.Path == "example.com/crashmod/fatal"
		if (p.Coverage == "") != wroteNone {
			t.Errorf("package %s coverage = %q; want none only from the packages that exited", p.Path, p.Coverage)
		}
	}
}

func TestBuildFlagsKeepsWhatDecidesThePackages(t *testing.T) {
	got := BuildFlags([]string{"-race", "-tags", "integration", "-run", "X", "--tags=e2e,slow", "-mod=vendor", "-modfile", "alt.mod", "-count", "1"})
	want := []string{"-tags", "integration", "--tags=e2e,slow", "-mod=vendor", "-modfile", "alt.mod"}
	if !slices.Equal(got, want) {
		t.Errorf("BuildFlags = %q, want %q", got, want)
	}
}

func TestCheckPatternsNamesEachPatternWithNothingToTest(t *testing.T) {
	dir, err := filepath.Abs(filepath.Join("..", "testdata", "checkmod"))
	if err != nil {
		t.Fatal(err)
	}
	tagged := t.TempDir()
	testtree.Write(t, tagged, map[string]string{"go.mod": "module example.com/tagged\n", "p/p.go": "//go:build integration\n\npackage p\n"})
	// A checkout in mktemp -d's /tmp/tmp.XXXX: its path holds the "." pattern.
	dotted := filepath.Join(t.TempDir(), "tmp.Xy3")
	testtree.Write(t, dotted, map[string]string{"go.mod": "module example.com/dotted\n"})
	cases := []struct {
		name       string
		dir        string
		buildFlags []string
		patterns   []string
		want       []string // lines of the error; none for no error
	}{
		{"packages that exist", dir, nil, []string{"./...", "./calc", "example.com/checkmod/flaky"}, nil},
		{"missing directory", dir, nil, []string{"./calc", "./nope"}, []string{"package ./nope: stat " + filepath.Join(dir, "nope") + ": directory not found"}},
		{"directory without Go files", dir, nil, []string{"."}, []string{"package .: no Go files in " + dir}},
		{"directory without Go files whose path has a dot", dotted, nil, []string{"."}, []string{"package .: no Go files in " + dotted}},
		{"missing wildcard", dir, nil, []string{"./nope/..."}, []string{"pattern ./nope/...: lstat ./nope/: no such file or directory"}},
		{"import path no module provides", dir, nil, []string{"example.com/elsewhere"}, []string{"no required module provides package example.com/elsewhere"}},
		{"build tags exclude every file", tagged, nil, []string{"./p"}, []string{"package example.com/tagged/p: build constraints exclude all Go files in " + filepath.Join(tagged, "p")}},
		{"build tags given", tagged, []string{"-tags=integration"}, []string{"./p"}, nil},
		{"outside any module", t.TempDir(), nil, []string{"./..."}, []string{"pattern ./...: directory prefix . does not contain main module or its selected dependencies"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := CheckPatterns(context.Background(), tc.dir, tc.buildFlags, tc.patterns)
			var got []string
			if err != nil {
				got = strings.Split(err.Error(), "\n")
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("CheckPatterns(%q) = %q, want %q", tc.patterns, got, tc.want)
			}
		})
	}
}

func TestCheckArgsWantsAValueForTheLastFlag(t *testing.T) {
	for _, args := range [][]string{{"-run"}, {"./...", "-timeout"}, {"--count"}} {
		if err := CheckArgs(args); err == nil || !strings.Contains(err.Error(), "flag needs an argument: "+args[len(args)-1]) {
			t.Errorf("CheckArgs(%q) = %v, want the flag named as needing an argument", args, err)
		}
	}
	for _, args := range [][]string{nil, {"-run", "X"}, {"-race"}, {"-run=X", "./a"}} {
		if err := CheckArgs(args); err != nil {
			t.Errorf("CheckArgs(%q) = %v, want nil", args, err)
		}
	}
}

func TestCutFlagTakesTheFlagAndItsValueOut(t *testing.T) {
	cases := []struct {
		name  string
		args  []string
		value string
		rest  []string
	}{
		{"two words", []string{"-race", "-coverprofile", "x.out", "./..."}, "x.out", []string{"-race", "./..."}},
		{"with = and repeated: the last wins", []string{"-coverprofile=a.out", "--coverprofile=b.out"}, "b.out", nil},
		{"a value that looks like it", []string{"-run", "-coverprofile", "./a"}, "", []string{"-run", "-coverprofile", "./a"}},
		{"after -args it is the test binary's", []string{"./a", "-args", "-coverprofile=x"}, "", []string{"./a", "-args", "-coverprofile=x"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			value, rest, found := CutFlag(tc.args, "coverprofile")
			if value != tc.value || found != (tc.value != "") || !slices.Equal(rest, tc.rest) {
				t.Errorf("CutFlag(%q) = %q, %q, %v; want %q, %q", tc.args, value, rest, found, tc.value, tc.rest)
			}
		})
	}
}
