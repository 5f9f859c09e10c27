package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// fakeTools stands in for the go command and testgate: a module proxy
// holding one module, whose go.mod replaces a sibling by a relative path.
type fakeTools struct {
	t        *testing.T
	cache    string   // the module cache's copy of the module
	lintOut  string   // what testgate lint -json prints, with DIR for the copy
	lintErr  error    // and how it exits
	calls    []string // every command run, as "dir: name args"
	download error
	crashes  []string // testgate panics when run with these arguments ("" for none)
}

func newFakeTools(t *testing.T) *fakeTools {
	cache := t.TempDir()
	for name, content := range map[string]string{
		"go.mod":        "module example.com/a\n\nreplace example.com/sibling => ../sibling\n",
		"a_test.go":     "package a\n",
		"sub/b_test.go": "package sub\n",
	} {
		path := filepath.Join(cache, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o444); err != nil {
			t.Fatal(err)
		}
	}
	f := &fakeTools{t: t, cache: cache, lintOut: `{"example.com/a": {"sleep": [{"posn": "DIR/a_test.go:3:2", "message": "waits"}]}}`}
	old := command
	command = f.run
	t.Cleanup(func() { command = old })
	return f
}

func (f *fakeTools) run(dir string, env []string, name string, args ...string) ([]byte, error) {
	call := fmt.Sprintf("%s: %s %s", filepath.Base(dir), filepath.Base(name), strings.Join(args, " "))
	f.calls = append(f.calls, call)
	switch {
	case name == "go" && args[0] == "build":
		return nil, nil
	case name == "go" && args[0] == "mod" && args[1] == "download":
		if f.download != nil {
			return nil, f.download
		}
		return json.Marshal(map[string]string{"Path": "example.com/a", "Dir": f.cache})
	case name == "go" && args[0] == "mod" && args[1] == "edit" && args[2] == "-json":
		return []byte(`{"Replace": [
			{"Old": {"Path": "example.com/sibling"}, "New": {"Path": "../sibling"}},
			{"Old": {"Path": "example.com/fork"}, "New": {"Path": "example.com/fork2", "Version": "v1.0.0"}}]}`), nil
	case name == "go" && args[0] == "mod" && args[1] == "edit":
		return nil, nil
	case filepath.Base(name) == "testgate":
		if !slices.Contains(env, "GOFLAGS=-mod=mod") {
			f.t.Errorf("testgate runs without GOFLAGS=-mod=mod: %q", env)
		}
		selection := strings.Join(args[2:len(args)-1], " ")
		if slices.Contains(f.crashes, selection) {
			return nil, errors.New("exit status 2\npanic: nil pointer dereference\n\ngoroutine 9 [running]:\nsleep.run()")
		}
		if selection != "" {
			return []byte(`{"example.com/a": {"` + selection[1:] + `": [{"posn": "` + dir + `/a_test.go:7:1", "message": "alone"}]}}`), nil
		}
		return []byte(strings.ReplaceAll(f.lintOut, "DIR", dir)), f.lintErr
	}
	f.t.Fatalf("unexpected command %s", call)
	return nil, nil
}

func TestPrepareCopiesTheModuleOnceAndDropsLocalReplaces(t *testing.T) {
	f := newFakeTools(t)
	work := t.TempDir()
	m := module{"example.com/a", "v1.0.0"}

	dir, err := prepare(work, m)
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(work, "src", "example.com/a@v1.0.0"); dir != want {
		t.Errorf("dir = %s, want %s", dir, want)
	}
	if err := os.WriteFile(filepath.Join(dir, "sub", "b_test.go"), []byte("package sub // edited\n"), 0o644); err != nil {
		t.Fatalf("the copy is not writable: %v", err)
	}
	if !slices.Contains(f.calls, "a@v1.0.0.tmp: go mod edit -dropreplace=example.com/sibling go.mod") {
		t.Errorf("the relative replace was not dropped (only it should be); calls: %q", f.calls)
	}

	f.calls = nil
	if _, err := prepare(work, m); err != nil {
		t.Fatal(err)
	}
	if len(f.calls) != 0 {
		t.Errorf("a prepared module was fetched again: %q", f.calls)
	}
}

