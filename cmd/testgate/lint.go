package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"

	"golang.org/x/tools/go/analysis/multichecker"

	"github.com/testgate/testgate/analyzers"
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
	if fix, others := lint.CutFix(rest); fix {
		// The multichecker applies the fixes and exits 0 whatever is left;
		// the exit table wants 3 while reports remain: fix in a child
		// process, then report what is left.
		if code := applyFixes(others, stderr); code != exitOK {
			return code
		}
		rest = others
	}
	if format == "text" && lint.NeedsMultichecker(rest) {
		// Declared only so that -help lists it; cutFormat took it out.
		flag.String("format", "text", "output format: "+strings.Join(lint.Formats, ", "))
		os.Args = append([]string{os.Args[0]}, rest...)
		multichecker.Main(analyzers.All()...) // exits
	}
	return lintFormatted(format, rest, stdout, stderr)
}

// applyFixes runs this binary as the multichecker with -fix and args, and
// returns its exit status.
func applyFixes(args []string, stderr io.Writer) int {
	exe, err := os.Executable()
	if err != nil {
		fmt.Fprintf(stderr, "testgate lint: %v\n", err)
		return exitLintError
	}
	// -fix first: a first argument that is a flag makes the multichecker run.
	cmd := exec.Command(exe, append([]string{"-fix"}, args...)...)
	cmd.Stdout, cmd.Stderr = os.Stdout, stderr
	if err := cmd.Run(); err != nil {
		var exitErr *exec.ExitError
		if errors.As(err, &exitErr) {
			return exitErr.ExitCode()
		}
		fmt.Fprintf(stderr, "testgate lint: %v\n", err)
		return exitLintError
	}
	return exitOK
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
	if code, ok := parse(fs, args); !ok {
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
