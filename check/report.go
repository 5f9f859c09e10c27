package check

import (
	"cmp"
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
	for _, k := range sections {
		if failures := s.failures(k.kind); len(failures) > 0 {
			heading(k.title)
			s.writeFailures(w, format, k, failures)
		}
	}
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

// A section lists the failed tests of one kind, each entry labeled.
type section struct {
	kind         testrun.Kind
	title, label string
}

var sections = []section{
	{testrun.Failing, "Failing tests", "FAIL"},
	{testrun.Flaky, "Flaky tests", "FLAKY"},
	{testrun.OrderDependent, "Order-dependent tests", "ORDER-DEPENDENT"},
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
	if s.Seed == nil {
		return
	}
	switch format {
	case "github":
		// A failed write shows again in the verdict's, whose error Write returns.
		_ = render.WorkflowCommand(w, "notice", []render.Prop{{Key: "title", Value: "testgate shuffle"}}, fmt.Sprintf("tests shuffled with seed %d; replay the order with: %s", *s.Seed, s.Replay))
	case "markdown":
		fmt.Fprintf(w, "\nTests shuffled with seed %d; replay the order with `%s`\n", *s.Seed, s.Replay)
	default:
		fmt.Fprintf(w, "tests shuffled with seed %d; replay the order with: %s\n", *s.Seed, s.Replay)
	}
}

// writeFailures lists the failed tests of one kind, each with what the
// reruns found and the end of its first failed run's output.
func (s *Summary) writeFailures(w io.Writer, format string, k section, failures []testrun.Failure) {
	level := "error"
	if k.kind == testrun.Flaky && s.FlakyWarn {
		level = "warning"
	}
	writeBounded(w, len(failures), maxTestsBytes, "failures: go test shows them all", func(i int) string {
		f := failures[i]
		var item strings.Builder
		name := failureName(f)
		detail := s.detail(f)
		output := strings.TrimRight(f.Output, "\n")
		var replay string
		if len(f.Replay) > 0 {
			replay = "go test " + render.Shell(f.Replay)
		}
		switch format {
		case "github":
			msg := output
			if replay != "" {
				msg = "replay: " + replay + "\n" + msg
			}
			if detail != "" {
				msg = detail + "\n" + msg
			}
			_ = render.WorkflowCommand(&item, level, []render.Prop{{Key: "title", Value: k.label + " " + name}}, msg)
		case "markdown":
			if i > 0 {
				fmt.Fprintln(&item)
			}
			fmt.Fprintf(&item, "**%s** `%s`", k.label, name)
			if detail != "" {
				fmt.Fprintf(&item, ": %s", render.Markdown(detail))
			}
			fmt.Fprintln(&item)
			if replay != "" {
				fmt.Fprintf(&item, "\nReplay: `%s`\n", replay)
			}
			fmt.Fprintf(&item, "\n```\n%s\n```\n", output)
		default:
			fmt.Fprintf(&item, "--- %s: %s", k.label, name)
			if detail != "" {
				fmt.Fprintf(&item, ": %s", detail)
			}
			fmt.Fprintln(&item)
			if replay != "" {
				fmt.Fprintf(&item, "    replay: %s\n", replay)
			}
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
		_, _ = io.WriteString(w, s)
	}
}

// detail says what the reruns of a failed test found.
func (s *Summary) detail(f testrun.Failure) string {
	order := "source order"
	if s.Seed != nil {
		order = fmt.Sprintf("-shuffle=%d", *s.Seed)
	}
	switch {
	case f.Reruns == 0:
		return ""
	case f.Kind == testrun.Failing:
		return fmt.Sprintf("failed all %s alone", render.Plural(f.Reruns, "run"))
	case f.Kind == testrun.Flaky && f.Passes < f.Reruns:
		return fmt.Sprintf("passed %d of %s alone", f.Passes, render.Plural(f.Reruns, "run"))
	case f.Kind == testrun.Flaky:
		return fmt.Sprintf("passed all %s alone and its package's run in the same order (%s)", render.Plural(f.Reruns, "run"), order)
	case f.After != "":
		return fmt.Sprintf("passes alone, fails after %s (%s)", f.After, order)
	default:
		return fmt.Sprintf("passes alone, fails again in its package's order (%s)", order)
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
	Seed     *int64        `json:"seed"` // null when the tests ran in source order
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
	Kind       string `json:"kind"` // failing, flaky or order-dependent
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
		Tests:    jsonTests{Packages: []jsonPackage{}, Failures: []jsonFailure{}, Seed: s.Seed},
		Lint:     []jsonFinding{},
		Coverage: s.Coverage,
	}
	for _, p := range s.Tests.Packages {
		doc.Tests.Packages = append(doc.Tests.Packages, jsonPackage{p.Path, p.Status, p.Elapsed.Seconds(), p.Coverage})
	}
	for _, f := range s.Tests.Failures {
		doc.Tests.Failures = append(doc.Tests.Failures, jsonFailure{f.Package, f.Test, f.Output, f.Unfinished, string(cmp.Or(f.Kind, testrun.Failing))})
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
