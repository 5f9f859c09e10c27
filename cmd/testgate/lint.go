package main

import (
	"cmp"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"go/token"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/analysis/multichecker"
	"golang.org/x/tools/go/packages"

	"github.com/testgate/testgate/analyzers"
)

// Exit codes of a multichecker, which testgate lint keeps in every format.
const (
	exitLintError    = 1 // a package did not load or an analyzer failed
	exitLintReported = 3 // the analyzers reported something
)

const informationURI = "https://github.com/testgate/testgate"

// runLint behaves like a multichecker built from testgate's analyzers
// (same flags, same text and -json output, exit 3 when it reports), adds
// -format=sarif and -format=github, and loads only the named packages from
// source (see analyze). The flags that rewrite files or tune the driver
// itself go to the multichecker unchanged.
func runLint(args []string, stdout, stderr io.Writer) int {
	format, rest, err := cutFormat(args)
	if err != nil {
		fmt.Fprintf(stderr, "testgate lint: %v\n", err)
		return exitBadUsage
	}
	if format == "text" && needsMultichecker(rest) {
		// Declared only so that -help lists it; cutFormat took it out.
		flag.String("format", "text", "output format: text, sarif or github")
		os.Args = append([]string{os.Args[0]}, rest...)
		multichecker.Main(analyzers.All()...) // exits
	}
	return lintFormatted(format, rest, stdout, stderr)
}

// multicheckerOnly are the multichecker's flags beyond selection, options,
// -test and -json: applying fixes, showing diffs or context lines, and
// profiling the driver.
var multicheckerOnly = []string{"fix", "diff", "c", "debug", "cpuprofile", "memprofile", "trace", "V", "flags"}

func needsMultichecker(args []string) bool {
	for _, arg := range args {
		if arg == "--" {
			return false
		}
		if !strings.HasPrefix(arg, "-") {
			continue
		}
		name, _, _ := strings.Cut(strings.TrimLeft(arg, "-"), "=")
		if slices.Contains(multicheckerOnly, name) {
			return true
		}
	}
	return false
}

// cutFormat removes -format (or --format) from the flags in args and
// returns its value. The multichecker does not know the flag, so it has to
// go before the rest reaches it.
func cutFormat(args []string) (format string, rest []string, err error) {
	format = "text"
	for i := 0; i < len(args); i++ {
		arg := args[i]
		if arg == "--" {
			rest = append(rest, args[i:]...)
			break
		}
		name, value, hasValue := strings.Cut(strings.TrimPrefix(strings.TrimPrefix(arg, "-"), "-"), "=")
		if !strings.HasPrefix(arg, "-") || name != "format" {
			rest = append(rest, arg)
			continue
		}
		if !hasValue {
			if i+1 == len(args) {
				return "", nil, errors.New("flag needs an argument: -format")
			}
			i++
			value = args[i]
		}
		format = value
	}
	switch format {
	case "text", "sarif", "github":
		return format, rest, nil
	}
	return "", nil, fmt.Errorf("unknown -format %q; want text, sarif or github", format)
}

// lintFormatted parses the multichecker's selection and analyzer flags,
// runs the selected analyzers and prints their findings as SARIF or as
// GitHub workflow commands.
func lintFormatted(format string, args []string, stdout, stderr io.Writer) int {
	suite := analyzers.All()
	fs := flag.NewFlagSet("testgate lint -format="+format, flag.ContinueOnError)
	fs.SetOutput(stderr)
	tests := fs.Bool("test", true, "indicates whether test files should be analyzed, too")
	var asJSON *bool
	if format == "text" {
		asJSON = fs.Bool("json", false, "emit JSON output")
	}
	selection := registerAnalyzerFlags(fs, suite)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitBadUsage
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(stderr, "usage: testgate lint [-format=text|sarif|github] [-json] [-NAME] [-NAME.flag=value] [-test=false] packages...")
		return exitBadUsage
	}
	selected := selection.analyzers(suite)

	res, err := analyze(selected, fs.Args(), *tests)
	if err != nil {
		fmt.Fprintf(stderr, "testgate lint: %v\n", err)
		return exitLintError
	}
	for _, problem := range res.problems {
		fmt.Fprintln(stderr, problem)
	}
	root, err := os.Getwd()
	if err != nil {
		fmt.Fprintf(stderr, "testgate lint: %v\n", err)
		return exitLintError
	}
	switch {
	case format == "sarif":
		err = writeSARIF(stdout, selected, res, root)
	case format == "github":
		err = writeGitHub(stdout, res.findings, root)
	case *asJSON:
		// As the multichecker: the findings are data, not a failure.
		if err := res.graph.PrintJSON(stdout); err != nil {
			fmt.Fprintf(stderr, "testgate lint: writing json: %v\n", err)
			return exitLintError
		}
		if len(res.problems) > 0 {
			return exitLintError
		}
		return exitOK
	default:
		err = writeText(stderr, res.findings)
	}
	if err != nil {
		fmt.Fprintf(stderr, "testgate lint: writing %s: %v\n", format, err)
		return exitLintError
	}
	// As the multichecker: reports outrank load errors, analyzer failures
	// outrank reports.
	switch {
	case res.analyzerFailed:
		return exitLintError
	case len(res.findings) > 0:
		return exitLintReported
	case len(res.problems) > 0:
		return exitLintError
	}
	return exitOK
}

