package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// testgateBinary is the testgate executable built once for the end-to-end
// tests of this package, which run it as users and go vet do.
var testgateBinary string

func TestMain(m *testing.M) {
	os.Exit(runWithBinary(m))
}

func runWithBinary(m *testing.M) int {
	dir, err := os.MkdirTemp("", "testgate-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	defer os.RemoveAll(dir)
	testgateBinary = filepath.Join(dir, "testgate")
	build := exec.Command("go", "build", "-o", testgateBinary, ".")
	if out, err := build.CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "building testgate: %v\n%s", err, out)
		return 2
	}
	return m.Run()
}

// result is what one run of the binary produced.
type result struct {
	stdout, stderr string
	code           int
}

// runTestgate runs the built binary in dir with args and returns its output
// and exit code; it fails the test only when the binary could not run.
func runTestgate(t *testing.T, dir string, args ...string) result {
	t.Helper()
	return runCommand(t, dir, testgateBinary, args...)
}

func runCommand(t *testing.T, dir, name string, args ...string) result {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	var exitErr *exec.ExitError
	code := 0
	switch {
	case errors.As(err, &exitErr):
		code = exitErr.ExitCode()
	case err != nil:
		t.Fatalf("running %s %s: %v", name, strings.Join(args, " "), err)
	}
	return result{stdout.String(), stderr.String(), code}
}

func TestHelpListsCommandsAndEveryAnalyzer(t *testing.T) {
	for _, args := range [][]string{nil, {"help"}} {
		res := runTestgate(t, t.TempDir(), args...)
		if res.code != 0 {
			t.Fatalf("testgate %v exited %d: %s", args, res.code, res.stderr)
		}
		for _, want := range []string{"lint", "cover", "check", "version", "testname", "sleep", "secret", "cleanup", "noassert", "extcall", "isolation", "disabled"} {
			if !strings.Contains(res.stdout, want) {
				t.Errorf("testgate %v output lacks %q:\n%s", args, want, res.stdout)
			}
		}
	}
}

func TestVersionPrintsOneLineWithTheBuildsVersion(t *testing.T) {
	res := runTestgate(t, t.TempDir(), "version")
	// A binary built from a checkout has no module version: "(devel)".
	if res.code != 0 || res.stdout != "testgate (devel)\n" {
		t.Errorf("testgate version = %q (exit %d), want \"testgate (devel)\\n\"", res.stdout, res.code)
	}
}

func TestUnknownCommandIsBadUsageListingTheCommands(t *testing.T) {
	for _, arg := range []string{"frobnicate", "./..."} {
		res := runTestgate(t, t.TempDir(), arg)
		want := "testgate: unknown command \"" + arg + "\"; the commands are lint, cover, check, version, help (testgate help describes them)\n"
		if res.code != exitBadUsage || res.stderr != want || res.stdout != "" {
			t.Errorf("testgate %s = exit %d, stderr %q; want exit 2 and %q", arg, res.code, res.stderr, want)
		}
	}
}

func TestGoVetProtocolStillReachesTheAnalysisDriver(t *testing.T) {
	res := runTestgate(t, t.TempDir(), "-V=full")
	if res.code != 0 || !strings.Contains(res.stdout, "version") {
		t.Errorf("testgate -V=full = exit %d, stdout %q, stderr %q; want the driver's version line", res.code, res.stdout, res.stderr)
	}
	res = runTestgate(t, t.TempDir(), "-flags")
	if res.code != 0 || !strings.HasPrefix(res.stdout, "[") {
		t.Errorf("testgate -flags = exit %d, stdout %q; want the JSON list of flags", res.code, res.stdout)
	}
}
