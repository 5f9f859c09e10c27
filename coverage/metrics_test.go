package coverage

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
)

// shapesProfile is what go test -covermode=count wrote for
// ../testdata/metrics (one function per shape of branch, figures known by
// construction: see the comments in shapes.go and errs.go).
const shapesProfile = `mode: count
example.com/metrics/shapes/shapes.go:6.25,7.11 1 2
example.com/metrics/shapes/shapes.go:7.11,9.3 1 1
example.com/metrics/shapes/shapes.go:9.8,9.18 1 1
example.com/metrics/shapes/shapes.go:9.18,11.3 1 0
example.com/metrics/shapes/shapes.go:11.8,13.3 1 1
example.com/metrics/shapes/shapes.go:18.31,19.12 1 1
example.com/metrics/shapes/shapes.go:19.12,21.3 1 0
example.com/metrics/shapes/shapes.go:22.2,22.12 1 1
example.com/metrics/shapes/shapes.go:22.12,24.3 1 0
example.com/metrics/shapes/shapes.go:25.2,25.10 1 1
example.com/metrics/shapes/shapes.go:29.26,30.9 1 2
example.com/metrics/shapes/shapes.go:31.28,32.17 1 1
example.com/metrics/shapes/shapes.go:33.16,33.16 0 1
example.com/metrics/shapes/shapes.go:34.10,35.17 1 0
example.com/metrics/shapes/shapes.go:37.2,37.16 1 1
example.com/metrics/shapes/shapes.go:41.26,42.11 1 2
example.com/metrics/shapes/shapes.go:43.12,44.14 1 1
example.com/metrics/shapes/shapes.go:45.9,46.15 1 0
example.com/metrics/shapes/shapes.go:48.2,48.14 1 1
example.com/metrics/shapes/shapes.go:52.29,53.18 1 2
example.com/metrics/shapes/shapes.go:54.11,55.15 1 1
example.com/metrics/shapes/shapes.go:56.14,57.18 1 0
example.com/metrics/shapes/shapes.go:58.10,59.17 1 1
example.com/metrics/shapes/shapes.go:64.47,65.9 1 1
example.com/metrics/shapes/shapes.go:66.16,67.11 1 1
example.com/metrics/shapes/shapes.go:68.14,69.12 1 0
example.com/metrics/shapes/shapes.go:74.24,76.21 2 1
example.com/metrics/shapes/shapes.go:76.21,77.12 1 2
example.com/metrics/shapes/shapes.go:77.12,79.4 1 0
example.com/metrics/shapes/shapes.go:80.3,80.13 1 2
example.com/metrics/shapes/shapes.go:82.2,82.23 1 1
example.com/metrics/shapes/shapes.go:82.23,84.3 1 2
example.com/metrics/shapes/shapes.go:85.2,85.14 1 1
example.com/metrics/shapes/shapes.go:89.24,90.11 1 0
example.com/metrics/shapes/shapes.go:90.11,92.3 1 0
example.com/metrics/shapes/shapes.go:93.2,93.10 1 0
example.com/metrics/shapes/shapes.go:99.30,100.20 1 1
example.com/metrics/shapes/shapes.go:100.20,100.32 1 0
`

const errsProfile = `mode: count
example.com/metrics/errs/errs.go:12.40,14.16 2 1
example.com/metrics/errs/errs.go:14.16,16.3 1 0
example.com/metrics/errs/errs.go:17.2,17.20 1 1
example.com/metrics/errs/errs.go:17.20,19.3 1 0
example.com/metrics/errs/errs.go:20.2,20.18 1 1
example.com/metrics/errs/errs.go:24.31,25.38 1 1
example.com/metrics/errs/errs.go:25.38,27.3 1 0
example.com/metrics/errs/errs.go:28.2,28.12 1 1
`

// metricsSources returns the sources of ../testdata/metrics.
func metricsSources(t *testing.T) *Sources {
	t.Helper()
	files := map[string]string{}
	for _, name := range []string{"shapes/shapes.go", "errs/errs.go"} {
		data, err := os.ReadFile(filepath.Join("..", "testdata", "metrics", filepath.FromSlash(name)))
		if err != nil {
			t.Fatal(err)
		}
		files[name] = strings.ReplaceAll(string(data), "example.com/metrics", "example.com/m")
	}
	return moduleSources(t, files)
}

