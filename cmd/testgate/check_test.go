package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// checkIn runs testgate check in process in dir, so that its code counts
// towards testgate's own coverage, and returns its output and exit code.
func checkIn(t *testing.T, dir string, args ...string) result {
	t.Helper()
	abs, err := filepath.Abs(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(abs)
	var stdout, stderr strings.Builder
	code := runCheck(args, &stdout, &stderr)
	return result{stdout.String(), stderr.String(), code}
}

var checkModule = filepath.Join("..", "..", "testdata", "checkmod")

func TestCheckReportsFailingTestsLintAndCoverageInOneSummary(t *testing.T) {
	res := checkIn(t, checkModule, "./...")
	if res.code != exitFailed {
		t.Fatalf("check exit code = %d, want %d\nstdout:\n%s\nstderr:\n%s", res.code, exitFailed, res.stdout, res.stderr)
	}
	for _, want := range []string{
		"--- FAIL: example.com/checkmod/flaky.TestDoubleOfTwoIsFive",
		"Double(2) = 4, want 5",
		"waits/waits_test.go:11:2: time.Sleep in test",
		"example.com/checkmod/calc",
		"is below the threshold 80%",
		"check: FAIL: tests failed, the analyzers reported, coverage missed a threshold",
	} {
		if !strings.Contains(res.stdout, want) {
			t.Errorf("check output lacks %q:\n%s", want, res.stdout)
		}
	}
}

func TestCheckPassesGoTestFlagsThroughAndHonoursGateFlags(t *testing.T) {
	res := checkIn(t, checkModule, "-run", "TestAdd|TestDivide|TestDoubleOfZero", "-total", "50", "-short", "./calc", "./flaky", "./notests")
	if res.code != exitOK {
		t.Fatalf("check exit code = %d, want 0\nstdout:\n%s\nstderr:\n%s", res.code, res.stdout, res.stderr)
	}
	for _, want := range []string{"3 packages tested, 0 failed", "0 reports", "meets the threshold 50%", "check: PASS"} {
		if !strings.Contains(res.stdout, want) {
			t.Errorf("check output lacks %q:\n%s", want, res.stdout)
		}
	}
}

func TestCheckRunsOnlyTheAnalyzersTheConfigEnables(t *testing.T) {
	dir := t.TempDir()
	config := filepath.Join(dir, "lint.yml")
	if err := os.WriteFile(config, []byte("lint:\n  disable: [sleep]\ncoverage:\n  threshold: {total: 50}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	res := checkIn(t, checkModule, "-config", config, "./waits")
	if res.code != exitOK || strings.Contains(res.stdout, "time.Sleep") {
		t.Errorf("check with sleep disabled = exit %d, want 0 and no sleep report:\n%s\n%s", res.code, res.stdout, res.stderr)
	}
}

func TestCheckHelpDescribesCheckNotGoTest(t *testing.T) {
	res := checkIn(t, checkModule, "-h")
	if res.code != exitOK || !strings.Contains(res.stderr, "Usage: testgate check") || !strings.Contains(res.stderr, "-diff-base") {
		t.Errorf("check -h = exit %d, stderr:\n%s\nwant exit 0 and check's usage", res.code, res.stderr)
	}
}

func TestCheckRejectsBadUsageWithExitCode2(t *testing.T) {
	cases := []struct {
		name       string
		args       []string
		wantStderr string
	}{
		{"unknown report format", []string{"-format", "pdf", "./..."}, "pdf"},
		{"threshold out of range", []string{"-total=120", "./..."}, "120"},
		{"missing config file", []string{"-config", "no-such.yml", "./..."}, "no-such.yml"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			res := checkIn(t, checkModule, tc.args...)
			if res.code != exitBadUsage || !strings.Contains(res.stderr, tc.wantStderr) {
				t.Errorf("check %v = exit %d, stderr %q; want exit 2 naming %q", tc.args, res.code, res.stderr, tc.wantStderr)
			}
		})
	}
}

func TestCheckShowsWhyGoTestBuiltNothing(t *testing.T) {
	// go test hands an unknown flag and everything after it to the test
	// binary, so it tests the module's root directory, which has no Go files.
	res := checkIn(t, checkModule, "-no-such-go-test-flag", "./calc")
	if res.code != exitFailed {
		t.Fatalf("check exit code = %d, want %d\nstdout:\n%s\nstderr:\n%s", res.code, exitFailed, res.stdout, res.stderr)
	}
	for _, want := range []string{"no Go files", "go test wrote no coverage data", "check: FAIL"} {
		if !strings.Contains(res.stdout, want) {
			t.Errorf("check output lacks %q:\n%s", want, res.stdout)
		}
	}
}

func TestCheckJSONIsOneDocumentHoldingCoversReport(t *testing.T) {
	res := checkIn(t, checkModule, "-format=json", "./...")
	var doc struct {
		Pass     bool     `json:"pass"`
		Problems []string `json:"problems"`
		Tests    struct {
			Failures []struct{ Package, Test string } `json:"failures"`
		} `json:"tests"`
		Lint []struct {
			Analyzer, Posn string
		} `json:"lint"`
		Coverage struct {
			Pass  bool `json:"pass"`
			Total struct {
				Statements int `json:"statements"`
			} `json:"total"`
		} `json:"coverage"`
	}
	if err := json.Unmarshal([]byte(res.stdout), &doc); err != nil {
		t.Fatalf("check -format=json output is not one JSON document: %v\n%s", err, res.stdout)
	}
	if doc.Pass || len(doc.Problems) != 3 {
		t.Errorf("pass = %v, problems = %q; want false with three problems", doc.Pass, doc.Problems)
	}
	if len(doc.Tests.Failures) != 1 || doc.Tests.Failures[0].Test != "TestDoubleOfTwoIsFive" {
		t.Errorf("failures = %+v, want TestDoubleOfTwoIsFive", doc.Tests.Failures)
	}
	if len(doc.Lint) != 1 || doc.Lint[0].Analyzer != "sleep" || doc.Lint[0].Posn != "waits/waits_test.go:11:2" {
		t.Errorf("lint = %+v, want the sleep report at waits/waits_test.go:11:2", doc.Lint)
	}
	if doc.Coverage.Pass || doc.Coverage.Total.Statements != 7 {
		t.Errorf("coverage = %+v, want a failing report over 7 statements", doc.Coverage)
	}
}

func TestCheckPutsTheDefaultPackagesBeforeTestBinaryArgs(t *testing.T) {
	res := checkIn(t, checkModule, "-run", "TestAdd", "-args", "-test.short")
	if !strings.Contains(res.stdout, "4 packages tested") {
		t.Errorf("check -run TestAdd -args -test.short did not test ./...:\n%s\n%s", res.stdout, res.stderr)
	}
}

var hideModule = filepath.Join("..", "..", "testdata", "hidemod")

// writeConfig writes a configuration file for check into a temporary
// directory and returns its path.
func writeConfig(t *testing.T, text string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "testgate.yml")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestCheckExitsAsCheckFlakyConfigures runs hidemod's flaky test, which
// fails on its first run only, under both policies.
func TestCheckExitsAsCheckFlakyConfigures(t *testing.T) {
	cases := []struct {
		policy   string
		wantCode int
		verdict  string
	}{
		{"fail", exitFailed, "check: FAIL: flaky tests failed"},
		{"warn", exitOK, "check: PASS"},
	}
	for _, tc := range cases {
		t.Run(tc.policy, func(t *testing.T) {
			t.Setenv("HIDEMOD_FLAKY_MARKER", filepath.Join(t.TempDir(), "ran"))
			config := writeConfig(t, "check:\n  flaky: "+tc.policy+"\ncoverage:\n  threshold: {total: 50}\n")
			res := checkIn(t, hideModule, "-config", config, "./flaky")
			if res.code != tc.wantCode {
				t.Fatalf("check with flaky: %s = exit %d, want %d\nstdout:\n%s\nstderr:\n%s", tc.policy, res.code, tc.wantCode, res.stdout, res.stderr)
			}
			for _, want := range []string{"== flaky tests", "--- FLAKY: example.com/hidemod/flaky.TestBackoffDoubles: passed all 2 runs alone", "tests shuffled with seed ", tc.verdict} {
				if !strings.Contains(res.stdout, want) {
					t.Errorf("check output lacks %q:\n%s", want, res.stdout)
				}
			}
		})
	}
}

func TestCheckShuffleFlagWinsOverTheConfig(t *testing.T) {
	config := writeConfig(t, "check:\n  shuffle: 7\ncoverage:\n  threshold: {total: 0}\n")
	cases := []struct {
		name     string
		args     []string
		wantSeed string // in the JSON document
	}{
		{"the config's seed", nil, "7"},
		{"the flag's seed", []string{"-shuffle=9"}, "9"},
		{"shuffling off", []string{"-shuffle", "off"}, "null"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			args := append([]string{"-config", config, "-format=json", "-count=2"}, tc.args...)
			res := checkIn(t, checkModule, append(args, "./calc")...)
			var doc struct {
				Pass  bool `json:"pass"`
				Tests struct {
					Seed json.RawMessage `json:"seed"`
				} `json:"tests"`
			}
			if err := json.Unmarshal([]byte(res.stdout), &doc); err != nil {
				t.Fatalf("check -format=json: %v\n%s\n%s", err, res.stdout, res.stderr)
			}
			if !doc.Pass || res.code != exitOK || string(doc.Tests.Seed) != tc.wantSeed {
				t.Errorf("check %q = exit %d, pass %v, seed %s; want exit 0, pass, seed %s", args, res.code, doc.Pass, doc.Tests.Seed, tc.wantSeed)
			}
		})
	}
}

func TestCheckRejectsBadShuffleAndRerunValues(t *testing.T) {
	cases := []struct {
		name       string
		args       []string
		config     string
		wantStderr string
	}{
		{"shuffle word", []string{"-shuffle=sometimes", "./calc"}, "", `-shuffle is "sometimes": want on, off or a seed`},
		{"negative reruns", []string{"-rerun-fails=-1", "./calc"}, "", "-rerun-fails -1: want a number of runs, 0 or more"},
		{"flaky policy in the config", []string{"./calc"}, "check:\n  flaky: maybe\n", `check.flaky: want fail or warn, got "maybe"`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			args := tc.args
			if tc.config != "" {
				args = append([]string{"-config", writeConfig(t, tc.config)}, args...)
			}
			res := checkIn(t, checkModule, args...)
			if res.code != exitBadUsage || !strings.Contains(res.stderr, tc.wantStderr) {
				t.Errorf("check %q = exit %d, stderr %q; want exit 2 and %q", args, res.code, res.stderr, tc.wantStderr)
			}
		})
	}
}
