// Command testgate keeps a team's tests honest before code merges: it runs
// test-quality analyzers over _test.go files and gates statement coverage.
//
// It is one binary used three ways: as a CLI (testgate lint, cover, check),
// as go vet's analysis tool (go vet -vettool=$(command -v testgate)), and,
// through package plugin, inside golangci-lint.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"

	"golang.org/x/tools/go/analysis/multichecker"

	"github.com/testgate/testgate/analyzers"
)

// Exit codes shared by the subcommands.
const (
	exitOK       = 0
	exitFailed   = 1 // a gate failed: a threshold missed, a test failed
	exitBadUsage = 2 // bad flags, bad config, unreadable input
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

// newFlagSet returns a flag set that reports errors to stderr and shows
// usage and then the flags on -h.
func newFlagSet(name, usage string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, usage)
		fs.PrintDefaults()
	}
	return fs
}

// parse parses args with fs; when it returns false the command ends with
// code: 0 after -h, 2 for a bad flag (which fs reported).
func parse(fs *flag.FlagSet, args []string) (code int, ok bool) {
	switch err := fs.Parse(args); {
	case errors.Is(err, flag.ErrHelp):
		return exitOK, false
	case err != nil:
		return exitBadUsage, false
	}
	return exitOK, true
}

// parseInterleaved is parse for a command whose flags may stand among its
// other arguments (cover c.out -total 0), as in go's commands; after "--"
// every argument is one of the others, which it returns.
func parseInterleaved(fs *flag.FlagSet, args []string) (others []string, code int, ok bool) {
	for {
		if code, ok := parse(fs, args); !ok {
			return nil, code, false
		}
		rest := fs.Args()
		if n := len(args) - len(rest); n > 0 && args[n-1] == "--" || len(rest) == 0 {
			return append(others, rest...), exitOK, true
		}
		others = append(others, rest[0])
		args = rest[1:]
	}
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
