package report

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/testgate/testgate/coverage"
	"github.com/testgate/testgate/internal/testtree"
)

// sample is a failing report: one package and one file below their
// thresholds, a passing total, and one generated file excluded.
func sample() *coverage.Report {
	return &coverage.Report{
		Pass:  false,
		Total: coverage.Result{Statements: 20, Covered: 17, Percent: 85, Threshold: 80, Pass: true},
		Packages: []coverage.Result{
			{Name: "example.com/m", Statements: 10, Covered: 10, Percent: 100, Threshold: 50, Pass: true},
			{Name: "example.com/m/weak", Statements: 10, Covered: 7, Percent: 70, Threshold: 75, Pass: false},
		},
		Files: []coverage.Result{
			{Name: "example.com/m/main.go", Statements: 10, Covered: 10, Percent: 100, Pass: true},
			{Name: "example.com/m/weak/a_b.go", Statements: 10, Covered: 7, Percent: 70, Threshold: 79.95, Pass: false, Path: "weak/a_b.go"},
		},
		Excluded: []coverage.Excluded{{Name: "example.com/m/gen.go", Reason: coverage.ReasonGenerated}},
	}
}

func rendered(t *testing.T, f Renderer, r *coverage.Report) string {
	t.Helper()
	var buf bytes.Buffer
	if err := f(&buf, r); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// passing is a report that meets every threshold, without exclusions.
func passing() *coverage.Report {
	return &coverage.Report{Pass: true, Total: coverage.Result{Statements: 3, Covered: 3, Percent: 100, Threshold: 0, Pass: true},
		Packages: []coverage.Result{{Name: "m", Statements: 3, Covered: 3, Percent: 100, Pass: true}}}
}

// TestEveryFormatMatchesItsGoldenFile pins every format on a failing
// report, one with every later gate's section, a passing one and one with
// the four metrics; go test
// -update rewrites the files in testdata.
func TestEveryFormatMatchesItsGoldenFile(t *testing.T) {
	reports := map[string]func() *coverage.Report{"sample": sample, "gated": gated, "passing": passing, "metrics": metricSample}
	for name, r := range reports {
		for _, format := range append(Formats(), "badge") {
			t.Run(name+"/"+format, func(t *testing.T) {
				render := Badge
				if format != "badge" {
					render = formats[format]
				}
				golden := filepath.Join("testdata", name+"-"+format+".golden")
				testtree.Golden(t, golden, []byte(rendered(t, render, r())))
			})
		}
	}
}

func TestJSONHasExactlyTheDocumentedShape(t *testing.T) {
	out := rendered(t, JSON, sample())
	var got map[string]any
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	unit := []string{"covered", "name", "pass", "percent", "statements", "threshold"}
	checkKeys(t, "report", got, []string{"excluded", "files", "packages", "pass", "total"})
	checkKeys(t, "total", got["total"].(map[string]any), []string{"covered", "pass", "percent", "statements", "threshold"})
	checkKeys(t, "package", got["packages"].([]any)[0].(map[string]any), unit)
	checkKeys(t, "file", got["files"].([]any)[1].(map[string]any), unit)
	checkKeys(t, "excluded", got["excluded"].([]any)[0].(map[string]any), []string{"name", "reason"})
}

func TestJSONKeepsPercentUnroundedAndListsEmptyAsEmpty(t *testing.T) {
	s := &coverage.Summary{Total: coverage.Counts{Statements: 3, Covered: 2}, Packages: []coverage.Unit{}, Files: []coverage.Unit{}}
	out := rendered(t, JSON, coverage.Judge(s, coverage.Policy{Total: 66.67}))
	for _, want := range []string{`"percent": 66.66666666666667`, `"pass": false`, `"packages": []`, `"excluded": []`} {
		if !strings.Contains(out, want) {
			t.Errorf("JSON lacks %s:\n%s", want, out)
		}
	}
}

func checkKeys(t *testing.T, what string, m map[string]any, want []string) {
	t.Helper()
	var got []string
	for k := range m {
		got = append(got, k)
	}
	slices.Sort(got)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s keys = %v, want %v", what, got, want)
	}
}

func TestGitHubAnnotatesEveryFailingUnit(t *testing.T) {
	r := sample()
	r.Total = coverage.Result{Statements: 20, Covered: 15, Percent: 75, Threshold: 80}
	out := rendered(t, GitHub, r)
	want := "::error title=testgate cover::total coverage 75.0%25 of 20 statements is below the threshold 80%25\n" +
		"::error title=testgate cover::package example.com/m/weak: coverage 70.0%25 of 10 statements is below its threshold 75%25\n" +
		"::error file=weak/a_b.go,title=testgate cover::file example.com/m/weak/a_b.go: coverage 70.0%25 of 10 statements is below its threshold 79.95%25\n" +
		"FAIL: total 75.0% of 20 statements is below the threshold 80%; 1 package and 1 file are below their thresholds\n"
	if out != want {
		t.Errorf("github =\n%s\nwant\n%s", out, want)
	}
}

