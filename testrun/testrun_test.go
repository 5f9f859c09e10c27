package testrun

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"
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

func TestTagFlagsKeepsOnlyBuildTags(t *testing.T) {
	got := TagFlags([]string{"-race", "-tags", "integration", "-run", "X", "--tags=e2e,slow"})
	if want := "-tags integration --tags=e2e,slow"; strings.Join(got, " ") != want {
		t.Errorf("TagFlags = %q, want %q", got, want)
	}
}
