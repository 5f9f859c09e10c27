package main

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/testgate/testgate/coverage"
	"github.com/testgate/testgate/coverage/report"
	"github.com/testgate/testgate/internal/testtree"
)

// shopDir is the sample module of the cover tests: files at its root, a
// generated file, a package without tests, //line directives pointing at a
// non-Go file and a body-less function.
func shopDir(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata", "cover", "shop"))
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

var shopRun struct {
	once            sync.Once
	profile, output []byte
	err             error
}

// shopProfile runs go test -cover -coverprofile on the sample module once
// per test binary and writes the profile into a temporary directory of t;
// it returns the profile's path and go test's output.
func shopProfile(t *testing.T) (profile, goTestOutput string) {
	t.Helper()
	shopRun.once.Do(func() {
		dir, err := os.MkdirTemp("", "testgate-shop-")
		if err != nil {
			shopRun.err = err
			return
		}
		defer os.RemoveAll(dir)
		out := filepath.Join(dir, "c.out")
		cmd := exec.Command("go", "test", "-cover", "-coverprofile="+out, "./...")
		cmd.Dir = shopDir(t)
		cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=")
		if shopRun.output, err = cmd.CombinedOutput(); err != nil {
			shopRun.err = fmt.Errorf("go test: %w\n%s", err, shopRun.output)
			return
		}
		shopRun.profile, shopRun.err = os.ReadFile(out)
	})
	if shopRun.err != nil {
		t.Fatal(shopRun.err)
	}
	return writeProfile(t, string(shopRun.profile)), string(shopRun.output)
}

func writeProfile(t *testing.T, text string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "c.out")
	if err := os.WriteFile(path, []byte(text), 0o666); err != nil {
		t.Fatal(err)
	}
	return path
}

// coverJSON runs testgate cover -format=json and decodes its report.
func coverJSON(t *testing.T, dir string, args ...string) (*coverage.Report, result) {
	t.Helper()
	res := runTestgate(t, dir, append([]string{"cover", "-format=json"}, args...)...)
	var r coverage.Report
	if err := json.Unmarshal([]byte(res.stdout), &r); err != nil {
		t.Fatalf("testgate cover -format=json %v printed no report (exit %d): %v\nstdout: %s\nstderr: %s", args, res.code, err, res.stdout, res.stderr)
	}
	return &r, res
}

// coverHere runs testgate cover in this process with dir as the working
// directory, so that its code counts towards testgate's own coverage.
func coverHere(t *testing.T, dir string, args ...string) result {
	t.Helper()
	t.Chdir(dir)
	var stdout, stderr strings.Builder
	code := runCover(args, &stdout, &stderr)
	return result{stdout.String(), stderr.String(), code}
}

var goTestCoverLine = regexp.MustCompile(`(?m)^(?:ok\s+)?\s*(\S+)\s.*coverage: ([0-9.]+)% of statements`)

func TestCoverAgreesWithGoTestCoverOnEveryPackage(t *testing.T) {
	profile, output := shopProfile(t)
	want := make(map[string]string)
	for _, m := range goTestCoverLine.FindAllStringSubmatch(output, -1) {
		want[m[1]] = m[2]
	}
	if len(want) != 5 {
		t.Fatalf("go test -cover printed %d package figures, want 5:\n%s", len(want), output)
	}
	r, res := coverJSON(t, shopDir(t), "-include-generated", "-total=0", profile)
	if res.code != 0 {
		t.Fatalf("exit %d, want 0; stderr: %s", res.code, res.stderr)
	}
	got := make(map[string]string)
	for _, p := range r.Packages {
		got[p.Name] = fmt.Sprintf("%.1f", p.Percent)
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("testgate cover package figures = %v\ngo test -cover printed        %v", got, want)
	}
	if len(r.Excluded) != 0 {
		t.Errorf("with -include-generated, excluded = %+v, want none", r.Excluded)
	}
}

