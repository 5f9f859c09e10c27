package report

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/testgate/testgate/coverage"
)

func ptr[T any](v T) *T { return &v }

// metricSample is a report with the four metrics: the total passes, one
// package misses its branch threshold, one file has too many uncovered
// statements, and functions are unavailable for lack of sources.
func metricSample() *coverage.Report {
	unit := func(name string, stmts, branches, lines coverage.MetricResult, pass bool) coverage.Result {
		return coverage.Result{Name: name, Statements: stmts.Total, Covered: stmts.Covered, Percent: stmts.Percent, Pass: pass,
			Metrics: &coverage.UnitMetrics{Statements: &stmts, Branches: &branches, Lines: &lines,
				Reasons: map[string]string{"functions": "the file's source was not found"}}}
	}
	total := unit("", coverage.MetricResult{Total: 40, Covered: 30, Percent: 75, Threshold: ptr(70.0), Pass: true},
		coverage.MetricResult{Total: 20, Covered: 14, Percent: 70, Threshold: ptr(60.0), Pass: true},
		coverage.MetricResult{Total: 30, Covered: 24, Percent: 80, Pass: true}, true)
	total.Threshold = 70
	return &coverage.Report{
		Pass:  false,
		Total: total,
		Packages: []coverage.Result{
			unit("example.com/m/auth", coverage.MetricResult{Total: 20, Covered: 19, Percent: 95, Pass: true},
				coverage.MetricResult{Total: 10, Covered: 9, Percent: 90, Threshold: ptr(60.0), Pass: true},
				coverage.MetricResult{Total: 15, Covered: 14, Percent: 93.33, Pass: true}, true),
			unit("example.com/m/weak", coverage.MetricResult{Total: 20, Covered: 11, Percent: 55, Pass: true},
				coverage.MetricResult{Total: 10, Covered: 5, Percent: 50, Threshold: ptr(60.0), Pass: false},
				coverage.MetricResult{Total: 15, Covered: 10, Percent: 66.67, Pass: true}, false),
		},
		Files: []coverage.Result{
			unit("example.com/m/weak/w.go", coverage.MetricResult{Total: 20, Covered: 11, Percent: 55, MaxUncovered: ptr(5), Pass: false},
				coverage.MetricResult{Total: 10, Covered: 5, Percent: 50, Pass: true},
				coverage.MetricResult{Total: 15, Covered: 10, Percent: 66.67, Pass: true}, false),
		},
		Excluded: []coverage.Excluded{},
		Measured: &coverage.MeasureInfo{Metrics: []string{"statements", "branches", "functions", "lines"},
			LineRules: map[string]int{coverage.LinesFromStatements: 1}},
		ErrorReturns: &coverage.ErrorReturns{Blocks: 2, Statements: 3},
	}
}

// cells returns the cells of the table row of out naming name.
func cells(out, name, sep string) []string {
	for line := range strings.SplitSeq(out, "\n") {
		cs := strings.Split(line, sep)
		if len(cs) < 3 {
			continue
		}
		cs = cs[1 : len(cs)-1]
		for i := range cs {
			cs[i] = strings.TrimSpace(cs[i])
		}
		if len(cs) > 1 && cs[1] == name {
			return cs
		}
	}
	return nil
}

func TestTableShowsTheFourMetricsSideBySide(t *testing.T) {
	out := rendered(t, Table, metricSample())
	rows := map[string][]string{
		"File":                    {"", "File", "% Stmts", "% Branch", "% Funcs", "% Lines"},
		"All files":               {"", "All files", "75.0", "70.0", "n/a", "80.0"},
		"example.com/m/weak":      {"✗", "example.com/m/weak", "55.0", "50.0 < 60", "n/a", "66.7"},
		"example.com/m/weak/w.go": {"✗", "example.com/m/weak/w.go", "55.0 (9 uncovered > 5)", "50.0", "n/a", "66.7"},
	}
	for name, want := range rows {
		if got := cells(out, name, "│"); !slices.Equal(got, want) {
			t.Errorf("row %s = %q, want %q", name, got, want)
		}
	}
	for _, want := range []string{
		MetricsNote,
		"Functions: n/a: the file's source was not found",
		"Lines: 1 file: a line counts when a statement starts on it",
		"Set aside 3 statements in 2 blocks that only return an error (-skip-error-returns)",
		"FAIL: total 75.0% of 40 statements meets the threshold 70%; 1 package and 1 file are below their thresholds",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("table lacks %q:\n%s", want, out)
		}
	}
	if weak, auth := strings.Index(out, "example.com/m/weak "), strings.Index(out, "example.com/m/auth"); weak > auth {
		t.Errorf("the failing package is not listed first:\n%s", out)
	}
}

