package main

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/testgate/testgate/analyzers"
	"github.com/testgate/testgate/config"
	"github.com/testgate/testgate/coverage"
	"github.com/testgate/testgate/testrun"
)

const checkUsage = `Usage: testgate check [testgate flags] [go test flags] [packages]

The one command to run before merging: runs go test with coverage on the
packages (default ./...), runs every testgate analyzer on the same packages,
then gates coverage, and prints one summary. Flags that testgate does not
know (-race, -tags, -short, -run, ...) pass through to go test.
.testgate.yml configures all of it: the coverage section as for testgate
cover, and the lint section (enable, disable, per-analyzer options).

Exit status: 0 everything passed, 1 a test failed, the analyzers reported
or coverage missed a threshold, 2 bad usage, configuration or input.

testgate flags:
`

// newCheckFlags returns check's flag set, which holds the coverage gate's
// flags, and their values.
func newCheckFlags(stderr io.Writer) (*flag.FlagSet, *coverOptions) {
	fs := flag.NewFlagSet("testgate check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, checkUsage)
		fs.PrintDefaults()
	}
	return fs, registerCoverFlags(fs)
}

func runCheck(args []string, stdout, stderr io.Writer) int {
	fs, opts := newCheckFlags(stderr)
	ours, goTestArgs := splitCheckArgs(fs, args)
	if err := fs.Parse(ours); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitBadUsage
	}
	fail := func(err error) int {
		fmt.Fprintf(stderr, "testgate check: %v\n", err)
		return exitBadUsage
	}
	goFlags, patterns := testrun.SplitArgs(goTestArgs)
	if len(patterns) == 0 {
		// Before -args, whose followers belong to the test binary.
		patterns = []string{"./..."}
		at := len(goFlags)
		goTestArgs = slices.Insert(goTestArgs, at, patterns...)
	}
	cfg, err := loadConfig(opts.configFile)
	if err != nil {
		return fail(err)
	}
	selected, err := analyzers.Select(analyzers.All(), cfg.Lint.Settings, "lint")
	if err != nil {
		return fail(fmt.Errorf("%s: %w", cmp.Or(opts.configFile, config.FileName), err))
	}

	dir, err := os.MkdirTemp("", "testgate-check-")
	if err != nil {
		return fail(err)
	}
	defer os.RemoveAll(dir)
	profile := filepath.Join(dir, "coverage.out")

	// The analyzers load and type-check while the tests run: on a busy
	// machine it costs little, and it keeps check close to go test's time.
	var (
		lint    lintResult
		lintErr error
		wg      sync.WaitGroup
	)
	wg.Go(func() { lint, lintErr = analyze(selected, patterns, true, tagFlags(goFlags)...) })
	var progress io.Writer
	if isTerminal(stderr) {
		progress = stderr
	}
	tests, err := testrun.Run(context.Background(), testrun.Options{Args: goTestArgs, CoverProfile: profile, Progress: progress})
	wg.Wait()
	if err != nil {
		return fail(err)
	}

	sum := checkSummary{tests: tests, lint: lint, lintErr: lintErr}
	if hasBlocks(profile) {
		if sum.coverage, err = coverGate(opts, cfg, []string{profile}, stderr); err != nil {
			return fail(err)
		}
	}
	if err := sum.write(stdout, opts); err != nil {
		return fail(err)
	}
	if len(sum.problems()) > 0 {
		return exitFailed
	}
	return exitOK
}

// checkSummary is everything check found, rendered once at the end.
type checkSummary struct {
	tests    testrun.Result
	lint     lintResult
	lintErr  error
	coverage *coverage.Report // nil when go test wrote no coverage data
}

// problems lists why the check fails; none means it passes.
func (s *checkSummary) problems() []string {
	var list []string
	if !s.tests.Passed() {
		list = append(list, "tests failed")
	}
	switch {
	case s.lintErr != nil:
		list = append(list, "the analyzers could not run")
	case len(s.lint.findings) > 0 || len(s.lint.problems) > 0 || s.lint.analyzerFailed:
		list = append(list, "the analyzers reported")
	}
	switch {
	case s.coverage == nil:
		list = append(list, "go test wrote no coverage data")
	case !s.coverage.Pass:
		list = append(list, "coverage missed a threshold")
	}
	return list
}

func (s *checkSummary) verdict() string {
	if problems := s.problems(); len(problems) > 0 {
		return "check: FAIL: " + strings.Join(problems, ", ")
	}
	return "check: PASS"
}

// write renders the summary in the -format of the coverage report: plain
// sections around the table, Markdown for a job summary, GitHub
// annotations, or one JSON document.
func (s *checkSummary) write(w io.Writer, opts *coverOptions) error {
	root, _ := os.Getwd()
	if opts.format == "json" {
		return s.writeJSON(w, root)
	}
	heading := func(title string) {
		if opts.format == "markdown" {
			fmt.Fprintf(w, "\n### %s\n\n", title)
		} else if opts.format != "github" {
			fmt.Fprintf(w, "\n== %s\n", strings.ToLower(title))
		}
	}
	heading("Tests")
	s.writeTests(w, opts.format)
	heading("Lint")
	switch {
	case s.lintErr != nil:
		fmt.Fprintf(w, "the analyzers could not run: %v\n", s.lintErr)
	case opts.format == "github":
		if err := writeGitHub(w, s.lint.findings, root); err != nil {
			return err
		}
	default:
		s.writeLint(w, opts.format, root)
	}
	heading("Coverage")
	if s.coverage == nil {
		fmt.Fprintln(w, "go test wrote no coverage data")
	} else if err := writeCoverReport(opts, s.coverage, w); err != nil {
		return err
	}
	if opts.format == "markdown" {
		_, err := fmt.Fprintf(w, "\n**%s**\n", s.verdict())
		return err
	}
	_, err := fmt.Fprintf(w, "\n%s\n", s.verdict())
	return err
}