// selection holds the -NAME flags: if any is true only those analyzers
// run, otherwise those set to false are left out, as in a multichecker.
type selection map[*analysis.Analyzer]*choice

type choice struct{ set, on bool }

func (c *choice) IsBoolFlag() bool { return true }

func (c *choice) String() string {
	if c == nil || !c.set {
		return "unset"
	}
	return strconv.FormatBool(c.on)
}

func (c *choice) Set(s string) error {
	on, err := strconv.ParseBool(s)
	if err != nil {
		return err
	}
	*c = choice{set: true, on: on}
	return nil
}

// registerAnalyzerFlags defines -NAME and -NAME.flag for every analyzer, as
// the multichecker does; -NAME.flag sets the analyzer's own flag.
func registerAnalyzerFlags(fs *flag.FlagSet, suite []*analysis.Analyzer) selection {
	sel := make(selection, len(suite))
	for _, a := range suite {
		sel[a] = new(choice)
		fs.Var(sel[a], a.Name, fmt.Sprintf("enable %q analysis", a.Name))
		a.Flags.VisitAll(func(f *flag.Flag) {
			fs.Var(f.Value, a.Name+"."+f.Name, f.Usage)
		})
	}
	return sel
}

func (sel selection) analyzers(suite []*analysis.Analyzer) []*analysis.Analyzer {
	anyOn := false
	for _, c := range sel {
		anyOn = anyOn || c.on
	}
	var kept []*analysis.Analyzer
	for _, a := range suite {
		c := sel[a]
		keep := !c.set || c.on
		if anyOn {
			keep = c.on
		}
		if keep {
			kept = append(kept, a)
		}
	}
	return kept
}

// finding is one diagnostic at its resolved position.
type finding struct {
	analyzer string
	posn     token.Position
	end      token.Position // invalid when the analyzer gave no end
	message  string
}

// lintResult is what one run of the analyzers produced.
type lintResult struct {
	findings       []finding // de-duplicated, sorted by position
	problems       []string  // package errors and analyzer failures, as text
	analyzerFailed bool
	graph          *checker.Graph
}

// analyze loads the packages matching patterns (with their tests when
// tests is set) and runs the analyzers on them. A file that belongs to a
// package and to its test variant is analyzed twice; its findings are
// reported once.
//
// Only the packages matching patterns are parsed and type-checked from
// source; their dependencies come from the compiler's export data, as in
// go vet. Facts therefore flow between the packages named (./... names the
// whole module), not from the standard library or other modules: the
// analyzers treat a helper they know nothing about as the safe case (it
// may fail the test, it does not dial), and loading every dependency from
// source would cost four times as much.
func analyze(selected []*analysis.Analyzer, patterns []string, tests bool, buildFlags ...string) (lintResult, error) {
	mode := packages.LoadSyntax | packages.NeedModule
	pkgs, err := packages.Load(&packages.Config{Mode: mode, Tests: tests, BuildFlags: buildFlags}, patterns...)
	if err != nil {
		return lintResult{}, fmt.Errorf("loading %s: %w", strings.Join(patterns, " "), err)
	}
	if len(pkgs) == 0 {
		return lintResult{}, fmt.Errorf("%s matched no packages", strings.Join(patterns, " "))
	}
	res := lintResult{}
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		for _, e := range p.Errors {
			res.problems = append(res.problems, e.Error())
		}
	})
	keepRootImports(pkgs)
	graph, err := checker.Analyze(selected, pkgs, nil)
	if err != nil {
		return lintResult{}, fmt.Errorf("analyzing: %w", err)
	}
	res.graph = graph
	seen := make(map[finding]bool)
	for act := range graph.All() {
		if act.Err != nil {
			res.analyzerFailed = true
			res.problems = append(res.problems, fmt.Sprintf("%s: %v", act.Analyzer.Name, act.Err))
			continue
		}
		if !act.IsRoot {
			continue
		}
		for _, d := range act.Diagnostics {
			f := finding{act.Analyzer.Name, act.Package.Fset.Position(d.Pos), act.Package.Fset.Position(d.End), d.Message}
			if !seen[f] {
				seen[f] = true
				res.findings = append(res.findings, f)
			}
		}
	}
	slices.SortFunc(res.findings, func(a, b finding) int {
		return cmp.Or(
			cmp.Compare(a.posn.Filename, b.posn.Filename),
			cmp.Compare(a.posn.Offset, b.posn.Offset),
			cmp.Compare(a.analyzer, b.analyzer),
			cmp.Compare(a.message, b.message),
		)
	})
	return res, nil
}

