package main

import (
	"io"
	"os"

	"golang.org/x/tools/go/analysis/multichecker"

	"github.com/testgate/testgate/analyzers"
)

// runLint behaves exactly like a multichecker built from testgate's
// analyzers: same flags, same -json shape, exit 3 when it reports.
func runLint(args []string, _, _ io.Writer) int {
	os.Args = append([]string{os.Args[0]}, args...)
	multichecker.Main(analyzers.All()...)
	return exitOK
}