func TestTableListsPassingFilesOnlyWhenAsked(t *testing.T) {
	r := metricSample()
	r.Files = append(r.Files, r.Packages[0])
	r.Files[1].Name = "example.com/m/auth/a.go"
	if out := rendered(t, Table, r); strings.Contains(out, "auth/a.go") {
		t.Errorf("a passing file listed without ListFiles:\n%s", out)
	}
	r.ListFiles = true
	if out := rendered(t, Table, r); cells(out, "example.com/m/auth/a.go", "│") == nil {
		t.Errorf("a passing file not listed with ListFiles:\n%s", out)
	}
}

func TestMarkdownShowsTheMetricsTable(t *testing.T) {
	out := rendered(t, Markdown, metricSample())
	if got, want := cells(out, "example.com/m/weak", "|"), []string{"❌", "example.com/m/weak", "55.0", "50.0 &lt; 60", "n/a", "66.7"}; !slices.Equal(got, want) {
		t.Errorf("row = %q, want %q:\n%s", got, want, out)
	}
	for _, want := range []string{"| | File | % Stmts | % Branch | % Funcs | % Lines |", "> Functions: n/a: the file's source was not found", "<sub>" + MetricsNote + "</sub>"} {
		if !strings.Contains(out, want) {
			t.Errorf("markdown lacks %q:\n%s", want, out)
		}
	}
}

func TestGitHubNamesTheMetricThatFailed(t *testing.T) {
	r := metricSample()
	r.Total.Metrics.Lines.Threshold = ptr(85.0)
	r.Total.Metrics.Lines.Pass = false
	r.Total.Pass = false
	out := rendered(t, GitHub, r)
	for _, want := range []string{
		"::error title=testgate cover::total line coverage 80.0%25 of 30 lines is below the threshold 85%25\n",
		"::error title=testgate cover::package example.com/m/weak: branch coverage 50.0%25 of 10 branches is below the threshold 60%25\n",
		"::error title=testgate cover::file example.com/m/weak/w.go: 9 statements uncovered exceed the limit of 5\n",
		"; lines 80.0% of 30 lines is below the threshold 85%;",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("annotations lack %q:\n%s", want, out)
		}
	}
}

func TestJSONGivesEveryUnitItsMetricsAndReasons(t *testing.T) {
	var doc struct {
		Total struct {
			Metrics map[string]any `json:"metrics"`
		} `json:"total"`
		Measured     map[string]any `json:"measured"`
		ErrorReturns map[string]any `json:"error_returns"`
	}
	if err := json.Unmarshal([]byte(rendered(t, JSON, metricSample())), &doc); err != nil {
		t.Fatal(err)
	}
	m := doc.Total.Metrics
	b, _ := m["branches"].(map[string]any)
	if m["functions"] != nil || m["reasons"].(map[string]any)["functions"] == nil || b["threshold"] != 60.0 || b["max-uncovered"] != nil {
		t.Errorf("total metrics = %v: want functions null with a reason, branches with threshold 60 and max-uncovered null", m)
	}
	for _, key := range []string{"total", "covered", "percent", "threshold", "max-uncovered", "pass"} {
		if _, ok := b[key]; !ok {
			t.Errorf("branches lack %q: %v", key, b)
		}
	}
	if doc.Measured == nil || doc.ErrorReturns["statements"] != 3.0 {
		t.Errorf("measured %v, error_returns %v", doc.Measured, doc.ErrorReturns)
	}
}

func TestReportsShowChangedBranchesBesideChangedStatements(t *testing.T) {
	r := sample()
	r.Diff = &coverage.DiffReport{Base: "main", MergeBase: "abc", Statements: 4, Covered: 4, Percent: 100, Threshold: 80, Pass: true,
		Uncovered: []coverage.UncoveredLines{},
		Branches: &coverage.ChangedBranches{Total: 4, Covered: 3, Percent: 75,
			Uncovered: []coverage.BranchAt{{File: "a/b.go", Line: 12, Kind: coverage.BranchImplicitElse.String()}}}}
	for name, want := range map[string][]string{
		"table":    {"Changed branches: 3 of 4 covered, 75.0%\nChanged branches not covered:\n  a/b.go:12 (implicit else)\n"},
		"markdown": {"Changed branches: 3 of 4 covered, 75.0%", `- a/b.go:12 (implicit else)`},
		"github":   {"::warning file=a/b.go,line=12,title=testgate cover::changed branch (implicit else) never taken by tests\n", "Changed branches: 3 of 4 covered, 75.0%\n"},
	} {
		f, _ := Lookup(name)
		out := rendered(t, f, r)
		for _, w := range want {
			if !strings.Contains(out, w) {
				t.Errorf("%s lacks %q:\n%s", name, w, out)
			}
		}
	}
}