func TestPrepareReportsDownloadFailures(t *testing.T) {
	f := newFakeTools(t)
	f.download = errors.New("go mod download: 404 Not Found")
	if _, err := prepare(t.TempDir(), module{"example.com/a", "v9.9.9"}); err == nil || !strings.Contains(err.Error(), "404") {
		t.Fatalf("err = %v, want the download error", err)
	}
}

func TestLintKeepsTheRawOutputAndReportsLoadProblems(t *testing.T) {
	f := newFakeTools(t)
	f.lintErr = errors.New("testgate lint: exit status 1\npackage sub: build constraints exclude all Go files")
	dir, raw := t.TempDir(), filepath.Join(t.TempDir(), "reports")

	reports, warnings, err := lint("/bin/testgate", dir, module{"example.com/a", "v1.0.0"}, raw, []string{"sleep"})
	if err != nil {
		t.Fatal(err)
	}
	if len(reports) != 1 || reports[0].File != "a_test.go" || reports[0].Line != 3 {
		t.Errorf("reports = %+v", reports)
	}
	if len(warnings) != 1 || !strings.Contains(warnings[0], "build constraints") {
		t.Errorf("warnings = %q", warnings)
	}
	if _, err := os.Stat(filepath.Join(raw, "example.com_a@v1.0.0.json")); err != nil {
		t.Errorf("raw output not kept: %v", err)
	}
}

func TestLintFailsWhenTestgatePrintsNothingAndSucceeds(t *testing.T) {
	f := newFakeTools(t)
	f.lintOut, f.lintErr = "", nil
	if _, _, err := lint("/bin/testgate", t.TempDir(), module{"example.com/a", "v1.0.0"}, t.TempDir(), nil); err == nil || errors.Is(err, errNoOutput) {
		t.Fatalf("err = %v, want the parse error of the empty output", err)
	}
}

func TestLintRunsEachAnalyzerAloneWhenTestgateCrashes(t *testing.T) {
	f := newFakeTools(t)
	f.crashes = []string{"", "-sleep"}
	reports, warnings, err := lint("/bin/testgate", t.TempDir(), module{"example.com/a", "v1.0.0"}, t.TempDir(), []string{"secret", "sleep"})
	if err != nil {
		t.Fatal(err)
	}
	if len(reports) != 1 || reports[0].Analyzer != "secret" || reports[0].Line != 7 {
		t.Errorf("reports = %+v, want secret's alone", reports)
	}
	if len(warnings) != 2 || !strings.Contains(warnings[1], "sleep: ") || !strings.HasSuffix(warnings[1], "nil pointer dereference") {
		t.Errorf("warnings = %q, want the crash of sleep without its stack", warnings)
	}
}

func TestCommandReturnsOutputAndNamesTheFailingCommand(t *testing.T) {
	out, err := command(t.TempDir(), []string{"EVAL_TEST=1"}, "sh", "-c", "echo $EVAL_TEST")
	if err != nil || string(out) != "1\n" {
		t.Fatalf("command = %q, %v", out, err)
	}
	_, err = command("", nil, "sh", "-c", "echo broken >&2; exit 3")
	if err == nil || !strings.Contains(err.Error(), "sh -c") || !strings.Contains(err.Error(), "broken") {
		t.Fatalf("err = %v, want the command and its stderr", err)
	}
}