func asModule(profile string) string {
	return strings.ReplaceAll(profile, "example.com/metrics/", "example.com/m/")
}

func TestMeasureCountsEveryShapeOfBranchFunctionAndLine(t *testing.T) {
	p := mustParse(t, asModule(shapesProfile))
	m := Measure(p, metricsSources(t), SetOf(AllMetrics()...))
	if len(m.Warnings) != 0 {
		t.Errorf("warnings = %q, want none", m.Warnings)
	}
	fm := m.Files[0]
	want := [numMetrics]Tally{
		StatementMetric: {38, 26}, // go test: 68.4% of statements
		BranchMetric:    {22, 12},
		FunctionMetric:  {9, 8},
		LineMetric:      {37, 26}, // Later's return line holds two statements
	}
	if fm.Tallies != want || fm.Unavailable != [numMetrics]string{} {
		t.Errorf("tallies = %v (unavailable %q), want %v", fm.Tallies, fm.Unavailable, want)
	}
	var got []string
	for _, b := range fm.Branches {
		got = append(got, fmt.Sprintf("%d %s %v", b.Line, b.Kind, b.Covered))
	}
	wantBranches := []string{
		"7 then true", "9 else true", "9 then false", "11 else true", // Sign: else if is a nested if
		"19 then false", "19 implicit else true", "22 then false", "22 implicit else true", // Clamp
		"31 case true", "33 case true", "34 default false", // Kind: the empty clause ran
		"43 case true", "45 case false", // Weekend: no default, no branch for it
		"54 case true", "56 case false", "58 default true", // Describe: type switch
		"66 case true", "68 case false", // Recv: select
		"77 then false", "77 implicit else true", // Sum: in a closure, called in a loop
		"90 then false", "90 implicit else false", // Unused
	}
	if !reflect.DeepEqual(got, wantBranches) {
		t.Errorf("branches =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(wantBranches, "\n"))
	}
	if m.LineRules[LinesFromStatements] != 1 {
		t.Errorf("line rules %v, want 1 file by statements", m.LineRules)
	}
	// The scanner counts the functions Functions finds with go/parser.
	fs, _, err := Functions(p, metricsSources(t))
	if err != nil {
		t.Fatal(err)
	}
	if got := fm.Tallies[FunctionMetric]; got.Total != len(fs) {
		t.Errorf("functions = %v, Functions found %d", got, len(fs))
	}
}

// onelineSource is code gofmt would reformat, as generated or hand-kept
// code can be: an if whose body shares its condition's line. It cannot live
// in ../testdata/metrics, which is kept gofmt-clean.
const onelineSource = "package oneline\n\nfunc Clamp(x, hi int) int {\n\tif x > hi { return hi }\n\treturn x\n}\n"

func TestMeasureTellsApartBranchesThatShareALine(t *testing.T) {
	p := mustParse(t, `mode: count
example.com/m/oneline/oneline.go:3.27,4.12 1 1
example.com/m/oneline/oneline.go:4.12,4.25 1 0
example.com/m/oneline/oneline.go:5.2,5.10 1 1
`)
	m := Measure(p, moduleSources(t, map[string]string{"oneline/oneline.go": onelineSource}), SetOf(AllMetrics()...))
	fm := m.Files[0]
	var got []string
	for _, b := range fm.Branches {
		got = append(got, fmt.Sprintf("%d %s %v", b.Line, b.Kind, b.Covered))
	}
	if want := []string{"4 then false", "4 implicit else true"}; !reflect.DeepEqual(got, want) {
		t.Errorf("branches = %q, want %q", got, want)
	}
	// Line 4 holds the if (ran) and the return (did not): one line, covered.
	if fm.Tallies[StatementMetric] != (Tally{3, 2}) || fm.Tallies[LineMetric] != (Tally{2, 2}) {
		t.Errorf("tallies = %v, want 2 of 3 statements and 2 of 2 lines", fm.Tallies)
	}
}

func TestMeasureComputesOnlyWhatIsAsked(t *testing.T) {
	p := mustParse(t, asModule(shapesProfile))
	m := Measure(p, metricsSources(t), SetOf(BranchMetric))
	fm := m.Files[0]
	if fm.Tallies[BranchMetric] != (Tally{22, 12}) || fm.Tallies[FunctionMetric] != (Tally{}) {
		t.Errorf("tallies = %v, want branches only", fm.Tallies)
	}
	if fm.Unavailable[FunctionMetric] != reasonNotComputed || fm.Unavailable[LineMetric] != reasonNotComputed || len(m.LineRules) != 0 {
		t.Errorf("unavailable = %q, line rules %v; want functions and lines not computed", fm.Unavailable, m.LineRules)
	}
}

func TestMeasureOfASetModeProfileHasNoBranches(t *testing.T) {
	p := mustParse(t, strings.Replace(asModule(shapesProfile), "mode: count", "mode: set", 1))
	m := Measure(p, metricsSources(t), SetOf(AllMetrics()...))
	fm := m.Files[0]
	if fm.Unavailable[BranchMetric] != reasonSetMode || fm.Tallies[BranchMetric] != (Tally{}) || fm.Branches != nil {
		t.Errorf("branches %v %v, reason %q; want unavailable because of mode set", fm.Tallies[BranchMetric], fm.Branches, fm.Unavailable[BranchMetric])
	}
	if fm.Tallies[FunctionMetric] != (Tally{9, 8}) || fm.Tallies[LineMetric] != (Tally{37, 26}) {
		t.Errorf("tallies = %v, want functions and lines as in count mode", fm.Tallies)
	}
}

func TestMeasureWithoutSourcesCountsEveryLineOfABlock(t *testing.T) {
	p := mustParse(t, `mode: count
example.com/other/a.go:3.10,5.2 2 1
example.com/other/a.go:5.2,7.3 1 0
example.com/other/a.go:9.1,9.9 0 0
example.com/other/a.go:10.1,12.2 1 0
example.com/other/lex.rl:4.1,6.1 1 3
`)
	m := Measure(p, moduleSources(t, nil), SetOf(AllMetrics()...))
	a, rl := m.Files[0], m.Files[1]
	// Lines 3-7 and 10-12 (the empty block on 9 holds no statement);
	// 3-5 ran, line 5 shared with a block that did not.
	if a.Tallies[LineMetric] != (Tally{8, 3}) || rl.Tallies[LineMetric] != (Tally{3, 3}) {
		t.Errorf("lines = %v and %v, want {8 3} and {3 3}", a.Tallies[LineMetric], rl.Tallies[LineMetric])
	}
	if a.Unavailable[BranchMetric] != reasonNoSource || a.Unavailable[FunctionMetric] != reasonNoSource || rl.Unavailable[BranchMetric] != reasonNotGo {
		t.Errorf("unavailable = %q and %q", a.Unavailable, rl.Unavailable)
	}
	if m.LineRules[LinesFromBlocks] != 2 || len(m.Warnings) != 1 || !strings.Contains(m.Warnings[0].Message, "1 of 1 profiled files (e.g. example.com/other/a.go)") {
		t.Errorf("line rules %v, warnings %q; want both files by blocks and one warning naming a.go", m.LineRules, m.Warnings)
	}
}

func TestMeasureSkipsBranchesOfIgnoredBlocks(t *testing.T) {
	src := metricsSources(t)
	text := strings.Replace(asModule(shapesProfile), "example.com/m/shapes/shapes.go:7.11,9.3 1 1\n", "", 1)
	m := Measure(mustParse(t, text), src, SetOf(BranchMetric))
	// Sign's outer if lost its then block: neither of its branches counts.
	if got := m.Files[0].Tallies[BranchMetric]; got != (Tally{20, 10}) {
		t.Errorf("branches = %v, want {20 10}", got)
	}
}

func TestMeasureReadsFunctionsAndBranchesOfLCOVRecords(t *testing.T) {
	p, err := ParseLCOV("c.info", strings.NewReader(`SF:pkg/a.go
FN:3,F
FN:9,12,G
FNDA:2,F
FNDA:0,G
BRDA:4,0,0,1
BRDA:4,0,1,-
DA:4,1
DA:5,0
end_of_record
SF:pkg/b.go
DA:1,1
end_of_record
SF:pkg/a.go
FNDA:1,G
end_of_record
`))
	if err != nil {
		t.Fatal(err)
	}
	m := Measure(p, moduleSources(t, nil), SetOf(AllMetrics()...))
	a, b := m.Files[0], m.Files[1]
	if a.Tallies != [numMetrics]Tally{{2, 1}, {2, 1}, {2, 2}, {2, 1}} {
		t.Errorf("a.go tallies = %v, want 1 of 2 lines, 1 of 2 branches, both functions", a.Tallies)
	}
	if b.Unavailable[BranchMetric] != reasonLCOVBranch || b.Unavailable[FunctionMetric] != reasonLCOVFunc || b.Tallies[LineMetric] != (Tally{1, 1}) {
		t.Errorf("b.go: %v, unavailable %q; want lines only", b.Tallies, b.Unavailable)
	}
	if m.LineRules[LinesFromLCOV] != 2 || len(m.Warnings) != 0 {
		t.Errorf("line rules %v, warnings %q", m.LineRules, m.Warnings)
	}
}

func TestMergeAddsLCOVFunctionsAndBranches(t *testing.T) {
	parse := func(text string) *Profile {
		p, err := ParseLCOV("c.info", strings.NewReader(text))
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	p, err := Merge(parse("SF:a.go\nFN:1,F\nFNDA:0,F\nBRDA:2,0,0,0\nDA:2,0\nend_of_record\n"),
		parse("SF:a.go\nFN:1,F\nFNDA:3,F\nBRDA:2,0,0,1\nDA:2,1\nend_of_record\n"))
	if err != nil {
		t.Fatal(err)
	}
	m := Measure(p, moduleSources(t, nil), SetOf(AllMetrics()...))
	if got := m.Files[0].Tallies; got != [numMetrics]Tally{{1, 1}, {1, 1}, {1, 1}, {1, 1}} {
		t.Errorf("tallies = %v, want everything covered once merged", got)
	}
}

func TestParseLCOVRejectsMalformedFunctionsAndBranches(t *testing.T) {
	for _, text := range []string{"FN:1,F\n", "SF:a.go\nFN:F\n", "SF:a.go\nFNDA:x,F\n", "SF:a.go\nBRDA:1,0,0\n", "SF:a.go\nBRDA:1,0,0,x\n"} {
		if _, err := ParseLCOV("c.info", strings.NewReader(text)); err == nil {
			t.Errorf("ParseLCOV(%q) succeeded, want an error", text)
		}
	}
}

func TestParseMetricsReadsListsAndAll(t *testing.T) {
	tests := []struct {
		in   string
		want MetricSet
	}{
		{"all", SetOf(AllMetrics()...)},
		{"statements,branches", SetOf(StatementMetric, BranchMetric)},
		{"branch, line", SetOf(StatementMetric, BranchMetric, LineMetric)},
		{"functions", SetOf(StatementMetric, FunctionMetric)},
	}
	for _, tt := range tests {
		if got, err := ParseMetrics(tt.in); err != nil || got != tt.want {
			t.Errorf("ParseMetrics(%q) = %v, %v; want %v", tt.in, got.Metrics(), err, tt.want.Metrics())
		}
	}
	if _, err := ParseMetrics("statements,conditions"); err == nil || !strings.Contains(err.Error(), `unknown metric "conditions"`) {
		t.Errorf("error = %v, want one naming the unknown metric", err)
	}
}

// measuredReport judges the shapes and errs packages under policy.
func measuredReport(t *testing.T, policy Policy, mp MetricPolicy) (*Report, error) {
	t.Helper()
	p := mustParse(t, asModule(shapesProfile+strings.TrimPrefix(errsProfile, "mode: count\n")))
	r := Judge(Summarize(p), policy)
	m := Measure(p, metricsSources(t), SetOf(AllMetrics()...))
	return r, JudgeMetrics(r, m, mp)
}

func TestJudgeMetricsGivesEveryUnitFourMetrics(t *testing.T) {
	r, err := measuredReport(t, Policy{Total: 60}, MetricPolicy{})
	if err != nil {
		t.Fatal(err)
	}
	tot := r.Total.Metrics
	got := []MetricResult{*tot.Statements, *tot.Branches, *tot.Functions, *tot.Lines}
	want := []MetricResult{
		{Total: 47, Covered: 32, Percent: float64(32) * 100 / 47, Threshold: ptr(60.0), Pass: true},
		{Total: 28, Covered: 15, Percent: float64(15) * 100 / 28, Pass: true},
		{Total: 11, Covered: 10, Percent: float64(10) * 100 / 11, Pass: true},
		{Total: 46, Covered: 32, Percent: float64(32) * 100 / 46, Pass: true},
	}
	if !reflect.DeepEqual(got, want) || !r.Pass || tot.Reasons != nil {
		t.Errorf("total metrics = %+v (pass %v, reasons %v), want %+v", got, r.Pass, tot.Reasons, want)
	}
	if len(r.Packages) != 2 || r.Packages[0].Metrics.Branches.Total != 6 || r.Files[1].Metrics.Lines.Total != 37 {
		t.Errorf("packages %+v, files %+v: want errs with 6 branches, shapes.go with 37 lines", r.Packages, r.Files)
	}
	if got := r.ShownMetrics(); len(got) != 4 || r.Measured.LineRules[LinesFromStatements] != 2 {
		t.Errorf("shown %v, measured %+v", got, r.Measured)
	}
}

func TestJudgeMetricsAppliesThresholdsMaxUncoveredAndOverrides(t *testing.T) {
	tests := []struct {
		name   string
		policy MetricPolicy
		fail   []string // units failing, by name ("" the total)
	}{
		{"branch total met", MetricPolicy{Total: [numMetrics]Gate{BranchMetric: {Threshold: ptr(53.5)}}}, nil},
		{"branch total missed by a hair", MetricPolicy{Total: [numMetrics]Gate{BranchMetric: {Threshold: ptr(53.58)}}}, []string{""}},
		{"package branches", MetricPolicy{Package: [numMetrics]Gate{BranchMetric: {Threshold: ptr(54.0)}}}, []string{"example.com/m/errs"}},
		{"override relaxes one package", MetricPolicy{
			Package:   [numMetrics]Gate{BranchMetric: {Threshold: ptr(54.0)}},
			Overrides: []MetricOverride{{Path: regexp.MustCompile("/errs$"), Package: [numMetrics]Gate{BranchMetric: {Threshold: ptr(50.0)}}}},
		}, nil},
		{"max uncovered statements per file", MetricPolicy{File: [numMetrics]Gate{StatementMetric: {MaxUncovered: intPtr(3)}}}, []string{"example.com/m/shapes/shapes.go"}},
		{"override raises one file's limit", MetricPolicy{
			File:      [numMetrics]Gate{StatementMetric: {MaxUncovered: intPtr(3)}},
			Overrides: []MetricOverride{{Path: regexp.MustCompile(`shapes\.go$`), File: [numMetrics]Gate{StatementMetric: {MaxUncovered: intPtr(12)}}}},
		}, nil},
		{"functions and lines", MetricPolicy{Total: [numMetrics]Gate{FunctionMetric: {Threshold: ptr(95.0)}, LineMetric: {MaxUncovered: intPtr(12)}}}, []string{""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := measuredReport(t, Policy{}, tt.policy)
			if err != nil {
				t.Fatal(err)
			}
			var fail []string
			for _, u := range append(append([]Result{r.Total}, r.Packages...), r.Files...) {
				if !u.Pass {
					fail = append(fail, u.Name)
				}
			}
			if !reflect.DeepEqual(fail, tt.fail) || r.Pass != (len(tt.fail) == 0) {
				t.Errorf("failing units %q (report pass %v), want %q", fail, r.Pass, tt.fail)
			}
		})
	}
}

func TestJudgeMetricsRefusesToGateWhatCannotBeComputed(t *testing.T) {
	p := mustParse(t, strings.Replace(asModule(shapesProfile), "mode: count", "mode: set", 1))
	r := Judge(Summarize(p), Policy{})
	m := Measure(p, metricsSources(t), SetOf(AllMetrics()...))
	err := JudgeMetrics(r, m, MetricPolicy{Total: [numMetrics]Gate{BranchMetric: {Threshold: ptr(50.0)}}})
	if err == nil || !strings.Contains(err.Error(), "branches are gated but cannot be computed: the profile is of mode set") {
		t.Fatalf("error = %v, want one saying branches need mode count", err)
	}
	r = Judge(Summarize(p), Policy{})
	if err := JudgeMetrics(r, m, MetricPolicy{}); err != nil {
		t.Fatal(err)
	}
	if r.Total.Metrics.Branches != nil || r.Total.Metrics.Reasons["branches"] != reasonSetMode {
		t.Errorf("branches = %+v, reasons %v; want null with the mode set reason", r.Total.Metrics.Branches, r.Total.Metrics.Reasons)
	}
}

func TestSkipErrorReturnsDropsBlocksThatOnlyReturnAnError(t *testing.T) {
	p := mustParse(t, asModule(errsProfile))
	out, er := SkipErrorReturns(p, metricsSources(t))
	// Load's wrapped return and Check's bare one go; errors.New stays.
	if er != (ErrorReturns{Blocks: 2, Statements: 2}) {
		t.Errorf("set aside %+v, want 2 blocks of 1 statement", er)
	}
	s := Summarize(out)
	if s.Total != (Counts{Statements: 7, Covered: 6}) || len(p.Files[0].Blocks) != 8 {
		t.Errorf("total = %+v (input blocks %d), want 6 of 7 and the input untouched", s.Total, len(p.Files[0].Blocks))
	}
}

func TestIsErrorReturnKnowsWrappedFormsFromOtherReturns(t *testing.T) {
	tests := []struct {
		stmt string
		want bool
	}{
		{"if err != nil { return err }", true},
		{"if nil != err { return 0, err }", true},
		{`if err != nil { return nil, fmt.Errorf("x: %w", err) }`, true},
		{"if r.err != nil { return &PathError{Err: r.err} }", true},
		{`if err != nil { return errors.New("other") }`, false},
		{"if err != nil { log(err); return err }", false},
		{"if err != nil { return err } else { x() }", false},
		{"if err == nil { return err }", false},
		{"if err != nil { return func() error { return err }() }", false},
	}
	for _, tt := range tests {
		f, err := parser.ParseFile(token.NewFileSet(), "x.go", "package p\nfunc f() {\n"+tt.stmt+"\n}\n", 0)
		if err != nil {
			t.Fatal(err)
		}
		ifs := f.Decls[0].(*ast.FuncDecl).Body.List[0].(*ast.IfStmt)
		if got := isErrorReturn(ifs); got != tt.want {
			t.Errorf("isErrorReturn(%s) = %v, want %v", tt.stmt, got, tt.want)
		}
	}
}

func TestDiffBranchesListsChangedBranchesThatNeverRan(t *testing.T) {
	p := mustParse(t, asModule(shapesProfile))
	src := metricsSources(t)
	m := Measure(p, src, SetOf(BranchMetric))
	root := filepath.Dir(mustFile(t, src, "example.com/m/shapes/shapes.go"))
	c := &Changes{Root: filepath.Dir(root), Files: map[string][]LineRange{"shapes/shapes.go": {{19, 22}, {42, 46}}}}
	r := &Report{Pass: true, Diff: &DiffReport{Pass: true}}
	DiffBranches(r, p, m, src, c)
	b := r.Diff.Branches
	want := []BranchAt{{"shapes/shapes.go", 19, "then"}, {"shapes/shapes.go", 22, "then"}, {"shapes/shapes.go", 45, "case"}}
	if b.Total != 6 || b.Covered != 3 || b.Percent != 50 || !reflect.DeepEqual(b.Uncovered, want) || !r.Pass {
		t.Errorf("changed branches = %+v, want 3 of 6 covered, uncovered %v, not gated", b, want)
	}

	set := mustParse(t, strings.Replace(asModule(shapesProfile), "mode: count", "mode: set", 1))
	r = &Report{Pass: true, Diff: &DiffReport{Pass: true}}
	DiffBranches(r, set, Measure(set, src, SetOf(BranchMetric)), src, c)
	if r.Diff.Branches != nil {
		t.Errorf("changed branches of a set-mode profile = %+v, want none reported", r.Diff.Branches)
	}
}

func mustFile(t *testing.T, src *Sources, name string) string {
	t.Helper()
	p, ok := src.File(name)
	if !ok {
		t.Fatalf("no file for %s", name)
	}
	return p
}

func intPtr(n int) *int { return &n }

func TestReadIntoReadsWholeFilesOfAnySizeIntoOneBuffer(t *testing.T) {
	dir := t.TempDir()
	big := strings.Repeat("x", 100<<10+7)
	for name, content := range map[string]string{"empty": "", "small": "package p\n", "big": big} {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(content), 0o666); err != nil {
			t.Fatal(err)
		}
		got, err := readInto(make([]byte, 0, 16), path)
		if err != nil || string(got) != content {
			t.Errorf("readInto(%s) = %d bytes, %v; want %d", name, len(got), err, len(content))
		}
	}
	if _, err := readInto(nil, filepath.Join(dir, "missing")); err == nil {
		t.Error("readInto of a missing file succeeded")
	}
}