func TestCoverExcludesGeneratedFilesByDefault(t *testing.T) {
	profile, _ := shopProfile(t)
	r, res := coverJSON(t, shopDir(t), "-total=0", profile)
	if res.code != 0 || res.stderr != "" {
		t.Fatalf("exit %d, stderr %q; want 0 and no warning", res.code, res.stderr)
	}
	want := []coverage.Excluded{{Name: "example.com/shop/price/band_string.go", Reason: "generated"}}
	if fmt.Sprint(r.Excluded) != fmt.Sprint(want) {
		t.Errorf("excluded = %+v, want %+v", r.Excluded, want)
	}
	for _, p := range r.Packages {
		// price.go alone: 3 of 4 statements; go test counts the generated
		// String method too (42.9%).
		if p.Name == "example.com/shop/price" && p.Percent != 75 {
			t.Errorf("price package = %v%%, want 75%% without the generated file", p.Percent)
		}
	}
}

func TestCoverCountsLineDirectiveTargetsAndBodylessFunctions(t *testing.T) {
	profile, _ := shopProfile(t)
	r, res := coverJSON(t, shopDir(t), "-total=0", profile)
	if res.code != 0 {
		t.Fatalf("exit %d: %s", res.code, res.stderr)
	}
	files := make(map[string]coverage.Result)
	for _, f := range r.Files {
		files[f.Name] = f
	}
	if rl := files["example.com/shop/lexer/lexer.rl"]; rl.Statements != 4 || rl.Covered != 4 {
		t.Errorf("lexer.rl = %+v, want the 4 statements its //line directives claim, covered", rl)
	}
	if c := files["example.com/shop/clock/clock.go"]; c.Statements != 4 || c.Covered != 3 {
		t.Errorf("clock.go = %+v, want 3 of 4 statements", c)
	}
}

func TestCoverGatesThresholdsWithExitCodes(t *testing.T) {
	profile, _ := shopProfile(t)
	tests := []struct {
		name string
		args []string
		code int
		want string // in stdout
	}{
		// 18 of 26 statements: 69.2307...%
		{"default total of 80 missed", nil, 1, "FAIL: total 69.2% of 26 statements is below the threshold 80%"},
		{"fractional total met", []string{"-total=69.23"}, 0, "PASS: total 69.23% of 26 statements meets the threshold 69.23%"},
		{"fractional total missed unrounded", []string{"-total=69.231"}, 1, "FAIL: total 69.2% of 26 statements is below the threshold 69.231%"},
		{"package threshold missed", []string{"-total=0", "-package=50"}, 1, "1 package is below its threshold"},
		{"file threshold missed", []string{"-total=0", "-file=70"}, 1, "3 files are below their thresholds"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := runTestgate(t, shopDir(t), append(append([]string{"cover"}, tt.args...), profile)...)
			if res.code != tt.code || !strings.Contains(res.stdout, tt.want) {
				t.Errorf("exit %d, want %d; stdout lacks %q?\n%s%s", res.code, tt.code, tt.want, res.stdout, res.stderr)
			}
		})
	}
}

func TestCoverRejectsBadInputWithExitCode2(t *testing.T) {
	dir := t.TempDir()
	profiles := map[string]string{
		"good.out":      "mode: set\nm/a.go:1.1,2.1 1 1\n",
		"bad.out":       "mode: set\nm/a.go:1.1,2.1 1 1\nm/a.go:3.1,4.1 1 one\n",
		"truncated.out": "mode: set\nm/a.go:1.1,2.1 1 1\nm/a.go:3.1,4",
		"empty.out":     "",
		"noblocks.out":  "mode: set\n",
		"other.out":     "mode: set\nm/a.go:1.1,2.1 3 1\n",
	}
	for name, text := range profiles {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o666); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "bad.yml"), []byte("coverage:\n  treshold: {}\n"), 0o666); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		want string // in stderr
	}{
		{"no profile", nil, "no profile given"},
		{"unknown flag", []string{"-totl=3", "good.out"}, "flag provided but not defined: -totl"},
		{"threshold out of range", []string{"-total=120", "good.out"}, "want a percentage from 0 to 100, got 120"},
		{"threshold not a number", []string{"-file=most", "good.out"}, `got "most"`},
		{"unknown format", []string{"-format=xml", "good.out"}, `unknown format "xml"`},
		{"missing profile", []string{"missing.out"}, "missing.out: no such file"},
		{"malformed line", []string{"bad.out"}, `bad.out:3: count "one"`},
		{"truncated line", []string{"truncated.out"}, "truncated.out:3: truncated or malformed block"},
		{"empty profile", []string{"empty.out"}, "empty.out: empty profile"},
		{"profile without blocks", []string{"noblocks.out"}, "noblocks.out: no coverage blocks"},
		{"profiles of different sources", []string{"good.out", "other.out"}, "m/a.go:1.1,2.1: block has 1 statements in one place and 3 in another"},
		{"missing config", []string{"-config=nope.yml", "good.out"}, "nope.yml"},
		{"bad config", []string{"-config=bad.yml", "good.out"}, `bad.yml:2: unknown key "treshold" in coverage`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := coverHere(t, dir, tt.args...)
			if res.code != 2 || !strings.Contains(res.stderr, tt.want) {
				t.Errorf("exit %d, want 2; stderr lacks %q:\n%s", res.code, tt.want, res.stderr)
			}
			if strings.Contains(res.stderr, "panic") {
				t.Errorf("testgate panicked:\n%s", res.stderr)
			}
		})
	}
}