func writeInputs(t *testing.T, gold string) (modules, goldFile string) {
	dir := t.TempDir()
	modules = filepath.Join(dir, "modules.txt")
	goldFile = filepath.Join(dir, "gold.tsv")
	if err := os.WriteFile(modules, []byte("example.com/a@v1.0.0\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(goldFile, []byte(gold), 0o644); err != nil {
		t.Fatal(err)
	}
	return modules, goldFile
}

func TestRunScoresTheModulesAgainstTheGoldRows(t *testing.T) {
	f := newFakeTools(t)
	modules, gold := writeInputs(t, "example.com/a\ta_test.go:3\tsleep\tflag\twaits\n"+
		"example.com/a\ta_test.go:9\tsleep\tflag\tanother wait\n")
	var stdout, stderr bytes.Buffer
	code := run([]string{"-work", t.TempDir(), "-modules", modules, "-gold", gold}, &stdout, &stderr)
	if code != 0 {
		t.Fatalf("exit %d, stderr:\n%s", code, stderr.String())
	}
	if !strings.Contains(squeeze(stdout.String()), "sleep 2 0 1 1 0 1.00 (1/1) 0.50 (1/2)") ||
		!strings.Contains(stdout.String(), "a_test.go:9 sleep: another wait") {
		t.Errorf("stdout:\n%s", stdout.String())
	}
	if !strings.HasPrefix(f.calls[0], ".: go build -o ") {
		t.Errorf("testgate was not built from the checkout first: %q", f.calls)
	}
}

func TestRunRejectsBadInvocations(t *testing.T) {
	newFakeTools(t)
	modules, gold := writeInputs(t, "example.com/a\ta_test.go:3\tsleep\tflag\twaits\n")
	_, badGold := writeInputs(t, "example.com/a\ta_test.go\tsleep\tflag\twaits\n")
	for name, args := range map[string][]string{
		"unknown flag":     {"-nope"},
		"stray argument":   {"-modules", modules, "-gold", gold, "extra"},
		"bad regexp":       {"-modules", modules, "-gold", gold, "-only", "("},
		"no module":        {"-modules", modules, "-gold", gold, "-only", "nothing-matches"},
		"missing modules":  {"-modules", filepath.Join(t.TempDir(), "absent"), "-gold", gold},
		"bad gold":         {"-modules", modules, "-gold", badGold},
		"missing gold":     {"-modules", modules, "-gold", filepath.Join(t.TempDir(), "absent")},
		"with a given bin": {"-modules", modules, "-gold", gold, "-testgate", "/bin/testgate", "-only", "nothing-matches"},
	} {
		t.Run(name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			if code := run(args, &stdout, &stderr); code != 2 {
				t.Fatalf("exit %d, want 2; stderr:\n%s", code, stderr.String())
			}
		})
	}
}

func TestRunStopsWhenAModuleCannotBeFetched(t *testing.T) {
	f := newFakeTools(t)
	f.download = errors.New("proxy unreachable")
	modules, gold := writeInputs(t, "example.com/a\ta_test.go:3\tsleep\tflag\twaits\n")
	var stdout, stderr bytes.Buffer
	code := run([]string{"-work", t.TempDir(), "-modules", modules, "-gold", gold, "-testgate", "/bin/testgate"}, &stdout, &stderr)
	if code != 1 || !strings.Contains(stderr.String(), "proxy unreachable") {
		t.Fatalf("exit %d, stderr:\n%s", code, stderr.String())
	}
}

func TestRescoreReadsWhatTheLastRunKept(t *testing.T) {
	f := newFakeTools(t)
	modules, gold := writeInputs(t, "example.com/a\ta_test.go:3\tsleep\tflag\twaits\n"+
		"example.com/a\ta_test.go:7\tsecret\tflag\tkey\n")
	work := t.TempDir()
	args := []string{"-work", work, "-modules", modules, "-gold", gold, "-testgate", "/bin/testgate"}
	for _, crashes := range [][]string{nil, {"", "-sleep"}} {
		f.crashes = crashes
		var stdout, stderr bytes.Buffer
		if code := run(args, &stdout, &stderr); code != 0 {
			t.Fatalf("exit %d, stderr:\n%s", code, stderr.String())
		}
		f.calls = nil
		var again bytes.Buffer
		if code := run(append(args, "-rescore"), &again, &stderr); code != 0 {
			t.Fatalf("-rescore: exit %d, stderr:\n%s", code, stderr.String())
		}
		if len(f.calls) != 0 {
			t.Errorf("-rescore ran commands: %q", f.calls)
		}
		if again.String() != stdout.String() {
			t.Errorf("crashes %q: -rescore printed\n%s\nwant what the run printed\n%s", crashes, again.String(), stdout.String())
		}
	}
}

func TestRescoreNeedsAFormerRun(t *testing.T) {
	newFakeTools(t)
	modules, gold := writeInputs(t, "example.com/a\ta_test.go:3\tsleep\tflag\twaits\n")
	var stdout, stderr bytes.Buffer
	code := run([]string{"-work", t.TempDir(), "-modules", modules, "-gold", gold, "-rescore"}, &stdout, &stderr)
	if code != 1 || !strings.Contains(stderr.String(), "run without -rescore first") {
		t.Fatalf("exit %d, stderr:\n%s", code, stderr.String())
	}
}