func TestGitHubEscapesProperties(t *testing.T) {
	var buf bytes.Buffer
	annotate(&buf, "a,b:c%.go", "50%\nnext")
	if got, want := buf.String(), "::error file=a%2Cb%3Ac%25.go,title=testgate cover::50%25%0Anext\n"; got != want {
		t.Errorf("annotate = %q, want %q", got, want)
	}
}

func TestPercentNeverContradictsTheVerdict(t *testing.T) {
	tests := []struct {
		p, threshold float64
		want         string
	}{
		{66.666, 0, "66.7%"},
		{79.96, 80, "79.96%"},
		{79.9999, 80, "79.9999%"},
		{80, 80, "80.0%"},
		{57.46, 57.45, "57.5%"},
		{57.358, 57.36, "57.358%"},
		{100, 100, "100.0%"},
	}
	for _, tt := range tests {
		if got := Percent(tt.p, tt.threshold); got != tt.want {
			t.Errorf("Percent(%v, %v) = %q, want %q", tt.p, tt.threshold, got, tt.want)
		}
	}
}

func TestLookupKnowsEveryFormat(t *testing.T) {
	for _, name := range []string{"table", "markdown", "json", "github"} {
		if f, err := Lookup(name); f == nil || err != nil {
			t.Errorf("Lookup(%q) = %v, %v", name, f, err)
		}
	}
	if _, err := Lookup("xml"); err == nil || !strings.Contains(err.Error(), "github, json, markdown, table") {
		t.Errorf("Lookup(xml) error = %v, want the list of formats", err)
	}
}

func TestExcludedListsAreCapped(t *testing.T) {
	var ex []coverage.Excluded
	for range 12 {
		ex = append(ex, coverage.Excluded{Name: "m/g.go", Reason: "generated"})
	}
	lines := excludedLines(ex, 10)
	if len(lines) != 11 || lines[10] != "... and 2 more (all are listed with -format=json)" {
		t.Errorf("excludedLines = %q", lines)
	}
}

func TestVerdictAgreesInNumber(t *testing.T) {
	r := sample()
	r.Files[1].Pass = true
	if got, want := verdict(r), "FAIL: total 85.0% of 20 statements meets the threshold 80%; 1 package is below its threshold"; got != want {
		t.Errorf("verdict = %q, want %q", got, want)
	}
	r.Packages = append(r.Packages, r.Packages[1])
	if got := verdict(r); !strings.HasSuffix(got, "; 2 packages are below their thresholds") {
		t.Errorf("verdict = %q, want it to count 2 packages", got)
	}
}

func TestTextReportsEscapeControlCharactersInNames(t *testing.T) {
	r := sample()
	evil := "example.com/m/\x1b[2J\x1b]0;pwned\x07\u202eog.a.go"
	r.Files[1].Name, r.Files[1].Path = evil, "weak/\x1b[31mred.go"
	r.Packages[1].Name = "example.com/m/\x1b[31mweak"
	r.Excluded[0].Name = "example.com/m/\rgen.go"
	r.Unmeasured = []coverage.Excluded{{Name: "example.com/m/\x1b[8mhidden", Reason: "the test binary died"}}
	r.Functions = &coverage.FunctionReport{Least: []coverage.Function{{Name: "F\x1b[0m", File: evil, Line: 3}}}
	r.Diff = &coverage.DiffReport{Uncovered: []coverage.UncoveredLines{{File: "p/\x1b[1mb.go", Start: 1, End: 2}}, Outside: []string{"p/\x1bc.go"},
		Branches: &coverage.ChangedBranches{Uncovered: []coverage.BranchAt{{File: "p/\x1b[1md.go", Line: 4, Kind: "then"}}}}
	r.Baseline = &coverage.BaselineReport{Added: []string{"example.com/\x1bnew"}, Removed: []string{"example.com/\x1bold"}}
	for name, f := range map[string]Renderer{"table": Table, "github": GitHub, "markdown": Markdown} {
		out := rendered(t, f, r)
		if strings.ContainsAny(out, "\x1b\x07\r\u202e") {
			t.Errorf("%s output holds control characters:\n%q", name, out)
		}
		if !strings.Contains(out, "x1b") || !strings.Contains(out, "2J") {
			t.Errorf("%s output lost the file's name; want it escaped as \\x1b[2J:\n%s", name, out)
		}
	}
	if r.Files[1].Name != evil {
		t.Error("rendering changed the report")
	}
}