func TestCoverHelpExitsZero(t *testing.T) {
	res := runTestgate(t, t.TempDir(), "cover", "-h")
	if res.code != 0 || !strings.Contains(res.stderr, "-include-generated") {
		t.Errorf("cover -h exited %d:\n%s", res.code, res.stderr)
	}
}

func TestCoverReadsTheConfigFileAndFlagsOverrideIt(t *testing.T) {
	profile, _ := shopProfile(t)
	work := t.TempDir()
	cfg := filepath.Join(work, "gate.yml")
	if err := os.WriteFile(cfg, []byte(`coverage:
  threshold:
    total: 50
    package: 40
  overrides:
    - path: /notests$
      package: 0
  exclude:
    - /lexer/
`), 0o666); err != nil {
		t.Fatal(err)
	}
	r, res := coverJSON(t, shopDir(t), "-config="+cfg, profile)
	if res.code != 0 || !r.Pass {
		t.Fatalf("exit %d, want 0 (notests is overridden to 0): %s", res.code, res.stderr)
	}
	for _, p := range r.Packages {
		if p.Name == "example.com/shop/lexer" {
			t.Errorf("package lexer reported although excluded")
		}
		if want := map[bool]float64{true: 0, false: 40}[p.Name == "example.com/shop/notests"]; p.Threshold != want {
			t.Errorf("package %s threshold = %v, want %v", p.Name, p.Threshold, want)
		}
	}
	if r.Total.Threshold != 50 || len(r.Excluded) != 3 {
		t.Errorf("total threshold %v, excluded %+v; want 50 and lexer.rl, lexer.go, band_string.go", r.Total.Threshold, r.Excluded)
	}

	r, res = coverJSON(t, shopDir(t), "-config="+cfg, "-total=90", profile)
	if res.code != 1 || r.Total.Threshold != 90 {
		t.Errorf("with -total=90: exit %d, total threshold %v; want 1 and 90", res.code, r.Total.Threshold)
	}
}

func TestCoverFindsTestgateYmlInTheWorkingDirectory(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, ".testgate.yml"), []byte("coverage:\n  threshold:\n    total: 40\n"), 0o666); err != nil {
		t.Fatal(err)
	}
	profile := writeProfile(t, "mode: set\nm/a.go:1.1,2.1 1 1\nm/a.go:3.1,4.1 1 0\n")
	res := coverHere(t, dir, profile)
	if res.code != 0 || !strings.Contains(res.stdout, "meets the threshold 40%") {
		t.Errorf("exit %d, want 0 against the file's 40%%:\n%s%s", res.code, res.stdout, res.stderr)
	}
}

