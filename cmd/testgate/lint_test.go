package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"go/token"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"golang.org/x/tools/go/analysis"
)

func lintModule(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join("..", "..", "testdata", "lintmod"))
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// validateSARIF checks data against the SARIF 2.1.0 schema shipped in
// testdata, with formats such as uri-reference asserted, and decodes it.
func validateSARIF(t *testing.T, data []byte) sarifLog {
	t.Helper()
	schemaFile, err := os.Open(filepath.Join("..", "..", "testdata", "sarif-2.1.0.schema.json"))
	if err != nil {
		t.Fatal(err)
	}
	defer schemaFile.Close()
	schemaDoc, err := jsonschema.UnmarshalJSON(schemaFile)
	if err != nil {
		t.Fatalf("reading the SARIF schema: %v", err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource(sarifSchema, schemaDoc); err != nil {
		t.Fatalf("adding the SARIF schema: %v", err)
	}
	schema, err := c.Compile(sarifSchema)
	if err != nil {
		t.Fatalf("compiling the SARIF schema: %v", err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("SARIF output is not JSON: %v\n%s", err, data)
	}
	if err := schema.Validate(doc); err != nil {
		t.Fatalf("SARIF output does not validate against the 2.1.0 schema: %v\n%s", err, data)
	}
	var log sarifLog
	if err := json.Unmarshal(data, &log); err != nil {
		t.Fatal(err)
	}
	return log
}

func TestCutFormatTakesTheFlagOutOfTheArguments(t *testing.T) {
	tests := []struct {
		name       string
		args       []string
		wantFormat string
		wantRest   []string
	}{
		{"absent means text", []string{"-sleep", "./..."}, "text", []string{"-sleep", "./..."}},
		{"with equals sign", []string{"-format=sarif", "./..."}, "sarif", []string{"./..."}},
		{"double dash and separate value", []string{"-sleep", "--format", "github", "./..."}, "github", []string{"-sleep", "./..."}},
		{"after the packages", []string{"./...", "-format=github"}, "github", []string{"./..."}},
		{"explicit text", []string{"-format=text", "-json", "./..."}, "text", []string{"-json", "./..."}},
		{"after -- it is an argument", []string{"--", "-format=sarif"}, "text", []string{"--", "-format=sarif"}},
		{"a look-alike flag is kept", []string{"-formats=x", "./..."}, "text", []string{"-formats=x", "./..."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			format, rest, err := cutFormat(tt.args)
			if err != nil {
				t.Fatalf("cutFormat(%q): %v", tt.args, err)
			}
			if format != tt.wantFormat || !slices.Equal(rest, tt.wantRest) {
				t.Errorf("cutFormat(%q) = %q, %q; want %q, %q", tt.args, format, rest, tt.wantFormat, tt.wantRest)
			}
		})
	}
}

func TestCutFormatRejectsUnknownOrMissingValues(t *testing.T) {
	for _, args := range [][]string{{"-format=xml", "./..."}, {"-format"}} {
		if _, _, err := cutFormat(args); err == nil {
			t.Errorf("cutFormat(%q) succeeded, want an error", args)
		}
	}
}

func TestLintRejectsAnUnknownFormatNamingIt(t *testing.T) {
	var stdout, stderr bytes.Buffer
	code := runLint([]string{"-format=xml", "./..."}, &stdout, &stderr)
	if code != exitBadUsage || !strings.Contains(stderr.String(), `"xml"`) {
		t.Errorf("runLint(-format=xml) = %d, stderr %q; want %d and the format named", code, stderr.String(), exitBadUsage)
	}
}

func TestSelectionFollowsTheMulticheckerRules(t *testing.T) {
	suite := []*analysis.Analyzer{{Name: "a"}, {Name: "b"}, {Name: "c"}}
	tests := []struct {
		name  string
		flags []string
		want  []string
	}{
		{"no flag runs every analyzer", nil, []string{"a", "b", "c"}},
		{"a true flag runs only the named ones", []string{"-c", "-a"}, []string{"a", "c"}},
		{"a false flag leaves one out", []string{"-b=false"}, []string{"a", "c"}},
		{"true flags win over false ones", []string{"-a", "-b=false"}, []string{"a"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := flagSetForTest()
			sel := registerAnalyzerFlags(fs, suite)
			if err := fs.Parse(tt.flags); err != nil {
				t.Fatalf("Parse(%q): %v", tt.flags, err)
			}
			var got []string
			for _, a := range sel.analyzers(suite) {
				got = append(got, a.Name)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("flags %q select %q, want %q", tt.flags, got, tt.want)
			}
		})
	}
}

func TestAnalyzerFlagsReachTheAnalyzer(t *testing.T) {
	a := &analysis.Analyzer{Name: "a"}
	hosts := a.Flags.String("hosts", "", "hosts to report")
	fs := flagSetForTest()
	registerAnalyzerFlags(fs, []*analysis.Analyzer{a})
	if err := fs.Parse([]string{"-a.hosts=db.internal", "./..."}); err != nil {
		t.Fatal(err)
	}
	if *hosts != "db.internal" {
		t.Errorf("-a.hosts set the analyzer's flag to %q, want db.internal", *hosts)
	}
}

// everyFile reports each file's package clause, so files that a package
// shares with its test variant show whether findings are de-duplicated.
var everyFile = &analysis.Analyzer{
	Name: "everyfile",
	Doc:  "everyfile: reports every file",
	Run: func(pass *analysis.Pass) (any, error) {
		if strings.HasSuffix(pass.Pkg.Path(), ".test") {
			return nil, nil // the generated test main, whose file lives in the build cache
		}
		for _, f := range pass.Files {
			pass.Report(analysis.Diagnostic{Pos: f.Name.Pos(), End: f.Name.End(), Message: "file of package " + f.Name.Name})
		}
		return nil, nil
	},
}

func TestAnalyzeReportsAFileSharedWithTheTestVariantOnce(t *testing.T) {
	t.Chdir(lintModule(t))
	tests := []struct {
		name      string
		withTests bool
		want      []string
	}{
		{"with tests", true, []string{"greet.go", "greet_test.go"}},
		{"without tests", false, []string{"greet.go"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := analyze([]*analysis.Analyzer{everyFile}, []string{"./..."}, tt.withTests)
			if err != nil {
				t.Fatalf("analyze: %v", err)
			}
			var files []string
			for _, f := range res.findings {
				files = append(files, filepath.Base(f.posn.Filename))
			}
			if !slices.Equal(files, tt.want) || len(res.problems) > 0 {
				t.Errorf("findings in %q, problems %q; want one finding in each of %q and no problems", files, res.problems, tt.want)
			}
		})
	}
}

func sampleResult(root string) lintResult {
	file := filepath.Join(root, "greet", "greet_test.go")
	return lintResult{findings: []finding{
		{
			analyzer: "testname",
			posn:     token.Position{Filename: file, Offset: 50, Line: 8, Column: 6},
			end:      token.Position{Filename: file, Offset: 55, Line: 8, Column: 11},
			message:  "test name Test1 says nothing; name the behaviour",
		},
		{
			analyzer: "sleep",
			posn:     token.Position{Filename: file, Offset: 300, Line: 17, Column: 2},
			message:  "time.Sleep in test waits on wall-clock time; use 50% less, or synchronize",
		},
		{
			analyzer: "sleep",
			posn:     token.Position{Filename: "/elsewhere/dir, with comma/x_test.go", Offset: 10, Line: 3, Column: 1},
			message:  "time.Sleep in test\nsecond line",
		},
	}}
}

func TestWriteSARIFValidatesAgainstTheSchema(t *testing.T) {
	root := t.TempDir()
	selected := []*analysis.Analyzer{
		{Name: "testname", Doc: "testname: report test names that say nothing\n\nLonger text.", URL: "https://example.com/testname"},
		{Name: "sleep", Doc: "sleep: report time.Sleep in tests", URL: "https://example.com/sleep"},
	}
	res := sampleResult(root)
	res.problems = []string{"greet.go:1:1: expected 'package'"}
	var out bytes.Buffer
	if err := writeSARIF(&out, selected, res, root); err != nil {
		t.Fatal(err)
	}
	log := validateSARIF(t, out.Bytes())

	run := log.Runs[0]
	rules := run.Tool.Driver.Rules
	if len(rules) != 2 || rules[0].ID != "testname" || rules[0].ShortDescription.Text != "testname: report test names that say nothing" ||
		rules[0].FullDescription.Text != selected[0].Doc || rules[0].HelpURI != selected[0].URL {
		t.Errorf("rules = %+v, want one per analyzer with its summary, doc and URL", rules)
	}
	if len(run.Results) != 3 {
		t.Fatalf("got %d results, want 3", len(run.Results))
	}
	first := run.Results[0]
	wantLoc := sarifPhysicalLocation{
		ArtifactLocation: sarifArtifactLocation{URI: "greet/greet_test.go", URIBaseID: "%SRCROOT%"},
		Region:           sarifRegion{StartLine: 8, StartColumn: 6, EndLine: 8, EndColumn: 11},
	}
	if first.RuleID != "testname" || first.RuleIndex != 0 || first.Level != "warning" || first.Locations[0].PhysicalLocation != wantLoc {
		t.Errorf("first result = %+v, want rule testname at %+v", first, wantLoc)
	}
	if r := run.Results[1]; r.RuleIndex != 1 || r.Locations[0].PhysicalLocation.Region != (sarifRegion{StartLine: 17, StartColumn: 2}) {
		t.Errorf("result without an end = %+v, want rule index 1 and a region with only a start", r)
	}
	if uri := run.Results[2].Locations[0].PhysicalLocation.ArtifactLocation.URI; uri != "file:///elsewhere/dir,%20with%20comma/x_test.go" {
		t.Errorf("file outside the root has URI %q, want an escaped absolute file URI", uri)
	}
	if inv := run.Invocations[0]; inv.ExecutionSuccessful || len(inv.ToolExecutionNotifications) != 1 {
		t.Errorf("invocation = %+v, want it unsuccessful with the load error as a notification", inv)
	}
}

func TestWriteSARIFWithoutFindingsHasAnEmptyResultList(t *testing.T) {
	var out bytes.Buffer
	if err := writeSARIF(&out, nil, lintResult{}, t.TempDir()); err != nil {
		t.Fatal(err)
	}
	validateSARIF(t, out.Bytes())
	// GitHub code scanning closes earlier alerts only on an explicit empty list.
	if !strings.Contains(out.String(), `"results": []`) {
		t.Errorf("SARIF without findings lacks an empty results list:\n%s", out.String())
	}
}

func TestWriteGitHubPrintsOneEscapedAnnotationPerFinding(t *testing.T) {
	root := t.TempDir()
	var out bytes.Buffer
	if err := writeGitHub(&out, sampleResult(root).findings, root); err != nil {
		t.Fatal(err)
	}
	want := "::warning file=greet/greet_test.go,line=8,col=6,endLine=8,endColumn=11,title=testgate testname::test name Test1 says nothing; name the behaviour\n" +
		"::warning file=greet/greet_test.go,line=17,col=2,title=testgate sleep::time.Sleep in test waits on wall-clock time; use 50%25 less, or synchronize\n" +
		"::warning file=/elsewhere/dir%2C with comma/x_test.go,line=3,col=1,title=testgate sleep::time.Sleep in test%0Asecond line\n"
	if out.String() != want {
		t.Errorf("writeGitHub printed\n%s\nwant\n%s", out.String(), want)
	}
}

// The tests below run the built binary on testdata/lintmod, whose tests
// have one bad name (line 8) and one time.Sleep (line 17).

func TestLintSARIFReportsTheModulesFindings(t *testing.T) {
	res := runTestgate(t, lintModule(t), "lint", "-format=sarif", "./...")
	if res.code != exitLintReported {
		t.Fatalf("testgate lint -format=sarif exit code = %d, want 3\nstderr:\n%s", res.code, res.stderr)
	}
	log := validateSARIF(t, []byte(res.stdout))
	run := log.Runs[0]
	if len(run.Tool.Driver.Rules) != 7 {
		t.Errorf("driver has %d rules, want one per analyzer (7)", len(run.Tool.Driver.Rules))
	}
	seen := make(map[string]bool)
	var rules []string
	for _, r := range run.Results {
		loc := r.Locations[0].PhysicalLocation
		key := r.RuleID + " " + loc.ArtifactLocation.URI + " " + r.Message.Text
		if seen[key] {
			t.Errorf("result reported twice: %s", key)
		}
		seen[key] = true
		rules = append(rules, r.RuleID)
		if loc.ArtifactLocation.URI != "greet/greet_test.go" || loc.ArtifactLocation.URIBaseID != "%SRCROOT%" {
			t.Errorf("result %s at %+v, want greet/greet_test.go relative to %%SRCROOT%%", r.RuleID, loc.ArtifactLocation)
		}
	}
	if !slices.Contains(rules, "testname") || !slices.Contains(rules, "sleep") {
		t.Errorf("results come from %q, want testname and sleep", rules)
	}
}

func TestLintGitHubHonoursAnalyzerSelection(t *testing.T) {
	res := runTestgate(t, lintModule(t), "lint", "-sleep", "-format=github", "./...")
	if res.code != exitLintReported {
		t.Fatalf("testgate lint -sleep -format=github exit code = %d, want 3\nstderr:\n%s", res.code, res.stderr)
	}
	lines := strings.Split(strings.TrimSpace(res.stdout), "\n")
	if len(lines) != 1 || !strings.HasPrefix(lines[0], "::warning file=greet/greet_test.go,line=17,col=2,") || !strings.Contains(lines[0], "title=testgate sleep::") {
		t.Errorf("testgate lint -sleep -format=github printed\n%s\nwant one sleep annotation at greet/greet_test.go:17:2", res.stdout)
	}
}

func TestLintWithoutFindingsExitsZero(t *testing.T) {
	// testgate only reads _test.go files; without them there is nothing to report.
	res := runTestgate(t, lintModule(t), "lint", "-format=sarif", "-test=false", "./...")
	if res.code != exitOK {
		t.Fatalf("exit code = %d, want 0\nstderr:\n%s", res.code, res.stderr)
	}
	if log := validateSARIF(t, []byte(res.stdout)); len(log.Runs[0].Results) != 0 {
		t.Errorf("results = %+v, want none", log.Runs[0].Results)
	}
}

func TestLintTextAndJSONStayMulticheckerCompatible(t *testing.T) {
	dir := lintModule(t)
	text := runTestgate(t, dir, "lint", "./...")
	if text.code != exitLintReported || !strings.Contains(text.stderr, "greet_test.go:8:6: test name Test1") {
		t.Errorf("testgate lint exit %d, stderr:\n%s\nwant exit 3 and the bad test name at greet_test.go:8:6", text.code, text.stderr)
	}
	onlySleep := runTestgate(t, dir, "lint", "-format=text", "-sleep", "./...")
	if onlySleep.code != exitLintReported || strings.Contains(onlySleep.stderr, "Test1") {
		t.Errorf("testgate lint -format=text -sleep exit %d, stderr:\n%s\nwant exit 3 and only sleep's report", onlySleep.code, onlySleep.stderr)
	}

	res := runTestgate(t, dir, "lint", "-json", "./...")
	if res.code != exitOK {
		t.Fatalf("testgate lint -json exit code = %d, want 0 as a multichecker's\nstderr:\n%s", res.code, res.stderr)
	}
	var byPkg map[string]map[string][]struct {
		Posn    string `json:"posn"`
		Message string `json:"message"`
	}
	if err := json.Unmarshal([]byte(res.stdout), &byPkg); err != nil {
		t.Fatalf("testgate lint -json output is not {pkg: {analyzer: [diagnostic]}}: %v\n%s", err, res.stdout)
	}
	diags := byPkg["example.com/lintmod/greet [example.com/lintmod/greet.test]"]["testname"]
	if len(diags) != 1 || !strings.HasSuffix(diags[0].Posn, "greet_test.go:8:6") {
		t.Errorf("testname diagnostics of the test variant = %+v, want one at greet_test.go:8:6", diags)
	}
}

// flagSetForTest returns a flag set that reports errors instead of exiting.
func flagSetForTest() *flag.FlagSet {
	fs := flag.NewFlagSet("test", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

func TestOnlyFixingDiffingAndProfilingFlagsNeedTheMultichecker(t *testing.T) {
	cases := []struct {
		args []string
		want bool
	}{
		{[]string{"./..."}, false},
		{[]string{"-json", "-sleep", "-test=false", "-sleep.x=1", "./..."}, false},
		{[]string{"-fix", "./..."}, true},
		{[]string{"--diff", "./..."}, true},
		{[]string{"-c=2", "./..."}, true},
		{[]string{"-cpuprofile", "cpu.out", "./..."}, true},
		{[]string{"--", "-fix"}, false},
	}
	for _, tc := range cases {
		if got := needsMultichecker(tc.args); got != tc.want {
			t.Errorf("needsMultichecker(%q) = %v, want %v", tc.args, got, tc.want)
		}
	}
}