// keepRootImports drops from each package's Imports the dependencies that
// were loaded from export data (placeholders without syntax or types), so
// that the checker runs fact-using analyzers only on packages it has
// source for, in dependency order.
func keepRootImports(roots []*packages.Package) {
	loaded := make(map[*packages.Package]bool, len(roots))
	for _, p := range roots {
		loaded[p] = true
	}
	for _, p := range roots {
		for path, imp := range p.Imports {
			if !loaded[imp] {
				delete(p.Imports, path)
			}
		}
	}
}

// relPath returns filename relative to root when it lies below root, and
// filename itself otherwise, in forward-slash form.
func relPath(root, filename string) (string, bool) {
	rel, err := filepath.Rel(root, filename)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return filepath.ToSlash(filename), false
	}
	return filepath.ToSlash(rel), true
}

// writeText prints findings as the multichecker does: one
// "file:line:col: message" line each.
func writeText(w io.Writer, findings []finding) error {
	for _, f := range findings {
		if _, err := fmt.Fprintf(w, "%s: %s\n", f.posn, f.message); err != nil {
			return err
		}
	}
	return nil
}

// writeGitHub prints one ::warning workflow command per finding, which
// GitHub Actions shows as an annotation on the pull request's diff.
func writeGitHub(w io.Writer, findings []finding, root string) error {
	for _, f := range findings {
		file, _ := relPath(root, f.posn.Filename)
		props := []string{
			"file=" + escapeProperty(file),
			"line=" + strconv.Itoa(f.posn.Line),
			"col=" + strconv.Itoa(f.posn.Column),
		}
		if f.end.IsValid() {
			props = append(props, "endLine="+strconv.Itoa(f.end.Line), "endColumn="+strconv.Itoa(f.end.Column))
		}
		props = append(props, "title="+escapeProperty("testgate "+f.analyzer))
		if _, err := fmt.Fprintf(w, "::warning %s::%s\n", strings.Join(props, ","), escapeData(f.message)); err != nil {
			return err
		}
	}
	return nil
}

// escapeData and escapeProperty encode what GitHub's workflow command
// syntax reserves, as @actions/core does.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}

// SARIF 2.1.0, the subset testgate fills in. GitHub code scanning reads
// rules (with help) from tool.driver and results with physical locations.
type (
	sarifLog struct {
		Schema  string     `json:"$schema"`
		Version string     `json:"version"`
		Runs    []sarifRun `json:"runs"`
	}
	sarifRun struct {
		Tool               sarifTool                        `json:"tool"`
		Invocations        []sarifInvocation                `json:"invocations"`
		OriginalURIBaseIDs map[string]sarifArtifactLocation `json:"originalUriBaseIds"`
		Results            []sarifResult                    `json:"results"`
	}
	sarifTool struct {
		Driver sarifDriver `json:"driver"`
	}
	sarifDriver struct {
		Name           string      `json:"name"`
		Version        string      `json:"version"`
		InformationURI string      `json:"informationUri"`
		Rules          []sarifRule `json:"rules"`
	}
	sarifRule struct {
		ID                   string            `json:"id"`
		Name                 string            `json:"name"`
		ShortDescription     sarifText         `json:"shortDescription"`
		FullDescription      sarifText         `json:"fullDescription"`
		Help                 sarifText         `json:"help"`
		HelpURI              string            `json:"helpUri,omitempty"`
		DefaultConfiguration sarifRuleDefaults `json:"defaultConfiguration"`
	}
	sarifRuleDefaults struct {
		Level string `json:"level"`
	}
	sarifText struct {
		Text string `json:"text"`
	}
	sarifInvocation struct {
		ExecutionSuccessful        bool                `json:"executionSuccessful"`
		ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications,omitempty"`
	}
	sarifNotification struct {
		Level   string    `json:"level"`
		Message sarifText `json:"message"`
	}
	sarifResult struct {
		RuleID    string          `json:"ruleId"`
		RuleIndex int             `json:"ruleIndex"`
		Level     string          `json:"level"`
		Message   sarifText       `json:"message"`
		Locations []sarifLocation `json:"locations,omitempty"`
	}
	sarifLocation struct {
		PhysicalLocation sarifPhysicalLocation `json:"physicalLocation"`
	}
	sarifPhysicalLocation struct {
		ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
		Region           sarifRegion           `json:"region"`
	}
	sarifArtifactLocation struct {
		URI       string `json:"uri"`
		URIBaseID string `json:"uriBaseId,omitempty"`
	}
	sarifRegion struct {
		StartLine   int `json:"startLine"`
		StartColumn int `json:"startColumn"`
		EndLine     int `json:"endLine,omitempty"`
		EndColumn   int `json:"endColumn,omitempty"`
	}
)

