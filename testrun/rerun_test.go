package testrun

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/testgate/testgate/internal/argv"
)

// hidemod holds an order-dependent pair (failing with -shuffle=9), a test
// that fails on its first run only, and one that always fails.
func hidemod(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join("..", "testdata", "hidemod"))
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestClassifyTellsFailingFlakyAndOrderDependentTestsApart(t *testing.T) {
	dir := hidemod(t)
	t.Setenv("HIDEMOD_FLAKY_MARKER", filepath.Join(t.TempDir(), "ran"))
	profile := filepath.Join(t.TempDir(), "cover.out")
	flags := []string{"-shuffle=9"}
	res, err := Run(context.Background(), Options{Dir: dir, Args: append(flags, "./..."), CoverProfile: profile})
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	if seed := res.pkg("example.com/hidemod/order").Seed; seed == nil || *seed != 9 {
		t.Errorf("seed of the order package = %v, want 9", seed)
	}
	profiles, err := Classify(context.Background(), &res, RerunOptions{Dir: dir, Flags: flags, Times: 2, CoverDir: t.TempDir()})
	if err != nil {
		t.Fatalf("Classify: %v", err)
	}
	got := make(map[string]Failure)
	for _, f := range res.Failures {
		got[f.Test] = f
	}
	want := []struct {
		test           string
		kind           Kind
		reruns, passes int
		after          string
	}{
		{"TestUsersStartEmpty", OrderDependent, 2, 2, "TestRegisterAddsTheUser"},
		{"TestBackoffDoubles", Flaky, 2, 2, ""},
		{"TestSumAddsBothOperands", Failing, 2, 0, ""},
	}
	if len(got) != len(want) {
		t.Errorf("failures = %+v, want %d", res.Failures, len(want))
	}
	for _, w := range want {
		f := got[w.test]
		if f.Kind != w.kind || f.Reruns != w.reruns || f.Passes != w.passes || f.After != w.after {
			t.Errorf("%s: kind %q, %d of %d reruns passed, after %q; want %q, %d of %d, after %q",
				w.test, f.Kind, f.Passes, f.Reruns, f.After, w.kind, w.passes, w.reruns, w.after)
		}
	}
	replay := []string{"-run=^(TestRegisterAddsTheUser|TestUsersStartEmpty)$", "-shuffle=9", "-count=1", "example.com/hidemod/order"}
	if got := got["TestUsersStartEmpty"].Replay; !slices.Equal(got, replay) {
		t.Errorf("replay of the order-dependent test = %q, want %q", got, replay)
	}
	if !slices.ContainsFunc(profiles, func(p string) bool { return fileHas(t, p, "flaky/flaky.go:5.") }) {
		t.Errorf("no rerun profile among %q covers Backoff, which only the reruns reach", profiles)
	}
}

func TestClassifyRunsNothingWhenNothingFailed(t *testing.T) {
	res := Result{Packages: []Package{{Path: "example.com/hidemod/order", Status: "ok"}}}
	profiles, err := Classify(context.Background(), &res, RerunOptions{Dir: t.TempDir(), Times: 2, CoverDir: t.TempDir()})
	if err != nil || len(profiles) != 0 {
		t.Errorf("Classify of a passing run = %q, %v; want no run and no error", profiles, err)
	}
}

func TestClassifyWithoutRerunsCallsEveryFailureFailing(t *testing.T) {
	res := Result{Failures: []Failure{{Package: "p", Test: "TestA/sub"}, {Package: "p", Test: "TestA"}, {Package: "q"}}}
	profiles, err := Classify(context.Background(), &res, RerunOptions{Dir: t.TempDir(), CoverDir: t.TempDir()})
	if err != nil || len(profiles) != 0 {
		t.Fatalf("Classify with Times 0 = %q, %v; want no run", profiles, err)
	}
	for _, f := range res.Failures {
		if f.Kind != Failing {
			t.Errorf("%s %s: kind %q, want failing", f.Package, f.Test, f.Kind)
		}
	}
}

func fileHas(t *testing.T, name, prefix string) bool {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		return false
	}
	for line := range strings.Lines(string(data)) {
		if strings.Contains(line, prefix) && !strings.HasSuffix(strings.TrimSpace(line), " 0") {
			return true
		}
	}
	return false
}

func TestRunPatternSelectsTestsExactlyAndKeepsSubtestLevels(t *testing.T) {
	cases := []struct {
		name  string
		names []string
		flags []string
		want  string
	}{
		{"one test", []string{"TestA"}, nil, "-run=^(TestA)$"},
		{"several tests", []string{"TestA", "TestB"}, []string{"-race"}, "-run=^(TestA|TestB)$"},
		{"user's subtest level kept", []string{"TestA"}, []string{"-run", "TestA/^fast$"}, "-run=^(TestA)$/^fast$"},
		{"slash inside a class is not a level", []string{"TestA"}, []string{"-run=Test[/]A"}, "-run=^(TestA)$"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if got := runPattern(tc.names, splitFlags(tc.flags)); !slices.Equal(got, []string{tc.want}) {
				t.Errorf("runPattern = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestRerunFlagsReplaceRunAndShuffleAndAvoidTheCache(t *testing.T) {
	cases := []struct {
		name  string
		flags []string
		run   []string
		want  []string
	}{
		{"plain", []string{"-race", "-shuffle", "on"}, []string{"-run=^(TestA)$"}, []string{"-race", "-run=^(TestA)$", "-shuffle=5", "-count=1"}},
		{"user's run kept for the package", []string{"-run", "TestA", "-tags=x"}, nil, []string{"-run", "TestA", "-tags=x", "-shuffle=5", "-count=1"}},
		{"user's count kept", []string{"-count=3"}, nil, []string{"-count=3", "-shuffle=5"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := &classifier{flags: splitFlags(tc.flags)}
			if got := c.with(tc.run, "-shuffle=5"); !slices.Equal(got, tc.want) {
				t.Errorf("with = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestParseShuffleReadsOnOffAndSeeds(t *testing.T) {
	if seed, err := ParseShuffle("off"); seed != nil || err != nil {
		t.Errorf(`ParseShuffle("off") = %v, %v; want nil, nil`, seed, err)
	}
	if seed, err := ParseShuffle("42"); err != nil || seed == nil || *seed != 42 || ShuffleFlag(seed) != "-shuffle=42" {
		t.Errorf(`ParseShuffle("42") = %v, %v; want 42, flag -shuffle=42`, seed, err)
	}
	if seed, err := ParseShuffle("on"); err != nil || seed == nil {
		t.Errorf(`ParseShuffle("on") = %v, %v; want a drawn seed`, seed, err)
	}
	if _, err := ParseShuffle("sometimes"); err == nil || !strings.Contains(err.Error(), `"sometimes"`) {
		t.Errorf(`ParseShuffle("sometimes"): err = %v, want one quoting the value`, err)
	}
	if got := ShuffleFlag(nil); got != "-shuffle=off" {
		t.Errorf("ShuffleFlag(nil) = %q, want -shuffle=off", got)
	}
}

func splitFlags(flags []string) []argv.Arg {
	parsed, _ := argv.Split(flags, TakesValue)
	return parsed
}
