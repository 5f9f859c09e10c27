package check

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/testgate/testgate/coverage"
	"github.com/testgate/testgate/coverage/report"
	"github.com/testgate/testgate/internal/render"
	"github.com/testgate/testgate/internal/repo"
	"github.com/testgate/testgate/lint"
	"github.com/testgate/testgate/testrun"
)

// maxTestsBytes and maxLintBytes bound the failures and reports a summary
// lists: GitHub's job summary takes at most 1 MiB, and each failure's
// output is already bounded (see testrun.Failure).
const (
	maxTestsBytes = 512 << 10
	maxLintBytes  = 256 << 10
)

// Write renders s in one of testgate cover's formats (see report.Formats):
// plain sections around the coverage table, Markdown for a job summary,
// GitHub annotations, or one JSON document. File names are relative to
// root in text and JSON, and to the repository's root (see repo.Root) in
// what GitHub shows: annotations and Markdown.
func (s *Summary) Write(w io.Writer, format, root string) error {
	renderCoverage, err := report.Lookup(format)
	if err != nil {
		return err
	}
	if format == "json" {
		return s.writeJSON(w, root)
	}
	if format == "github" || format == "markdown" {
		root = repo.Root(root)
	}
	heading := func(title string) {
		switch format {
		case "markdown":
			fmt.Fprintf(w, "\n### %s\n\n", title)
		case "table":
			fmt.Fprintf(w, "\n== %s\n", strings.ToLower(title))
		}
	}
	heading("Tests")
	s.writeTests(w, format)
	heading("Lint")
	switch {
	case s.LintErr != nil:
		fmt.Fprintf(w, "the analyzers could not run: %v\n", s.LintErr)
	case format == "github":
		if err := lint.WriteGitHub(w, s.Lint.Findings, root); err != nil {
			return err
		}
	default:
		s.writeLint(w, format, root)
	}
	heading("Coverage")
	switch {
	case s.Coverage == nil && s.NoStatements():
		fmt.Fprintln(w, "nothing to measure: go test says each package tested has [no statements]")
	case s.Coverage == nil:
		fmt.Fprintln(w, "go test wrote no coverage data")
		for _, u := range s.Unmeasured {
			fmt.Fprintf(w, "  %s: %s\n", u.Name, u.Reason)
		}
	default:
		if err := renderCoverage(w, s.Coverage); err != nil {
			return err
		}
	}
	if format == "markdown" {
		_, err := fmt.Fprintf(w, "\n**%s**\n", s.Verdict())
		return err
	}
	_, err = fmt.Fprintf(w, "\n%s\n", s.Verdict())
	return err
}

func (s *Summary) writeTests(w io.Writer, format string) {
	failedPkgs := 0
	for _, p := range s.Tests.Packages {
		if p.Status == "FAIL" {
			failedPkgs++
		}
	}
	if format != "github" {
		fmt.Fprintf(w, "%s tested, %d failed\n", render.Plural(len(s.Tests.Packages), "package"), failedPkgs)
	}
	writeBounded(w, len(s.Tests.Failures), maxTestsBytes, "failures: go test shows them all", func(i int) string {
		f := s.Tests.Failures[i]
		var item strings.Builder
		name := failureName(f)
		output := strings.TrimRight(f.Output, "\n")
		switch format {
		case "github":
			render.WorkflowCommand(&item, "error", []render.Prop{{Key: "title", Value: "FAIL " + name}}, output)
		case "markdown":
			fmt.Fprintf(&item, "\n**FAIL** `%s`\n\n```\n%s\n```\n", name, output)
		default:
			fmt.Fprintf(&item, "--- FAIL: %s\n", name)
			for line := range strings.SplitSeq(output, "\n") {
				if line != "" {
					fmt.Fprintf(&item, "    %s\n", line)
				}
			}
		}
		return item.String()
	})
}

// failureName names a failure as go test would: the package, the test
// after a dot, and what ended a test that did not finish; "go test" itself
// for what it printed outside any package.
func failureName(f testrun.Failure) string {
	switch {
	case f.Package == "":
		return "go test"
	case f.Test == "":
		return f.Package
	case f.Unfinished:
		return f.Package + "." + f.Test + " (did not finish: " + unfinishedCause(f) + ")"
	}
	return f.Package + "." + f.Test
}

// writeBounded writes the n items that item returns until they would pass
// most bytes, then a line saying how many more there are.
func writeBounded(w io.Writer, n, most int, more string, item func(i int) string) {
	written := 0
	for i := range n {
		s := item(i)
		if written+len(s) > most && i > 0 {
			fmt.Fprintf(w, "... and %d more %s\n", n-i, more)
			return
		}
		written += len(s)
		io.WriteString(w, s)
	}
}

func (s *Summary) writeLint(w io.Writer, format, root string) {
	item := "%s: %s (%s)\n"
	if format == "markdown" {
		item = "- `%s`: %s (%s)\n"
	}
	fmt.Fprintln(w, render.Plural(len(s.Lint.Findings), "report"))
	for _, p := range s.Lint.Problems {
		fmt.Fprintln(w, p)
	}
	writeBounded(w, len(s.Lint.Findings), maxLintBytes, "reports: testgate lint shows them all", func(i int) string {
		f := s.Lint.Findings[i]
		return fmt.Sprintf(item, f.Location(root), f.Message, f.Analyzer)
	})
}

// jsonSummary is check's -format=json document; "coverage" is exactly
// testgate cover's -format=json report.
type jsonSummary struct {
	Pass     bool             `json:"pass"`
	Problems []string         `json:"problems"`
	Tests    jsonTests        `json:"tests"`
	Lint     []jsonFinding    `json:"lint"`
	Coverage *coverage.Report `json:"coverage"`
}

type jsonTests struct {
	Packages []jsonPackage `json:"packages"`
	Failures []jsonFailure `json:"failures"`
}

type jsonPackage struct {
	Path    string  `json:"path"`
	Status  string  `json:"status"` // ok, FAIL or ? (no test files), as go test prints
	Seconds float64 `json:"seconds"`
	// Coverage is go test's word on it ("75.0% of statements", "[no
	// statements]"), empty when go test wrote no coverage for it.
	Coverage string `json:"coverage"`
}

type jsonFailure struct {
	Package    string `json:"package"`
	Test       string `json:"test,omitempty"` // empty when the package failed as a whole
	Output     string `json:"output"`         // the end of it: the last lines, or those around a panic
	Unfinished bool   `json:"unfinished,omitempty"`
}

type jsonFinding struct {
	Analyzer string `json:"analyzer"`
	Posn     string `json:"posn"`
	Message  string `json:"message"`
}

func (s *Summary) writeJSON(w io.Writer, root string) error {
	doc := jsonSummary{
		Pass:     len(s.Problems()) == 0,
		Problems: s.Problems(),
		Tests:    jsonTests{Packages: []jsonPackage{}, Failures: []jsonFailure{}},
		Lint:     []jsonFinding{},
		Coverage: s.Coverage,
	}
	for _, p := range s.Tests.Packages {
		doc.Tests.Packages = append(doc.Tests.Packages, jsonPackage{p.Path, p.Status, p.Elapsed.Seconds(), p.Coverage})
	}
	for _, f := range s.Tests.Failures {
		doc.Tests.Failures = append(doc.Tests.Failures, jsonFailure{f.Package, f.Test, f.Output, f.Unfinished})
	}
	if s.Lint != nil {
		for _, f := range s.Lint.Findings {
			doc.Lint = append(doc.Lint, jsonFinding{f.Analyzer, f.Location(root), f.Message})
		}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(doc)
}
