package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis/multichecker"

	"github.com/testgate/testgate/analyzers"
	"github.com/testgate/testgate/internal/argv"
	"github.com/testgate/testgate/lint"
)

// Exit codes of a multichecker, which testgate lint keeps in every format.
const (
	exitLintError    = 1 // a package did not load or an analyzer failed
	exitLintReported = 3 // the analyzers reported something
)

// runLint behaves like a multichecker built from testgate's analyzers
// (same flags, same text and -json output, exit 3 when it reports), adds
// -format=sarif, github and markdown, and loads only the named packages
// from source (see package lint). The flags that rewrite files or tune the
// driver itself go to the multichecker unchanged.
func runLint(args []string, stdout, stderr io.Writer) int {
	format, rest, err := cutFormat(args)
	if err != nil {
		fmt.Fprintf(stderr, "testgate lint: %v\n", err)
		return exitBadUsage
	}
	if format == "text" && needsMultichecker(rest) {
		// Declared only so that -help lists it; cutFormat took it out.
		flag.String("format", "text", "output format: "+strings.Join(lint.Formats, ", "))
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
	parsed, _ := argv.Split(args, nil, "--")
	return slices.ContainsFunc(parsed, func(a argv.Arg) bool { return slices.Contains(multicheckerOnly, a.Name) })
}

// cutFormat removes -format (or --format) from the flags in args and
// returns its value. The multichecker does not know the flag, so it has to
// go before the rest reaches it.
func cutFormat(args []string) (format string, rest []string, err error) {
	format = "text"
	parsed, tail := argv.Split(args, func(name string) bool { return name == "format" }, "--")
	for _, a := range parsed {
		switch {
		case a.Name != "format":
			rest = append(rest, a.Raw...)
		case !a.HasValue:
			return "", nil, errors.New("flag needs an argument: -format")
		default:
			format = a.Value
		}
	}
	if !slices.Contains(lint.Formats, format) {
		return "", nil, fmt.Errorf("unknown -format %q; want one of %s", format, strings.Join(lint.Formats, ", "))
	}
	return format, append(rest, tail...), nil
}

// lintFormatted parses the multichecker's selection and analyzer flags,
// runs the selected analyzers and prints their findings in format.
func lintFormatted(format string, args []string, stdout, stderr io.Writer) int {
	suite := analyzers.All()
	fs := flag.NewFlagSet("testgate lint -format="+format, flag.ContinueOnError)
	fs.SetOutput(stderr)
	tests := fs.Bool("test", true, "indicates whether test files should be analyzed, too")
	var asJSON *bool
	if format == "text" {
		asJSON = fs.Bool("json", false, "emit JSON output")
	}
	selection := lint.RegisterFlags(fs, suite)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitBadUsage
	}
	if fs.NArg() == 0 {
		fmt.Fprintf(stderr, "usage: testgate lint [-format=%s] [-json] [-NAME] [-NAME.flag=value] [-test=false] packages...\n", strings.Join(lint.Formats, "|"))
		return exitBadUsage
	}
	selected := selection.Analyzers(suite)
	res, err := lint.Run(lint.Options{Analyzers: selected, Patterns: fs.Args(), Tests: *tests})
	if err != nil {
		fmt.Fprintf(stderr, "testgate lint: %v\n", err)
		return exitLintError
	}
	for _, problem := range res.Problems {
		fmt.Fprintln(stderr, problem)
	}
	root, err := os.Getwd()
	if err != nil {
		fmt.Fprintf(stderr, "testgate lint: %v\n", err)
		return exitLintError
	}
	switch {
	case format == "sarif":
		err = lint.WriteSARIF(stdout, selected, res, root, version())
	case format == "github":
		err = lint.WriteGitHub(stdout, res.Findings, root)
	case format == "markdown":
		err = lint.WriteMarkdown(stdout, res, root)
	case *asJSON:
		// As the multichecker: the findings are data, not a failure.
		if err := res.Graph.PrintJSON(stdout); err != nil {
			fmt.Fprintf(stderr, "testgate lint: writing json: %v\n", err)
			return exitLintError
		}
		if len(res.Problems) > 0 {
			return exitLintError
		}
		return exitOK
	default:
		err = lint.WriteText(stderr, res.Findings)
	}
	if err != nil {
		fmt.Fprintf(stderr, "testgate lint: writing %s: %v\n", format, err)
		return exitLintError
	}
	// As the multichecker: reports outrank load errors, analyzer failures
	// outrank reports.
	switch {
	case res.AnalyzerFailed:
		return exitLintError
	case len(res.Findings) > 0:
		return exitLintReported
	case len(res.Problems) > 0:
		return exitLintError
	}
	return exitOK
}
