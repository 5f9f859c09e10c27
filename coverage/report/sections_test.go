package report

import (
	"encoding/json"
	"encoding/xml"
	"strings"
	"testing"

	"github.com/testgate/testgate/coverage"
)

// gated is sample() with every later gate's section: ignored blocks, an
// LCOV file, failing function coverage with the least-covered functions,
// failing changed lines and a package below its baseline.
func gated() *coverage.Report {
	r := sample()
	r.Ignored = []coverage.Ignored{{File: "example.com/m/a.go", Line: 12, Statements: 3, Reason: "unreachable"}}
	r.LineFiles = []string{"pkg/b.go"}
	r.Unmeasured = []coverage.Excluded{{Name: "example.com/m/dies", Reason: "TestServe did not finish: its test binary exited mid-test, as os.Exit and log.Fatal do"}}
	r.Functions = &coverage.FunctionReport{Functions: 4, Entered: 2, Percent: 50, Threshold: 60,
		Least: []coverage.Function{{Name: "(*T).Run", File: "example.com/m/t.go", Path: "t.go", Line: 7, Statements: 5, Percent: 0}}}
	r.Diff = &coverage.DiffReport{Base: "origin/main", MergeBase: "0123456789abcdef0123", Statements: 4, Covered: 1, Percent: 25, Threshold: 80,
		Uncovered: []coverage.UncoveredLines{{File: "weak/a_b.go", Start: 10, End: 12}, {File: "weak/a_b.go", Start: 20, End: 20}},
		Outside:   []string{"cmd/new.go"}}
	r.Baseline = &coverage.BaselineReport{Tolerance: 0.5, Total: coverage.BaselineResult{Baseline: 84, Percent: 85, Pass: true},
		Packages: []coverage.BaselineResult{{Name: "example.com/m/weak", Baseline: 80, Percent: 70}},
		Added:    []string{"example.com/m/new"}, Removed: []string{"example.com/m/old"}}
	return r
}

func TestGitHubWarnsOnUncoveredChangedLinesWhenTheyPass(t *testing.T) {
	r := sample()
	r.Diff = &coverage.DiffReport{Base: "main", Statements: 10, Covered: 9, Percent: 90, Threshold: 80, Pass: true,
		Uncovered: []coverage.UncoveredLines{{File: "a.go", Start: 3, End: 3}}}
	out := rendered(t, GitHub, r)
	if !strings.Contains(out, "::warning file=a.go,line=3,endLine=3,title=testgate cover::changed line 3 is not covered by tests\n") || strings.Contains(out, "::error file=a.go") {
		t.Errorf("github =\n%s\nwant a warning, not an error, for the uncovered line", out)
	}
	if !strings.Contains(out, "changed lines 90.0% of 10 statements meet the threshold 80%") {
		t.Errorf("verdict lacks the changed lines:\n%s", out)
	}
}

func TestVerdictSaysWhenTheDiffThresholdDidNotApply(t *testing.T) {
	r := sample()
	r.Diff = &coverage.DiffReport{Statements: 2, Percent: 0, Threshold: 80, MinStatements: 20, Pass: true, Note: "2 changed statements are fewer than coverage.diff.min-statements (20): the threshold does not apply"}
	if got := verdict(r); !strings.HasSuffix(got, "; changed lines 0.0% of 2 statements (threshold not applied)") {
		t.Errorf("verdict = %q", got)
	}
	if out := rendered(t, Table, r); !strings.Contains(out, "0.0%; passes: 2 changed statements are fewer than coverage.diff.min-statements (20)") {
		t.Errorf("table does not say why the threshold did not apply:\n%s", out)
	}
}

func TestJSONAddsOnlyTheSectionsInUse(t *testing.T) {
	var plain, full map[string]any
	if err := json.Unmarshal([]byte(rendered(t, JSON, sample())), &plain); err != nil {
		t.Fatal(err)
	}
	checkKeys(t, "plain report", plain, []string{"excluded", "files", "packages", "pass", "total"})
	if err := json.Unmarshal([]byte(rendered(t, JSON, gated())), &full); err != nil {
		t.Fatal(err)
	}
	checkKeys(t, "gated report", full, []string{"baseline", "diff", "excluded", "files", "functions", "ignored", "line_files", "packages", "pass", "total", "unmeasured"})
	checkKeys(t, "diff", full["diff"].(map[string]any), []string{"base", "covered", "merge_base", "min_statements", "outside", "pass", "percent", "statements", "threshold", "uncovered"})
	checkKeys(t, "uncovered", full["diff"].(map[string]any)["uncovered"].([]any)[0].(map[string]any), []string{"end", "file", "start"})
	checkKeys(t, "function", full["functions"].(map[string]any)["least"].([]any)[0].(map[string]any), []string{"covered", "entered", "file", "line", "name", "percent", "statements"})
	checkKeys(t, "baseline", full["baseline"].(map[string]any), []string{"added", "packages", "pass", "removed", "tolerance", "total"})
	checkKeys(t, "ignored", full["ignored"].([]any)[0].(map[string]any), []string{"file", "line", "reason", "statements"})
	checkKeys(t, "unmeasured", full["unmeasured"].([]any)[0].(map[string]any), []string{"name", "reason"})
}

func TestBadgeIsSVGColouredByTheThreshold(t *testing.T) {
	tests := []struct {
		percent, threshold float64
		colour, text       string
	}{
		{79.96, 80, badgeRed, "79.96%"},
		{80, 80, badgeYellow, "80.0%"},
		{89.9, 80, badgeYellow, "89.9%"},
		{90, 80, badgeGreen, "90.0%"},
		{5, 0, badgeYellow, "5.0%"},
	}
	for _, tt := range tests {
		r := &coverage.Report{Total: coverage.Result{Percent: tt.percent, Threshold: tt.threshold}}
		out := rendered(t, Badge, r)
		var svg struct {
			XMLName xml.Name
			Title   string `xml:"title"`
		}
		if err := xml.Unmarshal([]byte(out), &svg); err != nil || svg.XMLName.Local != "svg" {
			t.Errorf("badge of %v%% is not SVG (%v):\n%s", tt.percent, err, out)
		}
		if svg.Title != "coverage: "+tt.text || !strings.Contains(out, `fill="`+tt.colour+`"`) {
			t.Errorf("badge of %v%% against %v%%: title %q, want %q in %s", tt.percent, tt.threshold, svg.Title, tt.text, tt.colour)
		}
	}
}

func TestFunctionsLineStatesTheThresholdOrItsAbsence(t *testing.T) {
	tests := []struct {
		f    coverage.FunctionReport
		want string
	}{
		{coverage.FunctionReport{Functions: 3, Entered: 2, Percent: 200.0 / 3}, "Functions: 2 of 3 entered, 66.7% (no threshold)"},
		{coverage.FunctionReport{Functions: 3, Entered: 2, Percent: 200.0 / 3, Threshold: 66.6, Pass: true}, "Functions: 2 of 3 entered, 66.7%, meets the threshold 66.6%"},
		{coverage.FunctionReport{Functions: 3, Entered: 2, Percent: 200.0 / 3, Threshold: 66.67}, "Functions: 2 of 3 entered, 66.667%, below the threshold 66.67%"},
	}
	for _, tt := range tests {
		if got := functionsLine(&tt.f); got != tt.want {
			t.Errorf("functionsLine(%+v) = %q, want %q", tt.f, got, tt.want)
		}
	}
}
