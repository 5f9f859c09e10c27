// Command testgate keeps a team's tests honest before code merges: it runs
// test-quality analyzers over _test.go files and gates statement coverage.
//
// It is one binary used three ways: as a CLI (testgate lint, cover, check),
// as go vet's analysis tool (go vet -vettool=$(command -v testgate)), and,
// through package plugin, inside golangci-lint.
package main

import (
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"

	"golang.org/x/tools/go/analysis/multichecker"

	"github.com/testgate/testgate/analyzers"
	"github.com/testgate/testgate/internal/cli"
)

const (
	exitOK       = cli.ExitOK
	exitFailed   = cli.ExitFailed
	exitBadUsage = cli.ExitBadUsage
)

type command struct {
	name    string
	summary string
	run     func(args []string, stdout, stderr io.Writer) int
}

// commands are words go vet never sends as the first argument; any other
// first argument (-flags, -V=full, a vet.cfg file, analyzer flags) is the
// analysis driver's.
func commands() []command {
	return []command{
		{"lint", "run the test-quality analyzers on packages (flags as a multichecker's)", runLint},
		{"cover", "gate coverage profiles against thresholds", runCover},
		{"check", "run tests with coverage, the analyzers and the coverage gate in one go", runCheck},
		{"version", "print testgate's version", runVersion},
		{"help", "list the commands and analyzers", runHelp},
	}
}

func main() {
	if len(os.Args) < 2 {
		os.Exit(runHelp(nil, os.Stdout, os.Stderr))
	}
	for _, cmd := range commands() {
		if cmd.name == os.Args[1] {
			os.Exit(cmd.run(os.Args[2:], os.Stdout, os.Stderr))
		}
	}
	if arg := os.Args[1]; !strings.HasPrefix(arg, "-") && !strings.HasSuffix(arg, ".cfg") {
		os.Exit(unknownCommand(arg, os.Stderr))
	}
	// go vet's protocol: multichecker answers -flags and -V=full and hands
	// *.cfg files to unitchecker; analyzer flags come before the patterns.
	multichecker.Main(analyzers.All()...)
}

// unknownCommand reports a first argument that is neither a command nor
// part of go vet's protocol: a mistyped command, or packages meant for
// testgate lint.
func unknownCommand(arg string, stderr io.Writer) int {
	names := make([]string, 0, len(commands()))
	for _, cmd := range commands() {
		names = append(names, cmd.name)
	}
	fmt.Fprintf(stderr, "testgate: unknown command %q; the commands are %s (testgate help describes them)\n", arg, strings.Join(names, ", "))
	return exitBadUsage
}

// failure returns a function that reports err as the command's and
// returns code.
func failure(stderr io.Writer, command string, code int) func(err error) int {
	return func(err error) int {
		fmt.Fprintf(stderr, "%s: %v\n", command, err)
		return code
	}
}

func runVersion(_ []string, stdout, _ io.Writer) int {
	fmt.Fprintf(stdout, "testgate %s\n", version())
	return exitOK
}

func version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok || info.Main.Version == "" {
		return "(devel)"
	}
	return info.Main.Version
}

func runHelp(_ []string, stdout, _ io.Writer) int {
	fmt.Fprintln(stdout, "testgate keeps tests honest before code merges.")
	fmt.Fprintln(stdout, "\nUsage:\n  testgate <command> [flags] [arguments]\n  go vet -vettool=$(command -v testgate) [flags] [packages]\n\nCommands:")
	for _, cmd := range commands() {
		fmt.Fprintf(stdout, "  %-8s %s\n", cmd.name, cmd.summary)
	}
	fmt.Fprintln(stdout, "\nAnalyzers (select with -NAME or -NAME=false):")
	for _, a := range analyzers.All() {
		summary, _, _ := strings.Cut(a.Doc, "\n")
		fmt.Fprintf(stdout, "  %-10s %s\n", a.Name, summary)
	}
	fmt.Fprintln(stdout, "\nRun 'testgate <command> -h' for a command's flags.")
	return exitOK
}
