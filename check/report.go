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
)

// maxFailureLines bounds the output shown per failing test: the end of the
// output holds the failure; go test -run shows the rest.
const maxFailureLines = 30

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
	if s.Coverage == nil {
		fmt.Fprintln(w, "go test wrote no coverage data")
	} else if err := renderCoverage(w, s.Coverage); err != nil {
		return err
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
	for _, f := range s.Tests.Failures {
		name := strings.TrimPrefix(f.Package+"."+f.Test, ".")
		name = strings.TrimSuffix(name, ".")
		output := lastLines(strings.TrimRight(f.Output, "\n"), maxFailureLines)
		switch format {
		case "github":
			// A failed write shows again in the verdict's, whose error Write returns.
			_ = render.WorkflowCommand(w, "error", []render.Prop{{Key: "title", Value: "FAIL " + name}}, strings.Join(output, "\n"))
		case "markdown":
			fmt.Fprintf(w, "\n**FAIL** `%s`\n\n```\n%s\n```\n", name, strings.Join(output, "\n"))
		default:
			fmt.Fprintf(w, "--- FAIL: %s\n", name)
			for _, line := range output {
				fmt.Fprintf(w, "    %s\n", line)
			}
		}
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
	for _, f := range s.Lint.Findings {
		fmt.Fprintf(w, item, f.Location(root), f.Message, f.Analyzer)
	}
}

func lastLines(s string, n int) []string {
	if s == "" {
		return nil
	}
	lines := strings.Split(s, "\n")
	if len(lines) > n {
		skipped := len(lines) - n
		lines = append([]string{fmt.Sprintf("... %d earlier lines", skipped)}, lines[skipped:]...)
	}
	return lines
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
}

type jsonFailure struct {
	Package string `json:"package"`
	Test    string `json:"test,omitempty"` // empty when the package failed as a whole
	Output  string `json:"output"`
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
		doc.Tests.Packages = append(doc.Tests.Packages, jsonPackage{p.Path, p.Status, p.Elapsed.Seconds()})
	}
	for _, f := range s.Tests.Failures {
		doc.Tests.Failures = append(doc.Tests.Failures, jsonFailure{f.Package, f.Test, f.Output})
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