func TestCoverMergesShardsAndWarnsOnMixedModes(t *testing.T) {
	a := writeProfile(t, "mode: set\nm/a.go:1.1,2.1 1 1\nm/a.go:3.1,4.1 1 0\n")
	b := writeProfile(t, "mode: count\nm/a.go:1.1,2.1 1 0\nm/a.go:3.1,4.1 1 5\n")
	res := runTestgate(t, t.TempDir(), "cover", "-total=100", "-include-generated", a, b)
	if res.code != 0 {
		t.Errorf("exit %d, want 0: together the shards cover everything\n%s%s", res.code, res.stdout, res.stderr)
	}
	if first, _, _ := strings.Cut(res.stderr, "\n"); !strings.Contains(first, "warning: profiles of different modes (set, count) merged") || strings.Count(res.stderr, "different modes") != 1 {
		t.Errorf("stderr = %q, want it to start with one warning about the modes", res.stderr)
	}
}

func TestCoverWarnsOnceAboutMissingSources(t *testing.T) {
	profile := writeProfile(t, "mode: set\nexample.com/far/a.go:1.1,2.1 1 1\nexample.com/far/b.go:1.1,2.1 1 1\n")
	dir := t.TempDir()
	t.Setenv("GOWORK", "off")
	res := runTestgate(t, dir, "cover", profile)
	if res.code != 0 {
		t.Errorf("exit %d, want 0: figures need only the profile\n%s", res.code, res.stderr)
	}
	want := "testgate cover: warning: cannot find the sources of 2 of 2 profiled files (e.g. example.com/far/a.go)"
	if strings.Count(res.stderr, "\n") != 1 || !strings.HasPrefix(res.stderr, want) {
		t.Errorf("stderr = %q, want one line starting %q", res.stderr, want)
	}
	// Without generated files to find, the ignore directives still need
	// the sources.
	ignore := "testgate cover: warning: cannot find the sources of 2 of 2 profiled files (e.g. example.com/far/a.go): //coverage:ignore directives in them are not applied"
	if res := runTestgate(t, dir, "cover", "-include-generated", profile); strings.Count(res.stderr, "\n") != 1 || !strings.HasPrefix(res.stderr, ignore) {
		t.Errorf("with -include-generated stderr = %q, want one line starting %q", res.stderr, ignore)
	}
}

// TestCoverFormatsForCI pins every -format of testgate cover on the shop
// module, whose figures go test fixes, against golden files.
func TestCoverFormatsForCI(t *testing.T) {
	profile, _ := shopProfile(t)
	for _, format := range report.Formats() {
		t.Run(format, func(t *testing.T) {
			golden, err := filepath.Abs(filepath.Join("testdata", "cover-"+format+".golden"))
			if err != nil {
				t.Fatal(err)
			}
			res := coverHere(t, shopDir(t), "-format="+format, "-total=0", "-package=50", "-file=50", profile)
			if res.code != 1 {
				t.Errorf("exit %d, want 1", res.code)
			}
			testtree.Golden(t, golden, []byte(res.stdout))
		})
	}
}

func TestCoverBinaryExitsTwoOnAMalformedProfile(t *testing.T) {
	profile := writeProfile(t, "mode: set\nm/a.go:1.1,2.1 1 1\nm/a.go:3.1,4.1 1\n")
	res := runTestgate(t, t.TempDir(), "cover", profile)
	want := profile + ":3: truncated or malformed block"
	if res.code != 2 || !strings.HasPrefix(res.stderr, "testgate cover: "+want) || res.stdout != "" {
		t.Errorf("exit %d, stderr %q, stdout %q; want 2 and an error starting %q", res.code, res.stderr, res.stdout, want)
	}
}

func TestCoverTakesFlagsAfterTheProfiles(t *testing.T) {
	profile, _ := shopProfile(t)
	shop := shopDir(t)
	res := coverHere(t, shop, profile, "-total", "0", profile)
	if res.code != exitOK || !strings.Contains(res.stdout, "PASS: total 69.2% of 26 statements (no total threshold)") {
		t.Errorf("cover PROFILE -total 0 PROFILE = exit %d, want 0 with the flag applied:\n%s%s", res.code, res.stdout, res.stderr)
	}
	res = coverHere(t, shop, "--", "-total")
	if res.code != exitBadUsage || !strings.Contains(res.stderr, "-total") {
		t.Errorf("cover -- -total = exit %d, stderr %q; want -total read as a profile that does not exist", res.code, res.stderr)
	}
}
