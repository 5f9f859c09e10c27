package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/testgate/testgate/coverage"
	"github.com/testgate/testgate/internal/testtree"
)

// The figures of testdata/metrics, known by construction (see the comments
// in its sources): per package statements, branches, functions, lines as
// total/covered.
var metricsFigures = map[string][4][2]int{
	"":                           {{47, 32}, {28, 15}, {11, 10}, {46, 32}},
	"example.com/metrics/shapes": {{38, 26}, {22, 12}, {9, 8}, {37, 26}},
	"example.com/metrics/errs":   {{9, 6}, {6, 3}, {2, 2}, {9, 6}},
}

func metricsDir(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata", "metrics"))
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

var metricsRun struct {
	once    sync.Once
	profile []byte
	err     error
}

// metricsProfile runs go test -covermode=count on testdata/metrics once per
// test binary and returns a copy of the profile in a directory of t.
func metricsProfile(t *testing.T) string {
	t.Helper()
	metricsRun.once.Do(func() {
		dir, err := os.MkdirTemp("", "testgate-metrics-")
		if err != nil {
			metricsRun.err = err
			return
		}
		defer os.RemoveAll(dir)
		out := filepath.Join(dir, "c.out")
		cmd := exec.Command("go", "test", "-covermode=count", "-coverprofile="+out, "./...")
		cmd.Dir = metricsDir(t)
		cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=")
		if msg, err := cmd.CombinedOutput(); err != nil {
			metricsRun.err = &exec.Error{Name: "go test", Err: err}
			t.Logf("%s", msg)
			return
		}
		metricsRun.profile, metricsRun.err = os.ReadFile(out)
	})
	if metricsRun.err != nil {
		t.Fatal(metricsRun.err)
	}
	return writeProfile(t, string(metricsRun.profile))
}

func TestCoverMetricsMatchTheFiguresKnownByConstruction(t *testing.T) {
	profile := metricsProfile(t)
	res := coverHere(t, metricsDir(t), "-format=json", "-metrics=all", "-total=0", profile)
	if res.code != 0 || res.stderr != "" {
		t.Fatalf("exit %d, stderr %q; want 0 and no warning", res.code, res.stderr)
	}
	r := decodeReport(t, res)
	units := append([]coverage.Result{r.Total}, r.Packages...)
	for _, u := range units {
		want, ok := metricsFigures[u.Name]
		if !ok {
			t.Errorf("unexpected unit %q", u.Name)
			continue
		}
		for i, m := range coverage.AllMetrics() {
			got := u.Metrics.Get(m)
			if got == nil || got.Total != want[i][0] || got.Covered != want[i][1] || !got.Pass {
				t.Errorf("%q %s = %+v, want %d of %d, passing", u.Name, m, got, want[i][1], want[i][0])
			}
		}
	}
	if r.Measured == nil || !slices.Equal(r.Measured.Metrics, []string{"statements", "branches", "functions", "lines"}) || r.Measured.LineRules[coverage.LinesFromStatements] != 2 {
		t.Errorf("measured = %+v, want all four, lines of 2 files from statements", r.Measured)
	}
}

func TestCoverShowsTheFourMetricsInEveryFormat(t *testing.T) {
	profile := metricsProfile(t)
	dir := metricsDir(t)
	tests := []struct {
		args []string
		want []string
	}{
		{[]string{"-total=60"}, []string{
			"File | % Stmts | % Branch | % Funcs | % Lines",
			"All files | 68.1 | 53.6 | 90.9 | 69.6",
			"example.com/metrics/errs | 66.7 | 50.0 | 100.0 | 66.7",
			"PASS: total 68.1% of 47 statements meets the threshold 60%",
		}},
		{[]string{"-format=markdown", "-total=60", "-files"}, []string{
			"| | File | % Stmts | % Branch | % Funcs | % Lines |",
			"|  | All files | 68.1 | 53.6 | 90.9 | 69.6 |",
			"|  | example.com/metrics/shapes/shapes.go | 68.4 | 54.5 | 88.9 | 70.3 |",
		}},
		{[]string{"-format=github", "-total=60", "-branch=60", "-line=69"}, []string{
			"::error title=testgate cover::total branch coverage 53.6%25 of 28 branches is below the threshold 60%25\n",
			"FAIL: total 68.1% of 47 statements meets the threshold 60%; branches 53.6% of 28 branches is below the threshold 60%\n",
		}},
		{[]string{"-format=json", "-total=60", "-metrics=branches"}, []string{
			`"branches": {` + "\n" + `        "total": 28,` + "\n" + `        "covered": 15,`,
			`"functions": "not computed: add it to -metrics"`,
		}},
	}
	for _, tt := range tests {
		res := runTestgate(t, dir, append(append([]string{"cover"}, tt.args...), profile)...)
		out := squeezeTable(res.stdout)
		for _, want := range tt.want {
			if !strings.Contains(out, want) {
				t.Errorf("testgate cover %s lacks %q:\n%s%s", strings.Join(tt.args, " "), want, res.stdout, res.stderr)
			}
		}
	}
}

// squeezeTable rewrites the rows of a terminal table as "a | b | c", so
// that tests need not count the padding.
func squeezeTable(out string) string {
	lines := strings.Split(out, "\n")
	for i, line := range lines {
		if !strings.HasPrefix(line, "│") {
			continue
		}
		var cells []string
		for c := range strings.SplitSeq(strings.Trim(line, "│"), "│") {
			if c = strings.TrimSpace(c); c != "" {
				cells = append(cells, c)
			}
		}
		lines[i] = strings.Join(cells, " | ")
	}
	return strings.Join(lines, "\n")
}

func TestCoverJSONKeepsItsShapeWhenNoMetricIsAskedFor(t *testing.T) {
	profile := metricsProfile(t)
	res := runTestgate(t, metricsDir(t), "cover", "-format=json", "-total=0", profile)
	var doc map[string]json.RawMessage
	if err := json.Unmarshal([]byte(res.stdout), &doc); err != nil {
		t.Fatal(err)
	}
	var total map[string]any
	if err := json.Unmarshal(doc["total"], &total); err != nil {
		t.Fatal(err)
	}
	keys := func(m any) []string {
		var ks []string
		switch m := m.(type) {
		case map[string]json.RawMessage:
			for k := range m {
				ks = append(ks, k)
			}
		case map[string]any:
			for k := range m {
				ks = append(ks, k)
			}
		}
		slices.Sort(ks)
		return ks
	}
	if got, want := keys(doc), []string{"excluded", "files", "packages", "pass", "total"}; !slices.Equal(got, want) {
		t.Errorf("report keys = %v, want %v", got, want)
	}
	if got, want := keys(total), []string{"covered", "pass", "percent", "statements", "threshold"}; !slices.Equal(got, want) {
		t.Errorf("total keys = %v, want %v", got, want)
	}
}

func TestCoverGatesEveryMetricFromTheConfiguration(t *testing.T) {
	profile := metricsProfile(t)
	config := filepath.Join(t.TempDir(), "gate.yml")
	testtree.Write(t, filepath.Dir(config), map[string]string{"gate.yml": `coverage:
  threshold:
    total: 60
  metrics:
    branches:
      total: 53
      package: 52
    functions:
      file: 80
    lines:
      max-uncovered: {total: 14}
  overrides:
    - path: /shapes$
      branches: {package: 54.5}
`})
	res := runTestgate(t, metricsDir(t), "cover", "-format=json", "-config="+config, profile)
	r := decodeReport(t, res)
	var failing []string
	for _, u := range append(append([]coverage.Result{r.Total}, r.Packages...), r.Files...) {
		for _, m := range coverage.AllMetrics() {
			if mr := u.Metrics.Get(m); mr != nil && !mr.Pass {
				failing = append(failing, u.Name+" "+m.String())
			}
		}
	}
	// errs: 3 of 6 branches < 52; lines: 14 uncovered allowed, 14 there.
	want := []string{"example.com/metrics/errs branches"}
	if res.code != 1 || !slices.Equal(failing, want) || r.Pass {
		t.Errorf("exit %d, failing %q; want 1 and %q\n%s", res.code, failing, want, res.stderr)
	}
}

func TestCoverRefusesToGateBranchesOfASetModeProfile(t *testing.T) {
	profile := metricsProfile(t)
	data, err := os.ReadFile(profile)
	if err != nil {
		t.Fatal(err)
	}
	set := writeProfile(t, strings.Replace(string(data), "mode: count", "mode: set", 1))
	res := runTestgate(t, metricsDir(t), "cover", "-branch=50", set)
	if res.code != 2 || !strings.Contains(res.stderr, "branches are gated but cannot be computed: the profile is of mode set") {
		t.Errorf("exit %d, stderr %q; want 2 and the reason", res.code, res.stderr)
	}
	res = runTestgate(t, metricsDir(t), "cover", "-total=0", set)
	for _, want := range []string{"All files | 68.1 | n/a | 90.9 | 69.6", "Branches: n/a: the profile is of mode set"} {
		if !strings.Contains(squeezeTable(res.stdout), want) {
			t.Errorf("table lacks %q:\n%s", want, res.stdout)
		}
	}
}

func TestCoverSkipErrorReturnsSetsAsideBlocksThatOnlyReturnAnError(t *testing.T) {
	profile := metricsProfile(t)
	res := coverHere(t, metricsDir(t), "-format=json", "-total=0", "-skip-error-returns", profile)
	r := decodeReport(t, res)
	var errs coverage.Result
	for _, p := range r.Packages {
		if p.Name == "example.com/metrics/errs" {
			errs = p
		}
	}
	// Load's wrapped return and Check's bare one: errors.New stays.
	if errs.Statements != 7 || errs.Covered != 6 || r.ErrorReturns == nil || *r.ErrorReturns != (coverage.ErrorReturns{Blocks: 2, Statements: 2}) {
		t.Errorf("errs = %d of %d, set aside %+v; want 6 of 7 and 2 blocks of 2 statements", errs.Covered, errs.Statements, r.ErrorReturns)
	}
	table := runTestgate(t, metricsDir(t), "cover", "-total=0", "-skip-error-returns", profile)
	if !strings.Contains(table.stdout, "Set aside 2 statements in 2 blocks that only return an error (-skip-error-returns)") {
		t.Errorf("table does not say what it set aside:\n%s", table.stdout)
	}
}

func TestCoverDiffBaseListsTheChangedBranches(t *testing.T) {
	isolateTools(t)
	repo := t.TempDir()
	must(t, repo, "git", "init", "-q", "-b", "main")
	must(t, repo, "git", "commit", "-q", "--allow-empty", "-m", "empty")
	for _, name := range []string{"go.mod", "shapes/shapes.go", "shapes/shapes_test.go", "errs/errs.go", "errs/errs_test.go"} {
		data, err := os.ReadFile(filepath.Join(metricsDir(t), filepath.FromSlash(name)))
		if err != nil {
			t.Fatal(err)
		}
		testtree.Write(t, repo, map[string]string{name: string(data)})
	}
	profile := metricsProfile(t)
	res := coverHere(t, repo, "-format=json", "-total=0", "-metrics=branches", "-diff-base=main", profile)
	r := decodeReport(t, res)
	if r.Diff == nil || r.Diff.Branches == nil {
		t.Fatalf("no changed branches (exit %d):\n%s%s", res.code, res.stdout, res.stderr)
	}
	b := r.Diff.Branches
	if b.Total != 28 || b.Covered != 15 || len(b.Uncovered) != 13 || b.Uncovered[0] != (coverage.BranchAt{File: "errs/errs.go", Line: 14, Kind: "then"}) {
		t.Errorf("changed branches = %+v, want every branch (all lines are new), 13 uncovered from errs/errs.go:14", b)
	}
}
