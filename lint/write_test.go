package lint

import (
	"bytes"
	"encoding/json"
	"go/token"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"

	"github.com/testgate/testgate/internal/testtree"
)

// sampleRoot is where sampleResult's module lies; it need not exist.
const sampleRoot = "/work/repo"

func sampleResult() *Result {
	file := filepath.Join(sampleRoot, "greet", "greet_test.go")
	return &Result{Findings: []Finding{
		{
			Analyzer: "testname",
			Posn:     token.Position{Filename: file, Offset: 50, Line: 8, Column: 6},
			End:      token.Position{Filename: file, Offset: 55, Line: 8, Column: 11},
			Message:  "test name Test1 says nothing; name the behaviour",
		},
		{
			Analyzer: "sleep",
			Posn:     token.Position{Filename: file, Offset: 300, Line: 17, Column: 2},
			Message:  "time.Sleep in test waits on wall-clock time; use 50% less, or synchronize",
		},
		{
			Analyzer: "sleep",
			Posn:     token.Position{Filename: "/elsewhere/dir, with comma/x_test.go", Offset: 10, Line: 3, Column: 1},
			Message:  "time.Sleep in test\nsecond line",
		},
	}}
}

var sampleAnalyzers = []*analysis.Analyzer{
	{Name: "testname", Doc: "testname: report test names that say nothing\n\nLonger text.", URL: "https://example.com/testname"},
	{Name: "sleep", Doc: "sleep: report time.Sleep in tests", URL: "https://example.com/sleep"},
}

// TestWritersMatchTheirGoldenFiles pins every format on one run with a
// finding that has an end, one without, one outside the root, and a
// package that did not load.
func TestWritersMatchTheirGoldenFiles(t *testing.T) {
	res := sampleResult()
	res.Problems = []string{"greet.go:1:1: expected 'package'"}
	writers := map[string]func(*bytes.Buffer) error{
		"text":     func(b *bytes.Buffer) error { return WriteText(b, res.Findings) },
		"github":   func(b *bytes.Buffer) error { return WriteGitHub(b, res.Findings, sampleRoot) },
		"markdown": func(b *bytes.Buffer) error { return WriteMarkdown(b, res, sampleRoot) },
		"sarif":    func(b *bytes.Buffer) error { return WriteSARIF(b, sampleAnalyzers, res, sampleRoot, "v1.2.3") },
	}
	for _, format := range Formats {
		t.Run(format, func(t *testing.T) {
			var out bytes.Buffer
			if err := writers[format](&out); err != nil {
				t.Fatal(err)
			}
			testtree.Golden(t, filepath.Join("testdata", format+".golden"), out.Bytes())
		})
	}
}

func TestWriteSARIFValidatesAgainstTheSchema(t *testing.T) {
	res := sampleResult()
	res.Problems = []string{"greet.go:1:1: expected 'package'"}
	var out bytes.Buffer
	if err := WriteSARIF(&out, sampleAnalyzers, res, sampleRoot, "v1.2.3"); err != nil {
		t.Fatal(err)
	}
	testtree.ValidateSARIF(t, out.Bytes())
	var log sarifLog
	if err := json.Unmarshal(out.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	run := log.Runs[0]
	rules := run.Tool.Driver.Rules
	if len(rules) != 2 || rules[0].ID != "testname" || rules[0].ShortDescription.Text != "testname: report test names that say nothing" ||
		rules[0].FullDescription.Text != sampleAnalyzers[0].Doc || rules[0].HelpURI != sampleAnalyzers[0].URL {
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
	if err := WriteSARIF(&out, nil, &Result{}, t.TempDir(), "(devel)"); err != nil {
		t.Fatal(err)
	}
	testtree.ValidateSARIF(t, out.Bytes())
	// GitHub code scanning closes earlier alerts only on an explicit empty list.
	if !strings.Contains(out.String(), `"results": []`) {
		t.Errorf("SARIF without findings lacks an empty results list:\n%s", out.String())
	}
}

func TestWriteGitHubPrintsOneEscapedAnnotationPerFinding(t *testing.T) {
	var out bytes.Buffer
	if err := WriteGitHub(&out, sampleResult().Findings, sampleRoot); err != nil {
		t.Fatal(err)
	}
	want := "::warning file=greet/greet_test.go,line=8,col=6,endLine=8,endColumn=11,title=testgate testname::test name Test1 says nothing; name the behaviour\n" +
		"::warning file=greet/greet_test.go,line=17,col=2,title=testgate sleep::time.Sleep in test waits on wall-clock time; use 50%25 less, or synchronize\n" +
		"::warning file=/elsewhere/dir%2C with comma/x_test.go,line=3,col=1,title=testgate sleep::time.Sleep in test%0Asecond line\n"
	if out.String() != want {
		t.Errorf("WriteGitHub printed\n%s\nwant\n%s", out.String(), want)
	}
}

func TestWriteMarkdownSaysSoWhenNothingWasFound(t *testing.T) {
	var out bytes.Buffer
	if err := WriteMarkdown(&out, &Result{}, sampleRoot); err != nil {
		t.Fatal(err)
	}
	if want := "### ✅ testgate lint: 0 reports\n\n"; out.String() != want {
		t.Errorf("WriteMarkdown without findings = %q, want %q", out.String(), want)
	}
}
