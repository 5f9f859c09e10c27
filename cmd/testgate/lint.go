package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"golang.org/x/tools/go/analysis/multichecker"

	"github.com/testgate/testgate/analyzers"
	"github.com/testgate/testgate/internal/cli"
	"github.com/testgate/testgate/internal/repo"
	"github.com/testgate/testgate/lint"
)

const (
	exitLintError    = lint.ExitError
	exitLintReported = lint.ExitReported
)

// runLint behaves like a multichecker built from testgate's analyzers
// (same flags, same text and -json output, exit 3 when it reports), adds
// -format=sarif, github and markdown, and loads only the named packages
// from source (see package lint). The flags that rewrite files or tune the
// driver itself go to the multichecker unchanged.
func runLint(args []string, stdout, stderr io.Writer) int {
	format, rest, err := lint.CutFormat(args)
	if err != nil {
		fmt.Fprintf(stderr, "testgate lint: %v\n", err)
		return exitBadUsage
	}
	// status is a child process's exit status, or exitLintError when it
	// could not run.
	status := func(code int, err error) int {
		if err != nil {
			fmt.Fprintf(stderr, "testgate lint: %v\n", err)
			return exitLintError
		}
		return code
	}
	if fix, others := lint.CutFix(rest); fix {
		if code := status(lint.ApplyFixes(others, stdout, stderr)); code != exitOK {
			return code
		}
		rest = others
	}
	if format == "text" && lint.NeedsMultichecker(rest) {
		if !lint.InMulticheckerChild() {
			// The multichecker prints source lines (-c context, -diff).
			return status(lint.RunMultichecker(rest, stdout, stderr))
		}
		// Declared only so that -help lists it; cutFormat took it out.
		flag.String("format", "text", "output format: "+strings.Join(lint.Formats, ", "))
		os.Args = append([]string{os.Args[0]}, rest...)
		multichecker.Main(analyzers.All()...) // exits
	}
	return lintFormatted(format, rest, stdout, stderr)
}

// lintFormatted parses the multichecker's selection and analyzer flags,
// runs the selected analyzers and prints their findings in format.
func lintFormatted(format string, args []string, stdout, stderr io.Writer) int {
	suite := analyzers.All()
	fs := flag.NewFlagSet("testgate lint -format="+format, flag.ContinueOnError)
	fs.SetOutput(stderr)
	tests := fs.Bool("test", true, "indicates whether test files should be analyzed, too")
	asJSON := new(bool)
	if format == "text" {
		asJSON = fs.Bool("json", false, "emit JSON output")
	}
	selection := lint.RegisterFlags(fs, suite)
	if code, ok := cli.Parse(fs, args); !ok {
		return code
	}
	if fs.NArg() == 0 {
		fmt.Fprintf(stderr, "usage: testgate lint [-format=%s] [-json] [-NAME] [-NAME.flag=value] [-test=false] packages...\n", strings.Join(lint.Formats, "|"))
		return exitBadUsage
	}
	fail := failure(stderr, "testgate lint", exitLintError)
	selected := selection.Analyzers(suite)
	res, err := lint.Run(lint.Options{Analyzers: selected, Patterns: fs.Args(), Tests: *tests})
	if err != nil {
		return fail(err)
	}
	for _, problem := range res.Problems {
		fmt.Fprintln(stderr, problem)
	}
	// GitHub names files from the repository's root, whatever directory
	// the Action's working-directory makes the working directory.
	root := repo.Root(".")
	if *asJSON {
		// As the multichecker: the findings are data, not a failure.
		if err := res.Graph.PrintJSON(stdout); err != nil {
			return fail(fmt.Errorf("writing json: %w", err))
		}
		if len(res.Problems) > 0 {
			return exitLintError
		}
		return exitOK
	}
	out := stdout
	if format == "text" {
		out = stderr // as the multichecker
	}
	if err := lint.Write(out, format, res, selected, root, version()); err != nil {
		return fail(fmt.Errorf("writing %s: %w", format, err))
	}
	return res.ExitCode()
}