const sarifSchema = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

// srcRoot is the base that relative artifact URIs resolve against: the
// directory testgate ran in, normally the repository's root.
const srcRoot = "%SRCROOT%"

// writeSARIF prints the run as a SARIF 2.1.0 log with one rule per
// selected analyzer and one warning per finding.
func writeSARIF(w io.Writer, selected []*analysis.Analyzer, res lintResult, root string) error {
	driver := sarifDriver{Name: "testgate", Version: version(), InformationURI: informationURI, Rules: []sarifRule{}}
	ruleIndex := make(map[string]int, len(selected))
	for i, a := range selected {
		ruleIndex[a.Name] = i
		summary, _, _ := strings.Cut(a.Doc, "\n")
		driver.Rules = append(driver.Rules, sarifRule{
			ID:                   a.Name,
			Name:                 a.Name,
			ShortDescription:     sarifText{summary},
			FullDescription:      sarifText{a.Doc},
			Help:                 sarifText{a.Doc},
			HelpURI:              a.URL,
			DefaultConfiguration: sarifRuleDefaults{"warning"},
		})
	}
	invocation := sarifInvocation{ExecutionSuccessful: !res.analyzerFailed && len(res.problems) == 0}
	for _, p := range res.problems {
		invocation.ToolExecutionNotifications = append(invocation.ToolExecutionNotifications, sarifNotification{"error", sarifText{p}})
	}
	run := sarifRun{
		Tool:               sarifTool{driver},
		Invocations:        []sarifInvocation{invocation},
		OriginalURIBaseIDs: map[string]sarifArtifactLocation{srcRoot: {URI: fileURI(root) + "/"}},
		Results:            []sarifResult{}, // GitHub reads an empty list as "nothing found"
	}
	for _, f := range res.findings {
		result := sarifResult{RuleID: f.analyzer, RuleIndex: ruleIndex[f.analyzer], Level: "warning", Message: sarifText{f.message}}
		if f.posn.IsValid() {
			result.Locations = []sarifLocation{{sarifPhysicalLocation{artifactLocation(root, f.posn.Filename), region(f)}}}
		}
		run.Results = append(run.Results, result)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(sarifLog{Schema: sarifSchema, Version: "2.1.0", Runs: []sarifRun{run}})
}

func artifactLocation(root, filename string) sarifArtifactLocation {
	if rel, ok := relPath(root, filename); ok {
		return sarifArtifactLocation{URI: (&url.URL{Path: rel}).String(), URIBaseID: srcRoot}
	}
	return sarifArtifactLocation{URI: fileURI(filename)}
}

func fileURI(path string) string {
	path = filepath.ToSlash(path)
	if !strings.HasPrefix(path, "/") {
		path = "/" + path // a Windows drive letter
	}
	return (&url.URL{Scheme: "file", Path: path}).String()
}

// region converts Go's 1-based line and byte column to a SARIF region;
// the end is given only when the analyzer reported one.
func region(f finding) sarifRegion {
	r := sarifRegion{StartLine: f.posn.Line, StartColumn: max(1, f.posn.Column)}
	if f.end.IsValid() && f.end.Filename == f.posn.Filename && f.end.Offset >= f.posn.Offset {
		r.EndLine, r.EndColumn = f.end.Line, max(1, f.end.Column)
	}
	return r
}