func (s *checkSummary) writeTests(w io.Writer, format string) {
	failedPkgs := 0
	for _, p := range s.tests.Packages {
		if p.Status == "FAIL" {
			failedPkgs++
		}
	}
	if format != "github" {
		fmt.Fprintf(w, "%s tested, %d failed\n", countOf(len(s.tests.Packages), "package"), failedPkgs)
	}
	for _, f := range s.tests.Failures {
		name := strings.TrimPrefix(f.Package+"."+f.Test, ".")
		name = strings.TrimSuffix(name, ".")
		output := lastLines(strings.TrimRight(f.Output, "\n"), maxFailureLines)
		switch format {
		case "github":
			fmt.Fprintf(w, "::error title=%s::%s\n", escapeProperty("FAIL "+name), escapeData(strings.Join(output, "\n")))
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

func (s *checkSummary) writeLint(w io.Writer, format, root string) {
	item := "%s:%d:%d: %s (%s)\n"
	if format == "markdown" {
		item = "- `%s:%d:%d`: %s (%s)\n"
	}
	fmt.Fprintln(w, countOf(len(s.lint.findings), "report"))
	for _, p := range s.lint.problems {
		fmt.Fprintln(w, p)
	}
	for _, f := range s.lint.findings {
		name, _ := relPath(root, f.posn.Filename)
		fmt.Fprintf(w, item, name, f.posn.Line, f.posn.Column, f.message, f.analyzer)
	}
}

// checkJSON is check's -format=json document; "coverage" is exactly
// testgate cover's -format=json report.
type checkJSON struct {
	Pass     bool              `json:"pass"`
	Problems []string          `json:"problems"`
	Tests    checkJSONTests    `json:"tests"`
	Lint     []checkJSONReport `json:"lint"`
	Coverage *coverage.Report  `json:"coverage"`
}

type checkJSONTests struct {
	Packages []checkJSONPackage `json:"packages"`
	Failures []checkJSONFailure `json:"failures"`
}

type checkJSONPackage struct {
	Path    string  `json:"path"`
	Status  string  `json:"status"` // ok, FAIL or ? (no test files), as go test prints
	Seconds float64 `json:"seconds"`
}

type checkJSONFailure struct {
	Package string `json:"package"`
	Test    string `json:"test,omitempty"` // empty when the package failed as a whole
	Output  string `json:"output"`
}

type checkJSONReport struct {
	Analyzer string `json:"analyzer"`
	Posn     string `json:"posn"`
	Message  string `json:"message"`
}

func (s *checkSummary) writeJSON(w io.Writer, root string) error {
	doc := checkJSON{
		Pass:     len(s.problems()) == 0,
		Problems: s.problems(),
		Tests:    checkJSONTests{Packages: []checkJSONPackage{}, Failures: []checkJSONFailure{}},
		Lint:     []checkJSONReport{},
		Coverage: s.coverage,
	}
	for _, p := range s.tests.Packages {
		doc.Tests.Packages = append(doc.Tests.Packages, checkJSONPackage{p.Path, p.Status, p.Elapsed.Seconds()})
	}
	for _, f := range s.tests.Failures {
		doc.Tests.Failures = append(doc.Tests.Failures, checkJSONFailure{f.Package, f.Test, f.Output})
	}
	for _, f := range s.lint.findings {
		name, _ := relPath(root, f.posn.Filename)
		doc.Lint = append(doc.Lint, checkJSONReport{f.analyzer, fmt.Sprintf("%s:%d:%d", name, f.posn.Line, f.posn.Column), f.message})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(doc)
}

// splitCheckArgs separates testgate's own flags, those defined on fs, from
// the go test flags and packages that pass through.
func splitCheckArgs(fs *flag.FlagSet, args []string) (ours, goTest []string) {
	for i := 0; i < len(args); i++ {
		arg := args[i]
		name, _, hasValue := strings.Cut(strings.TrimLeft(arg, "-"), "=")
		if name == "h" || name == "help" {
			ours = append(ours, arg)
			continue
		}
		f := fs.Lookup(name)
		if !strings.HasPrefix(arg, "-") || f == nil {
			goTest = append(goTest, arg)
			continue
		}
		ours = append(ours, arg)
		if b, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && b.IsBoolFlag() {
			continue
		}
		if !hasValue && i+1 < len(args) {
			i++
			ours = append(ours, args[i])
		}
	}
	return ours, goTest
}

// maxFailureLines bounds the output shown per failing test: the end of the
// output holds the failure; go test -run shows the rest.
const maxFailureLines = 30

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

// isTerminal reports whether w is a terminal, where progress lines help;
// in CI logs they would only repeat the summary.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}

// hasBlocks reports whether the profile go test wrote holds any block: when
// no package could be built it holds only its mode line, and the failing
// tests already say why.
func hasBlocks(profile string) bool {
	data, err := os.ReadFile(profile)
	return err == nil && bytes.Count(bytes.TrimSpace(data), []byte("\n")) > 0
}

func countOf(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// tagFlags returns the -tags flags among go test's flags, so that the
// analyzers see the files the tests are built from.
func tagFlags(goFlags []string) []string {
	var tags []string
	for i := 0; i < len(goFlags); i++ {
		name := strings.TrimLeft(goFlags[i], "-")
		switch {
		case strings.HasPrefix(name, "tags="):
			tags = append(tags, goFlags[i])
		case name == "tags" && i+1 < len(goFlags):
			tags = append(tags, goFlags[i], goFlags[i+1])
			i++
		}
	}
	return tags
}
