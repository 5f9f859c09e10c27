package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"sync"

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
		if code := applyFixes(others, stdout, stderr); code != exitOK {
			return code
		}
		rest = others
	}
	if format == "text" && lint.NeedsMultichecker(rest) {
		if os.Getenv(multicheckerEnv) == "" {
			// The multichecker prints source lines (-c context, -diff).
			code, err := runRedacted(append([]string{"lint"}, rest...), []string{multicheckerEnv + "=1"}, stdout, stderr)
			if err != nil {
				fmt.Fprintf(stderr, "testgate lint: %v\n", err)
				return exitLintError
			}
			return code
		}
		// Declared only so that -help lists it; cutFormat took it out.
		flag.String("format", "text", "output format: "+strings.Join(lint.Formats, ", "))
		os.Args = append([]string{os.Args[0]}, rest...)
		multichecker.Main(analyzers.All()...) // exits
	}
	return lintFormatted(format, rest, stdout, stderr)
}

// applyFixes runs this binary as the multichecker with -fix and args, and
// returns its exit status.
func applyFixes(args []string, stdout, stderr io.Writer) int {
	// -fix first: a first argument that is a flag makes the multichecker run.
	code, err := runRedacted(append([]string{"-fix"}, args...), nil, stdout, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "testgate lint: %v\n", err)
		return exitLintError
	}
	return code
}

// multicheckerEnv marks a child process that runLint starts to run the
// multichecker itself.
const multicheckerEnv = "TESTGATE_LINT_MULTICHECKER"

// runRedacted runs this binary with args, and env added to the
// environment, as a child process whose output it copies through
// analyzers.CopyRedacted, and returns the child's exit status. The
// multichecker prints source lines (-c context, -diff) to os.Stdout and
// os.Stderr itself and then exits, so only another process's output can be
// filtered whole.
func runRedacted(args, env []string, stdout, stderr io.Writer) (int, error) {
	exe, err := os.Executable()
	if err != nil {
		return 0, err
	}
	cmd := exec.Command(exe, args...)
	cmd.Env = append(os.Environ(), env...)
	cmd.Stdin = os.Stdin
	outPipe, err := cmd.StdoutPipe()
	if err != nil {
		return 0, err
	}
	errPipe, err := cmd.StderrPipe()
	if err != nil {
		return 0, err
	}
	if err := cmd.Start(); err != nil {
		return 0, err
	}
	var wg sync.WaitGroup
	var outErr, errErr error
	wg.Go(func() { outErr = analyzers.CopyRedacted(stdout, outPipe) })
	wg.Go(func() { errErr = analyzers.CopyRedacted(stderr, errPipe) })
	wg.Wait() // before Wait, which closes the pipes
	err = cmd.Wait()
	var exitErr *exec.ExitError
	switch {
	case outErr != nil || errErr != nil:
		return 0, errors.Join(outErr, errErr)
	case errors.As(err, &exitErr):
		return exitErr.ExitCode(), nil
	case err != nil:
		return 0, err
	}
	return exitOK, nil
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
